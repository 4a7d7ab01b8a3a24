package io.calmsdk.testkit.internal.cis;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.world.FaultRules;
import io.calmsdk.testkit.internal.world.Ids;
import io.calmsdk.testkit.internal.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The global account's plans and quotas, the subaccount assignments and the asynchronous jobs that
 * change them. An assignment goes {@code STARTED} → {@code PROCESSING} → {@code OK} (or
 * {@code PROCESSING_FAILED}) as it is observed and as simulated time passes. Callers hold the world lock.
 */
public final class EntitlementBook {

    /**
     * The offering name one older SAP sample uses for the Cloud ALM API ({@code cf create-service
     * sap-cloud-alm-api standard}): accepted wherever the service is named.
     */
    public static final String CLOUD_ALM_OFFERING_ALIAS = "sap-cloud-alm-api";

    /**
     * An asynchronous entitlement job.
     *
     * @param id job id (the plain-text body of the 202)
     * @param assignments the assignments it changes
     * @param createdAt when it started
     */
    public record Job(String id, List<Assignment> assignments, Instant createdAt) {
    }

    private final World world;
    private final Map<String, GlobalAccountPlan> plans = new LinkedHashMap<>();
    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    /**
     * Creates the book with the configured global-account plans.
     *
     * @param world simulator state
     */
    public EntitlementBook(World world) {
        this.world = world;
        world.settings().globalAccountPlans().forEach(p -> plans.put(key(p.serviceName(), p.planName()), p));
    }

    private static String key(String service, String plan) {
        return service + "/" + plan;
    }

    /** Lets every stuck assignment run on: it finishes like any other once read enough. */
    public void releaseStuck() {
        for (Assignment a : assignments) {
            a.stuck = false;
        }
    }

    /** Forgets assignments and jobs. */
    public void reset() {
        assignments.clear();
        jobs.clear();
    }

    /**
     * The technical name a service name stands for: the Cloud ALM offering alias stands for
     * {@code SAPCloudALMAPIs}, every other name for itself.
     *
     * @param service a service or offering name, or null
     * @return the technical name, or null
     */
    public static String canonicalService(String service) {
        return CLOUD_ALM_OFFERING_ALIAS.equals(service) ? GlobalAccountPlan.CLOUD_ALM_SERVICE : service;
    }

    /**
     * Finds a plan the global account owns, accepting the Cloud ALM offering alias as the service name.
     *
     * @param service service name
     * @param plan plan name
     * @return the plan
     */
    public Optional<GlobalAccountPlan> plan(String service, String plan) {
        return Optional.ofNullable(plans.get(key(canonicalService(service), plan)));
    }

    /** @return every plan of the global account */
    public List<GlobalAccountPlan> plans() {
        return new ArrayList<>(plans.values());
    }

    /**
     * Global quota left for a plan.
     *
     * @param plan the plan
     * @return amount minus what all subaccounts hold or requested
     */
    public int remaining(GlobalAccountPlan plan) {
        if (plan.unlimited()) {
            return 0;
        }
        int used = 0;
        for (Assignment a : assignments) {
            if (a.service.equals(plan.serviceName()) && a.plan.equals(plan.planName())) {
                used += a.reservedAmount();
            }
        }
        return Math.max(0, plan.amount() - used);
    }

    /**
     * The assignments matching the filters, each observed once (which moves pending ones forward).
     *
     * @param subaccountId subaccount filter or null
     * @param service service filter or null
     * @param plan plan filter or null
     * @return the matching assignments
     */
    public List<Assignment> observe(String subaccountId, String service, String plan) {
        List<Assignment> result = new ArrayList<>();
        for (Assignment a : new ArrayList<>(assignments)) {
            if ((subaccountId == null || a.subaccountId.equals(subaccountId))
                    && (service == null || a.service.equals(service))
                    && (plan == null || a.plan.equals(plan))) {
                advance(a, true);
                if (!a.removed) {
                    result.add(a);
                }
            }
        }
        return result;
    }

    /**
     * Looks up a job and observes its assignments.
     *
     * @param id job id
     * @return the job
     */
    public Optional<Job> observeJob(String id) {
        Job job = jobs.get(id);
        if (job != null) {
            job.assignments().forEach(a -> advance(a, true));
        }
        return Optional.ofNullable(job);
    }

    /**
     * The job status the jobs-management API reports.
     *
     * @param job the job
     * @return IN_PROGRESS, COMPLETED or FAILED
     */
    public static String jobStatus(Job job) {
        boolean allDone = true;
        for (Assignment a : job.assignments()) {
            if ("PROCESSING_FAILED".equals(a.state) && !a.pending) {
                return "FAILED";
            }
            allDone &= !a.pending;
        }
        return allDone ? "COMPLETED" : "IN_PROGRESS";
    }

    /**
     * Applies a {@code PUT /entitlements/v1/subaccountServicePlans} body after validating all of it.
     *
     * @param body request body
     * @return the job id
     * @throws ApiError 400, 404 or 409 when the request cannot be accepted
     */
    public String assign(JsonNode body) {
        JsonNode plansNode = body.get("subaccountServicePlans");
        if (plansNode == null || !plansNode.isArray() || plansNode.isEmpty()) {
            throw new ApiError(400, "11001", "subaccountServicePlans must be a non-empty array");
        }
        List<Change> changes = new ArrayList<>();
        Map<String, Integer> extraUse = new LinkedHashMap<>();
        for (JsonNode entry : plansNode) {
            String service = entry.path("serviceName").asText("");
            String planName = entry.path("servicePlanName").asText("");
            if (service.isEmpty() || planName.isEmpty()) {
                throw new ApiError(400, "11001", "serviceName and servicePlanName are required");
            }
            GlobalAccountPlan plan = plan(service, planName).orElseThrow(() -> new ApiError(400, "11002",
                    "The global account is not entitled to plan '" + planName + "' of service '" + service + "'"));
            JsonNode infos = entry.get("assignmentInfo");
            if (infos == null || !infos.isArray() || infos.isEmpty()) {
                throw new ApiError(400, "11001", "assignmentInfo must be a non-empty array");
            }
            for (JsonNode info : infos) {
                changes.add(validate(plan, info, extraUse));
            }
        }
        Instant now = world.now();
        Optional<FaultRules.OutcomeFault> fault = world.faults().takeEntitlementFault();
        List<Assignment> touched = new ArrayList<>();
        for (Change c : changes) {
            Assignment a = find(c.subaccountId, c.plan.serviceName(), c.plan.planName())
                    .orElseGet(() -> {
                        Assignment created = new Assignment(c.subaccountId, c.plan.serviceName(), c.plan.planName(),
                                c.plan.category(), now);
                        assignments.add(created);
                        return created;
                    });
            a.requestedAmount = c.amount;
            a.requestedEnabled = c.enable;
            a.pending = true;
            a.observations = 0;
            a.startedAt = now;
            a.modifiedDate = now;
            a.state = "STARTED";
            a.stateMessage = "";
            a.stuck = fault.map(FaultRules.OutcomeFault::stuck).orElse(false);
            a.failure = fault.filter(f -> !f.stuck()).map(FaultRules.OutcomeFault::description).orElse(null);
            touched.add(a);
        }
        String jobId = Ids.uuid();
        jobs.put(jobId, new Job(jobId, touched, now));
        return jobId;
    }

    private record Change(String subaccountId, GlobalAccountPlan plan, int amount, boolean enable) {
    }

    private Change validate(GlobalAccountPlan plan, JsonNode info, Map<String, Integer> extraUse) {
        String subaccountId = info.path("subaccountGUID").asText("");
        if (subaccountId.isEmpty()) {
            throw new ApiError(400, "11001", "assignmentInfo.subaccountGUID is required");
        }
        if (world.subaccounts().find(subaccountId).isEmpty()) {
            throw new ApiError(404, "11004", "Subaccount " + subaccountId + " not found in the global account");
        }
        boolean hasAmount = info.has("amount") && !info.get("amount").isNull();
        boolean hasEnable = info.has("enable") && !info.get("enable").isNull();
        if (hasAmount && hasEnable) {
            throw new ApiError(400, "11001", "Specify either amount or enable, not both");
        }
        if (!hasAmount && !hasEnable) {
            throw new ApiError(400, "11001", "Specify amount or enable");
        }
        if (plan.category().amountBased() && !hasAmount) {
            throw new ApiError(400, "11001", "Plan '" + plan.planName() + "' of category " + plan.category()
                    + " is assigned with amount, not enable");
        }
        if (!plan.category().amountBased() && !hasEnable) {
            throw new ApiError(400, "11001", "Plan '" + plan.planName() + "' of category " + plan.category()
                    + " is assigned with enable, not amount");
        }
        int amount = 0;
        boolean enable = false;
        if (hasAmount) {
            JsonNode node = info.get("amount");
            if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0) {
                throw new ApiError(400, "11001", "amount must be a non-negative integer");
            }
            amount = node.asInt();
        } else {
            JsonNode node = info.get("enable");
            if (!node.isBoolean()) {
                throw new ApiError(400, "11001", "enable must be a boolean");
            }
            enable = node.asBoolean();
        }
        Optional<Assignment> existing = find(subaccountId, plan.serviceName(), plan.planName());
        if (existing.isPresent() && existing.get().pending) {
            throw new ApiError(409, "11009", "An entitlement change for plan '" + plan.planName()
                    + "' in subaccount " + subaccountId + " is still in progress");
        }
        int wanted = plan.category().amountBased() ? amount : (enable ? 1 : 0);
        if (!plan.unlimited()) {
            int held = existing.map(Assignment::reservedAmount).orElse(0);
            String quotaKey = plan.serviceName() + "/" + plan.planName();
            int available = remaining(plan) + held - extraUse.getOrDefault(quotaKey, 0);
            if (wanted > available) {
                throw new ApiError(400, "11005", "Not enough quota for plan '" + plan.planName() + "' of service '"
                        + plan.serviceName() + "': requested " + wanted + ", remaining " + Math.max(0, available));
            }
            extraUse.merge(quotaKey, wanted, Integer::sum);
        }
        return new Change(subaccountId, plan, amount, enable);
    }

    private Optional<Assignment> find(String subaccountId, String service, String plan) {
        return assignments.stream()
                .filter(a -> !a.removed && a.subaccountId.equals(subaccountId) && a.service.equals(service)
                        && a.plan.equals(plan))
                .findFirst();
    }

    /**
     * Moves a pending assignment forward: an observation counts towards the configured number of polls,
     * and simulated time towards the configured duration.
     *
     * @param a the assignment
     * @param observed whether a client just looked at it
     */
    void advance(Assignment a, boolean observed) {
        if (!a.pending) {
            return;
        }
        if (observed) {
            a.observations++;
        }
        Instant now = world.now();
        boolean due = a.observations >= world.settings().entitlementPolls()
                && !now.isBefore(a.startedAt.plus(world.settings().entitlementDuration()));
        if (a.stuck || !due) {
            a.state = a.observations > 0 ? "PROCESSING" : "STARTED";
            return;
        }
        a.pending = false;
        a.modifiedDate = now;
        String failure = a.failure;
        boolean removal = a.requestedEffectiveAmount() == 0;
        if (failure == null) {
            int instances = world.serviceManager().instanceCount(a.subaccountId, a.service, a.plan);
            if (a.requestedEffectiveAmount() < instances) {
                failure = "Cannot reduce the entitlement of plan '" + a.plan + "' to " + a.requestedEffectiveAmount()
                        + ": " + instances + " service instance(s) of it exist in the subaccount";
            }
        }
        if (failure != null) {
            a.state = "PROCESSING_FAILED";
            a.stateMessage = failure;
            return;
        }
        a.amount = a.requestedAmount;
        a.enabled = a.requestedEnabled;
        a.state = "OK";
        a.stateMessage = removal ? "Entitlement removed" : "Entitlement assigned";
        if (removal) {
            a.removed = true;
            assignments.remove(a);
        } else {
            a.visibilityReadsLeft = world.settings().planVisibilityReads();
            a.visibleAt = now.plus(world.settings().planVisibilityDelay());
        }
    }

    /**
     * Whether a plan is usable in a subaccount's Service Manager: assigned, done, and past the configured
     * visibility delay.
     *
     * @param subaccountId subaccount
     * @param service service name
     * @param plan plan name
     * @return whether Service Manager shows the plan
     */
    public boolean visibleInCatalog(String subaccountId, String service, String plan) {
        Optional<Assignment> a = find(subaccountId, service, plan);
        if (a.isEmpty()) {
            return false;
        }
        advance(a.get(), false);
        Assignment assignment = a.get();
        return assignment.effectiveAmount() > 0 && assignment.visibilityReadsLeft <= 0
                && !world.now().isBefore(assignment.visibleAt);
    }

    /**
     * Counts one Service Manager catalog read in a subaccount towards the visibility delay.
     *
     * @param subaccountId subaccount
     */
    public void catalogRead(String subaccountId) {
        for (Assignment a : assignments) {
            if (a.subaccountId.equals(subaccountId) && !a.pending && a.visibilityReadsLeft > 0) {
                a.visibilityReadsLeft--;
            }
        }
    }

    /**
     * How many instances of a plan a subaccount may have.
     *
     * @param subaccountId subaccount
     * @param service service name
     * @param plan plan name
     * @return the assigned amount, {@link Integer#MAX_VALUE} for an enabled plan, 0 when not assigned
     */
    public int instanceQuota(String subaccountId, String service, String plan) {
        return find(subaccountId, service, plan)
                .map(a -> a.amountBased() ? a.amount : (a.enabled ? Integer.MAX_VALUE : 0))
                .orElse(0);
    }

    /**
     * Assigns a plan at once, as if a job had finished and the plan were already visible.
     *
     * @param subaccountId subaccount
     * @param plan the plan
     * @param amount amount (ignored for enable plans)
     * @param autoAssigned whether SAP assigned it automatically
     */
    public void seed(String subaccountId, GlobalAccountPlan plan, int amount, boolean autoAssigned) {
        Instant now = world.now();
        Assignment a = find(subaccountId, plan.serviceName(), plan.planName()).orElseGet(() -> {
            Assignment created = new Assignment(subaccountId, plan.serviceName(), plan.planName(), plan.category(),
                    now);
            assignments.add(created);
            return created;
        });
        a.amount = Math.max(a.amount, amount);
        a.requestedAmount = a.amount;
        a.enabled = true;
        a.requestedEnabled = true;
        a.pending = false;
        a.state = "OK";
        a.stateMessage = "Entitlement assigned";
        a.autoAssigned = autoAssigned;
        a.visibilityReadsLeft = 0;
        a.visibleAt = Instant.MIN;
    }

    /**
     * A snapshot of every assignment (not observed).
     *
     * @return the assignments
     */
    public List<Assignment> all() {
        for (Assignment a : new ArrayList<>(assignments)) {
            advance(a, false);
        }
        return new ArrayList<>(assignments);
    }
}
