package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.ErrorStyle;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.uaa.BearerTokens;
import io.calmsdk.testkit.internal.uaa.OAuthClient;
import io.calmsdk.testkit.internal.world.Subaccounts;
import io.calmsdk.testkit.internal.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated Service Manager API of every subaccount; the subaccount is the one of the Service Manager
 * key whose token the request carries. Handles authentication, rate limits, paging and queries, and
 * delegates state changes to {@link ServiceManagerBook}.
 */
public final class ServiceManagerApi {

    private static final Set<String> OFFERING_FIELDS = Set.of("id", "name", "catalog_id", "catalog_name",
            "broker_id", "ready", "bindable", "description", "created_at", "updated_at");
    private static final Set<String> PLAN_FIELDS = Set.of("id", "name", "catalog_id", "catalog_name",
            "service_offering_id", "free", "bindable", "ready", "description", "created_at", "updated_at");
    private static final Set<String> INSTANCE_FIELDS = Set.of("id", "name", "service_plan_id", "platform_id",
            "ready", "usable", "shared", "subaccount_id", "created_at", "updated_at");
    private static final Set<String> BINDING_FIELDS = Set.of("id", "name", "service_instance_id", "ready",
            "subaccount_id", "created_at", "updated_at");

    private final World world;
    private final SmErrors errors;

    /**
     * Creates the API.
     *
     * @param world simulator state
     */
    public ServiceManagerApi(World world) {
        this.world = world;
        this.errors = new SmErrors(world.settings().retryAfterFormat());
    }

    /** @return the error style */
    public ErrorStyle errors() {
        return errors;
    }

    @FunctionalInterface
    private interface Handler {
        SimResponse handle(SimRequest request, String subaccountId);
    }

    /** @return the routes */
    public Router router() {
        return new Router()
                .route("GET", "/v1/service_offerings", secured(this::listOfferings, RateLimiter.Category.CATALOG))
                .route("GET", "/v1/service_offerings/{id}", secured(this::getOffering, RateLimiter.Category.CATALOG))
                .route("GET", "/v1/service_plans", secured(this::listPlans, RateLimiter.Category.CATALOG))
                .route("GET", "/v1/service_plans/{id}", secured(this::getPlan, RateLimiter.Category.CATALOG))
                .route("GET", "/v1/service_instances", secured(this::listInstances))
                .route("POST", "/v1/service_instances",
                        secured(this::createInstance, RateLimiter.Category.INSTANCE_CREATES))
                .route("GET", "/v1/service_instances/{id}", secured(this::getInstance))
                .route("PATCH", "/v1/service_instances/{id}", secured(this::updateInstance))
                .route("DELETE", "/v1/service_instances/{id}", secured(this::deleteInstance))
                .route("GET", "/v1/service_instances/{id}/parameters", secured(this::instanceParameters))
                .route("GET", "/v1/service_instances/{id}/operations/{opId}",
                        secured((r, s) -> operation(r, s, ServiceManagerBook.INSTANCES)))
                .route("GET", "/v1/service_bindings", secured(this::listBindings, RateLimiter.Category.BINDINGS))
                .route("POST", "/v1/service_bindings", secured(this::createBinding, RateLimiter.Category.BINDINGS))
                .route("GET", "/v1/service_bindings/{id}", secured(this::getBinding, RateLimiter.Category.BINDINGS))
                .route("DELETE", "/v1/service_bindings/{id}",
                        secured(this::deleteBinding, RateLimiter.Category.BINDINGS))
                .route("GET", "/v1/service_bindings/{id}/parameters",
                        secured(this::bindingParameters, RateLimiter.Category.BINDINGS))
                .route("GET", "/v1/service_bindings/{id}/operations/{opId}",
                        secured((r, s) -> operation(r, s, ServiceManagerBook.BINDINGS), RateLimiter.Category.BINDINGS));
    }

    private io.calmsdk.testkit.internal.http.RouteHandler secured(Handler handler, RateLimiter.Category... extra) {
        return request -> {
            String subaccountId = authenticate(request);
            List<RateLimiter.Category> categories = new ArrayList<>(List.of(extra));
            categories.add(RateLimiter.Category.CALLS);
            Instant now = world.now();
            Optional<Instant> retryAt = book().rateLimiter().acquire(subaccountId, categories, now);
            if (retryAt.isPresent()) {
                return errors.tooManyRequests(request, now, retryAt.get());
            }
            return handler.handle(request, subaccountId);
        };
    }

    private String authenticate(SimRequest request) {
        BearerTokens.Caller caller = BearerTokens.verify(request, world, "Unauthorized");
        OAuthClient client = caller.client()
                .filter(c -> c.kind() == OAuthClient.Kind.SERVICE_MANAGER)
                .orElseThrow(() -> new ApiError(401, "Unauthorized",
                        "The token was not issued for a Service Manager key, or the key was deleted"));
        return client.subaccountId();
    }

    private ServiceManagerBook book() {
        return world.serviceManager();
    }

    private static boolean async(SimRequest request) {
        return !request.query("async").map(String::trim).filter("false"::equalsIgnoreCase).isPresent();
    }

    private SimResponse list(SimRequest request, List<ObjectNode> resources, Set<String> fields,
                             Map<String, Map<String, List<String>>> labelsById) {
        ResourceQuery fieldQuery = ResourceQuery.field(request.query("fieldQuery").orElse(null), fields);
        ResourceQuery labelQuery = ResourceQuery.label(request.query("labelQuery").orElse(null));
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode r : resources) {
            Map<String, List<String>> labels = labelsById.getOrDefault(r.path("id").asText(), Map.of());
            if (fieldQuery.matchesFields(r) && labelQuery.matchesLabels(labels)) {
                matching.add(r);
            }
        }
        return SimResponse.json(200, Pager.page(request, matching, world.settings().defaultPageSize(),
                world.settings().maxPageSize()));
    }

    // ---------------------------------------------------------------- catalog

    private SimResponse listOfferings(SimRequest request, String subaccountId) {
        synchronized (world.lock()) {
            List<ObjectNode> items = new ArrayList<>();
            book().catalog().offerings(subaccountId)
                    .forEach(o -> items.add(SmJson.offering(o, book().catalog().created())));
            book().catalog().read(subaccountId);
            return list(request, items, OFFERING_FIELDS, Map.of());
        }
    }

    private SimResponse getOffering(SimRequest request, String subaccountId) {
        String id = request.pathParam("id");
        synchronized (world.lock()) {
            Optional<Catalog.Offering> offering = book().catalog().offerings(subaccountId).stream()
                    .filter(o -> o.id().equals(id)).findFirst();
            book().catalog().read(subaccountId);
            return offering.map(o -> SimResponse.json(200, SmJson.offering(o, book().catalog().created())))
                    .orElseThrow(() -> notFound("service offering", id));
        }
    }

    private SimResponse listPlans(SimRequest request, String subaccountId) {
        synchronized (world.lock()) {
            List<ObjectNode> items = new ArrayList<>();
            book().catalog().plans(subaccountId).forEach(p -> items.add(SmJson.plan(p, book().catalog().created())));
            book().catalog().read(subaccountId);
            return list(request, items, PLAN_FIELDS, Map.of());
        }
    }

    private SimResponse getPlan(SimRequest request, String subaccountId) {
        String id = request.pathParam("id");
        synchronized (world.lock()) {
            Optional<Catalog.Plan> plan = book().catalog().findPlan(subaccountId, id);
            book().catalog().read(subaccountId);
            return plan.map(p -> SimResponse.json(200, SmJson.plan(p, book().catalog().created())))
                    .orElseThrow(() -> notFound("service plan", id));
        }
    }

    private static ApiError notFound(String what, String id) {
        return new ApiError(404, "NotFound", "could not find such " + what + ": " + id);
    }

    // ---------------------------------------------------------------- instances

    private SimResponse listInstances(SimRequest request, String subaccountId) {
        synchronized (world.lock()) {
            List<ObjectNode> items = new ArrayList<>();
            Map<String, Map<String, List<String>>> labels = new java.util.HashMap<>();
            for (Instance i : book().instances().list(subaccountId)) {
                if (i.creating && world.faults().listsHideCreating()) {
                    continue;
                }
                items.add(SmJson.instance(world, i, book().subdomain(subaccountId)));
                labels.put(i.id, i.labels);
            }
            return list(request, items, INSTANCE_FIELDS, labels);
        }
    }

    private SimResponse createInstance(SimRequest request, String subaccountId) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        String name = text(body, "name");
        if (name == null) {
            throw new ApiError(400, "BadRequest", "name is required");
        }
        boolean async = async(request);
        synchronized (world.lock()) {
            Catalog.Plan plan = resolvePlan(subaccountId, body);
            Instance instance = book().instances().create(subaccountId, new Instances.InstanceRequest(name, plan,
                    body.get("parameters"), LabelOps.read(body.get("labels")), "service-manager"), async,
                    request.correlationId());
            if (!async) {
                return SimResponse.json(201, SmJson.instance(world, instance, book().subdomain(subaccountId)));
            }
            return accepted(ServiceManagerBook.INSTANCES, instance.id, instance.lastOperation);
        }
    }

    private Catalog.Plan resolvePlan(String subaccountId, JsonNode body) {
        String planId = text(body, "service_plan_id");
        if (planId != null) {
            return book().catalog().findPlan(subaccountId, planId).orElseThrow(() -> new ApiError(400, "BadRequest",
                    "Service plan " + planId + " is not available in this subaccount: check the entitlement"));
        }
        String offeringName = text(body, "service_offering_name");
        String planName = text(body, "service_plan_name");
        if (offeringName == null || planName == null) {
            throw new ApiError(400, "BadRequest",
                    "service_plan_id, or service_offering_name and service_plan_name, are required");
        }
        return book().catalog().findPlan(subaccountId, offeringName, planName).orElseThrow(() -> new ApiError(400,
                "BadRequest", "Service plan '" + planName + "' of offering '" + offeringName
                        + "' is not available in this subaccount: check the entitlement"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ApiError(400, "BadRequest", field + " must be a string");
        }
        return node.asText();
    }

    private static SimResponse accepted(String resourceType, String resourceId, Operation op) {
        return SimResponse.json(202, JsonSupport.object())
                .header("Location", resourceType + "/" + resourceId + "/operations/" + op.id);
    }

    private Instance visibleInstance(String subaccountId, String id, boolean observe) {
        Instance instance = book().instances().find(subaccountId, id)
                .orElseThrow(() -> notFound("service instance", id));
        // A 404 shows the client nothing, so it does not count as an observation of the running create.
        boolean hidden = instance.creating && world.settings().notFoundWhileCreating();
        book().operations().progress(instance.lastOperation, observe && !hidden);
        if (instance.deleted || (instance.creating && world.settings().notFoundWhileCreating())) {
            throw notFound("service instance", id);
        }
        return instance;
    }

    private SimResponse getInstance(SimRequest request, String subaccountId) {
        synchronized (world.lock()) {
            Instance instance = visibleInstance(subaccountId, request.pathParam("id"), true);
            return SimResponse.json(200, SmJson.instance(world, instance, book().subdomain(subaccountId)));
        }
    }

    private SimResponse instanceParameters(SimRequest request, String subaccountId) {
        synchronized (world.lock()) {
            Instance instance = visibleInstance(subaccountId, request.pathParam("id"), false);
            return SimResponse.json(200, instance.parameters == null ? JsonSupport.object() : instance.parameters);
        }
    }

    private SimResponse updateInstance(SimRequest request, String subaccountId) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        JsonNode labels = body.get("labels");
        if (labels != null && !labels.isNull() && !labels.isArray()) {
            throw new ApiError(400, "BadRequest",
                    "labels of an update must be an array of {op, key, values} operations");
        }
        boolean async = async(request);
        synchronized (world.lock()) {
            Instance instance = visibleInstance(subaccountId, request.pathParam("id"), false);
            Operation op = book().instances().update(instance, new Instances.InstanceUpdate(text(body, "name"),
                    text(body, "service_plan_id"), body.get("parameters"), labels == null || labels.isNull() ? null
                    : labels), async, request.correlationId());
            if (!async) {
                return SimResponse.json(200, SmJson.instance(world, instance, book().subdomain(subaccountId)));
            }
            return accepted(ServiceManagerBook.INSTANCES, instance.id, op);
        }
    }

    private SimResponse deleteInstance(SimRequest request, String subaccountId) {
        boolean async = async(request);
        synchronized (world.lock()) {
            Instance instance = book().instances().find(subaccountId, request.pathParam("id"))
                    .filter(i -> !i.deleted)
                    .orElseThrow(() -> notFound("service instance", request.pathParam("id")));
            Operation op = book().instances().delete(instance, async, request.correlationId());
            if (!async) {
                return SimResponse.json(200, JsonSupport.object());
            }
            return accepted(ServiceManagerBook.INSTANCES, instance.id, op);
        }
    }

    private SimResponse operation(SimRequest request, String subaccountId, String resourceType) {
        String id = request.pathParam("id");
        String opId = request.pathParam("opId");
        synchronized (world.lock()) {
            Operation op = book().operations().find(opId)
                    .filter(o -> o.resourceId.equals(id) && o.resourceType.equals(resourceType)
                            && o.subaccountId.equals(subaccountId))
                    .orElseThrow(() -> notFound("operation", opId));
            boolean deleteDone = Operation.SUCCEEDED.equals(op.state)
                    && (op.kind == OperationKind.INSTANCE_DELETE || op.kind == OperationKind.BINDING_DELETE);
            if (deleteDone && world.settings().deleteOperationsVanish()) {
                throw notFound("operation", opId);
            }
            book().operations().progress(op, true);
            return SimResponse.json(200, SmJson.operation(op));
        }
    }

    // ---------------------------------------------------------------- bindings

    private SimResponse listBindings(SimRequest request, String subaccountId) {
        synchronized (world.lock()) {
            List<ObjectNode> items = new ArrayList<>();
            Map<String, Map<String, List<String>>> labels = new java.util.HashMap<>();
            for (Binding b : book().bindings().list(subaccountId)) {
                if (b.creating && world.faults().listsHideCreating()) {
                    continue;
                }
                items.add(SmJson.binding(world, b, book().subdomain(subaccountId)));
                labels.put(b.id, b.labels);
            }
            return list(request, items, BINDING_FIELDS, labels);
        }
    }

    private SimResponse createBinding(SimRequest request, String subaccountId) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        String name = text(body, "name");
        String instanceId = text(body, "service_instance_id");
        if (instanceId == null) {
            throw new ApiError(400, "BadRequest", "service_instance_id is required");
        }
        Map<String, List<String>> labels = LabelOps.read(body.get("labels"));
        JsonNode parameters = body.get("parameters");
        boolean async = async(request);
        Bindings.BindingPlan plan;
        synchronized (world.lock()) {
            plan = book().bindings().plan(subaccountId, instanceId, name, parameters, async);
        }
        // Certificate keys take a while to generate: do it without holding the world lock.
        Credentials.Material material = null;
        if (plan.options() != null) {
            String zone = world.subaccounts().find(subaccountId).map(Subaccounts.Subaccount::subdomain).orElse("");
            material = Credentials.create(world, plan.options(), plan.instance().clientId, subaccountId, zone);
        }
        synchronized (world.lock()) {
            Binding binding = book().bindings().create(plan, material, parameters, labels, async,
                    request.correlationId());
            if (!async) {
                return SimResponse.json(201, SmJson.binding(world, binding, book().subdomain(subaccountId)));
            }
            return accepted(ServiceManagerBook.BINDINGS, binding.id, binding.lastOperation);
        }
    }

    private Binding visibleBinding(String subaccountId, String id, boolean observe) {
        Binding binding = book().bindings().find(subaccountId, id).orElseThrow(() -> notFound("service binding", id));
        boolean hidden = binding.creating && world.settings().notFoundWhileCreating();
        book().operations().progress(binding.lastOperation, observe && !hidden);
        if (book().bindings().find(subaccountId, id).isEmpty()
                || (binding.creating && world.settings().notFoundWhileCreating())) {
            throw notFound("service binding", id);
        }
        return binding;
    }

    private SimResponse getBinding(SimRequest request, String subaccountId) {
        synchronized (world.lock()) {
            Binding binding = visibleBinding(subaccountId, request.pathParam("id"), true);
            return SimResponse.json(200, SmJson.binding(world, binding, book().subdomain(subaccountId)));
        }
    }

    private SimResponse bindingParameters(SimRequest request, String subaccountId) {
        synchronized (world.lock()) {
            Binding binding = visibleBinding(subaccountId, request.pathParam("id"), false);
            return SimResponse.json(200, binding.parameters == null ? JsonSupport.object() : binding.parameters);
        }
    }

    private SimResponse deleteBinding(SimRequest request, String subaccountId) {
        boolean async = async(request);
        synchronized (world.lock()) {
            Binding binding = book().bindings().find(subaccountId, request.pathParam("id"))
                    .orElseThrow(() -> notFound("service binding", request.pathParam("id")));
            Operation op = book().bindings().delete(binding, async, request.correlationId());
            if (!async) {
                return SimResponse.json(200, JsonSupport.object());
            }
            return accepted(ServiceManagerBook.BINDINGS, binding.id, op);
        }
    }
}
