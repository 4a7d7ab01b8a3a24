package io.calmsdk.testkit.internal.cis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The simulated Entitlements API: read assignments (204 when nothing matches), assign plans
 * asynchronously (202 with a plain-text job id), and the jobs-management status of the job.
 */
public final class EntitlementsApi {

    private final World world;

    /**
     * Creates the API.
     *
     * @param world simulator state
     */
    public EntitlementsApi(World world) {
        this.world = world;
    }

    /** @return the routes */
    public Router router() {
        return new Router()
                .route("GET", "/entitlements/v1/assignments", this::assignments)
                .route("PUT", "/entitlements/v1/subaccountServicePlans", this::assign)
                .route("GET", "/jobs-management/v1/jobs/{id}/status", request -> jobStatus(world, request));
    }

    private SimResponse assignments(SimRequest request) {
        CisAuth.check(request, world, false);
        String subaccount = request.query("subaccountGUID").filter(s -> !s.isEmpty()).orElse(null);
        String service = EntitlementBook.canonicalService(request.query("serviceName").filter(s -> !s.isEmpty())
                .orElse(null));
        String plan = request.query("planName").filter(s -> !s.isEmpty()).orElse(null);
        synchronized (world.lock()) {
            if (subaccount != null && world.subaccounts().find(subaccount).isEmpty()) {
                throw new ApiError(404, "11004", "Subaccount " + subaccount + " not found in the global account");
            }
            EntitlementBook book = world.entitlements();
            ArrayNode entitled = JsonSupport.array();
            Map<String, ObjectNode> entitledByService = new LinkedHashMap<>();
            for (GlobalAccountPlan p : book.plans()) {
                if ((service == null || p.serviceName().equals(service)) && (plan == null || matchesPlan(p, plan))) {
                    ObjectNode svc = entitledByService.computeIfAbsent(p.serviceName(),
                            name -> serviceNode(entitled.addObject(), name));
                    ObjectNode planNode = svc.withArray("servicePlans").addObject();
                    planNode.put("name", p.planName());
                    planNode.put("displayName", p.planName());
                    planNode.put("description", "Plan " + p.planName() + " of " + p.serviceName());
                    planNode.put("uniqueIdentifier", uniqueIdentifier(p));
                    planNode.put("provisioningMethod", "SERVICE_BROKER");
                    planNode.put("category", p.category().name());
                    planNode.put("amount", p.unlimited() ? 0 : p.amount());
                    planNode.put("remainingAmount", book.remaining(p));
                    planNode.put("unlimited", p.unlimited());
                    planNode.put("beta", false);
                    planNode.put("maxAllowedSubaccountQuota", p.unlimited() ? 0 : p.amount());
                }
            }
            ArrayNode assigned = JsonSupport.array();
            Map<String, ObjectNode> assignedByService = new LinkedHashMap<>();
            Map<String, ObjectNode> assignedByPlan = new LinkedHashMap<>();
            String planFilter = plan;
            List<Assignment> matches = book.observe(subaccount, service, null);
            for (Assignment a : matches) {
                GlobalAccountPlan p = book.plan(a.service, a.plan).orElse(null);
                if (p == null || (planFilter != null && !matchesPlan(p, planFilter))) {
                    continue;
                }
                ObjectNode svc = assignedByService.computeIfAbsent(a.service,
                        name -> serviceNode(assigned.addObject(), name));
                ObjectNode planNode = assignedByPlan.computeIfAbsent(a.service + "/" + a.plan, k -> {
                    ObjectNode n = svc.withArray("servicePlans").addObject();
                    n.put("name", a.plan);
                    n.put("displayName", a.plan);
                    n.put("uniqueIdentifier", uniqueIdentifier(p));
                    n.put("category", p.category().name());
                    n.put("unlimited", p.unlimited());
                    n.put("beta", false);
                    n.putArray("assignmentInfo");
                    return n;
                });
                assignmentInfo((ArrayNode) planNode.get("assignmentInfo"), a, p, book);
            }
            if (entitled.isEmpty() && assigned.isEmpty()) {
                return SimResponse.empty(204);
            }
            ObjectNode body = JsonSupport.object();
            body.set("entitledServices", entitled);
            body.set("assignedServices", assigned);
            return SimResponse.json(200, body);
        }
    }

    private static boolean matchesPlan(GlobalAccountPlan p, String requested) {
        return p.planName().equals(requested);
    }

    private void assignmentInfo(ArrayNode target, Assignment a, GlobalAccountPlan p, EntitlementBook book) {
        ObjectNode info = target.addObject();
        info.put("entityId", a.subaccountId);
        info.put("entityType", "SUBACCOUNT");
        info.put("amount", a.effectiveAmount());
        info.put("requestedAmount", a.requestedEffectiveAmount());
        if (!a.amountBased()) {
            info.put("enable", a.pending ? a.requestedEnabled : a.enabled);
        }
        info.put("entityState", a.state);
        info.put("stateMessage", a.stateMessage);
        info.put("autoAssigned", a.autoAssigned);
        info.put("autoAssign", false);
        info.put("autoDistributeAmount", 0);
        info.put("unlimitedAmountAssigned", false);
        info.put("parentId", world.globalAccountId());
        info.put("parentType", "GLOBAL_ACCOUNT");
        info.put("parentAmount", p.unlimited() ? 0 : p.amount());
        info.put("parentRemainingAmount", book.remaining(p));
        info.put("createdDate", a.createdDate.toEpochMilli());
        info.put("modifiedDate", a.modifiedDate.toEpochMilli());
    }

    private static ObjectNode serviceNode(ObjectNode node, String name) {
        node.put("name", name);
        node.put("displayName", GlobalAccountPlan.CLOUD_ALM_SERVICE.equals(name) ? "SAP Cloud ALM API" : name);
        node.put("ownerType", "VENDOR");
        ObjectNode category = node.putObject("businessCategory");
        category.put("id", "FOUNDATION_CROSS_SERVICES");
        category.put("displayName", "Foundation / Cross Services");
        node.putArray("servicePlans");
        return node;
    }

    private static String uniqueIdentifier(GlobalAccountPlan p) {
        return UUID.nameUUIDFromBytes((p.serviceName() + "/" + p.planName()).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private SimResponse assign(SimRequest request) {
        CisAuth.check(request, world, true);
        JsonNode body = request.json("11001");
        if (!body.isObject()) {
            throw new ApiError(400, "11001", "request body must be a JSON object");
        }
        String jobId;
        synchronized (world.lock()) {
            jobId = world.entitlements().assign(body);
        }
        return SimResponse.text(202, jobId);
    }

    /**
     * {@code GET /jobs-management/v1/jobs/{id}/status}, served by the Entitlements and Accounts hosts.
     *
     * @param world simulator state
     * @param request the request
     * @return the job status
     */
    static SimResponse jobStatus(World world, SimRequest request) {
        CisAuth.check(request, world, false);
        String id = request.pathParam("id");
        synchronized (world.lock()) {
            EntitlementBook.Job job = world.entitlements().observeJob(id)
                    .orElseThrow(() -> new ApiError(404, "11004", "Job " + id + " not found"));
            String status = EntitlementBook.jobStatus(job);
            ObjectNode body = JsonSupport.object();
            body.put("status", status);
            switch (status) {
                case "COMPLETED":
                    body.put("description", "The entitlement job completed");
                    break;
                case "FAILED":
                    body.put("description", "The entitlement job failed");
                    job.assignments().stream().filter(a -> "PROCESSING_FAILED".equals(a.state)).findFirst()
                            .ifPresent(a -> body.put("error", a.stateMessage));
                    break;
                default:
                    body.put("description", "The entitlement job is in progress");
            }
            return SimResponse.json(200, body);
        }
    }
}
