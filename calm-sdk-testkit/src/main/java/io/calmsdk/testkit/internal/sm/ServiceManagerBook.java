package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.internal.cis.EntitlementBook;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.uaa.OAuthClient;
import io.calmsdk.testkit.internal.world.FaultRules;
import io.calmsdk.testkit.internal.world.Ids;
import io.calmsdk.testkit.internal.world.Subaccounts;
import io.calmsdk.testkit.internal.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Service Manager state: instances, bindings and their asynchronous operations, per subaccount. Every
 * change runs as an {@link Operation}; synchronous requests complete it at once. Callers hold the world
 * lock.
 */
public final class ServiceManagerBook {

    /** Type of instance resources in operations and Location headers. */
    static final String INSTANCES = "/v1/service_instances";
    /** Type of binding resources in operations and Location headers. */
    static final String BINDINGS = "/v1/service_bindings";

    private static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final World world;
    private final Catalog catalog;
    private final RateLimiter rateLimiter;
    private final Instant catalogCreated;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, Binding> bindings = new LinkedHashMap<>();
    private final Map<String, Operation> operations = new HashMap<>();
    private final Map<String, ObjectNode> accountsBindings = new HashMap<>();
    private boolean seeding;

    /**
     * Creates the book.
     *
     * @param world simulator state
     */
    public ServiceManagerBook(World world) {
        this.world = world;
        this.catalog = new Catalog(world.settings().globalAccountPlans());
        this.rateLimiter = new RateLimiter(world.settings().serviceManagerLimits());
        this.catalogCreated = world.now();
    }

    /** Forgets instances, bindings, operations, Accounts-API bindings and rate-limit windows. */
    public void reset() {
        instances.clear();
        bindings.clear();
        operations.clear();
        accountsBindings.clear();
        rateLimiter.reset();
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    Instant catalogCreated() {
        return catalogCreated;
    }

    // ---------------------------------------------------------------- catalog

    List<Catalog.Plan> visiblePlans(String subaccountId) {
        EntitlementBook entitlements = world.entitlements();
        List<Catalog.Plan> result = new ArrayList<>();
        for (Catalog.Plan p : catalog.plans()) {
            if (entitlements.visibleInCatalog(subaccountId, p.source().serviceName(), p.source().planName())) {
                result.add(p);
            }
        }
        return result;
    }

    List<Catalog.Offering> visibleOfferings(String subaccountId) {
        List<Catalog.Offering> result = new ArrayList<>();
        for (Catalog.Plan p : visiblePlans(subaccountId)) {
            if (!result.contains(p.offering())) {
                result.add(p.offering());
            }
        }
        return result;
    }

    void catalogRead(String subaccountId) {
        world.entitlements().catalogRead(subaccountId);
    }

    Optional<Catalog.Plan> resolvePlan(String subaccountId, String offeringName, String planName) {
        List<Catalog.Plan> visible = visiblePlans(subaccountId);
        for (Catalog.Plan p : visible) {
            if (p.offering().name().equals(offeringName) && p.name().equals(planName)) {
                return Optional.of(p);
            }
        }
        if (GlobalAccountPlan.CLOUD_ALM_SERVICE.equals(offeringName)
                && (planName.equals(EntitlementBook.CLOUD_ALM_PLAN_ALIAS)
                || planName.equals(GlobalAccountPlan.CLOUD_ALM_PLAN))) {
            return visible.stream().filter(p -> p.offering().name().equals(offeringName)).findFirst();
        }
        return Optional.empty();
    }

    Optional<Catalog.Plan> visiblePlanById(String subaccountId, String planId) {
        return visiblePlans(subaccountId).stream().filter(p -> p.id().equals(planId)).findFirst();
    }

    // ---------------------------------------------------------------- operations

    private Operation startOperation(OperationKind kind, String resourceType, String resourceId, String subaccountId,
                                     String correlationId, String rejection) {
        Operation op = new Operation(Ids.uuid(), kind, resourceType, resourceId, subaccountId, world.now(),
                correlationId);
        if (rejection != null) {
            op.failureCode = SmErrors.BROKER_ERROR;
            op.failure = "Service broker failed with: " + rejection;
        }
        Optional<FaultRules.OutcomeFault> fault = seeding ? Optional.empty()
                : world.faults().takeOperationFault(kind);
        fault.ifPresent(f -> {
            if (f.stuck()) {
                op.stuck = true;
            } else if (op.failure == null) {
                op.failureCode = SmErrors.BROKER_ERROR;
                op.failure = f.description();
            }
        });
        operations.put(op.id, op);
        return op;
    }

    /**
     * Moves an operation forward.
     *
     * @param op the operation
     * @param observed whether a client just looked at it
     */
    void progress(Operation op, boolean observed) {
        if (op == null || !op.inProgress()) {
            return;
        }
        if (observed) {
            op.observations++;
        }
        if (op.stuck) {
            return;
        }
        Instant now = world.now();
        if (op.observations >= world.settings().operationPolls()
                && !now.isBefore(op.createdAt.plus(world.settings().operationDuration()))) {
            complete(op);
        }
    }

    private void complete(Operation op) {
        op.updatedAt = world.now();
        if (op.failure != null) {
            op.state = Operation.FAILED;
            op.onFailure.run();
        } else {
            op.state = Operation.SUCCEEDED;
            op.onSuccess.run();
        }
    }

    private void finishSync(Operation op, Runnable undo) {
        op.stuck = false;
        complete(op);
        if (op.failure != null) {
            undo.run();
            throw new ApiError(502, SmErrors.BROKER_ERROR, op.failure);
        }
    }

    Optional<Operation> operation(String id) {
        return Optional.ofNullable(operations.get(id));
    }

    /** Lets every stuck operation run on: it finishes like any other once polled enough. */
    public void releaseStuck() {
        for (Operation op : operations.values()) {
            op.stuck = false;
        }
    }

    /** Completes every running operation that is not stuck, as if enough time had passed. */
    public void completeAll() {
        for (Operation op : new ArrayList<>(operations.values())) {
            if (op.inProgress() && !op.stuck) {
                complete(op);
            }
        }
    }

    // ---------------------------------------------------------------- instances

    /**
     * A create request.
     *
     * @param name instance name
     * @param plan resolved plan
     * @param parameters parameters or null
     * @param labels labels
     * @param platformId platform id
     */
    record InstanceRequest(String name, Catalog.Plan plan, JsonNode parameters, Map<String, List<String>> labels,
                           String platformId) {
    }

    Instance createInstance(String subaccountId, InstanceRequest request, boolean async, String correlationId) {
        checkInstanceName(request.name());
        if (instances(subaccountId).stream().anyMatch(i -> i.name.equals(request.name()))) {
            throw new ApiError(409, "Conflict", "A service instance with name '" + request.name()
                    + "' already exists in this subaccount");
        }
        GlobalAccountPlan source = request.plan().source();
        int quota = world.entitlements().instanceQuota(subaccountId, source.serviceName(), source.planName());
        int used = instanceCount(subaccountId, source.serviceName(), source.planName());
        if (used >= quota) {
            throw new ApiError(400, "BadRequest", "Quota exceeded: the subaccount is entitled to " + quota
                    + " instance(s) of plan '" + source.planName() + "' of '" + source.serviceName()
                    + "' and has " + used);
        }
        Instance instance = new Instance(Ids.uuid(), subaccountId, request.platformId(), request.plan(), world.now());
        instance.name = request.name();
        instance.labels.putAll(request.labels());
        instance.labels.put("subaccount_id", List.of(subaccountId));
        instance.parameters = request.parameters() == null ? null : request.parameters().deepCopy();
        String rejection = null;
        if (isCloudAlm(request.plan())) {
            try {
                instance.xs = XsSecurity.parse(request.parameters(), instance.id);
                checkXsappnameFree(subaccountId, instance.xs.xsappname(), null);
            } catch (BrokerRejection e) {
                if (!async) {
                    throw new ApiError(400, SmErrors.BROKER_ERROR, "Service broker failed with: " + e.getMessage());
                }
                rejection = e.getMessage();
                instance.xs = new XsSecurity(instance.id, List.of(), List.of("binding-secret"), false, null);
            }
            instance.cloneXsappname = instance.xs.xsappname() + "!b" + Ids.appNumber() + "|"
                    + world.settings().cloudAlmMasterApp();
            instance.clientId = "sb-" + instance.cloneXsappname;
        } else if (request.parameters() != null && !request.parameters().isObject()) {
            throw new ApiError(400, "BadRequest", "parameters must be a JSON object");
        }
        instance.creating = true;
        instances.put(instance.id, instance);
        Operation op = startOperation(OperationKind.INSTANCE_CREATE, INSTANCES, instance.id, subaccountId,
                correlationId, rejection);
        instance.lastOperation = op;
        op.onSuccess = () -> {
            instance.creating = false;
            instance.ready = true;
            instance.usable = true;
            instance.updatedAt = world.now();
            registerClient(instance);
        };
        op.onFailure = () -> {
            instance.creating = false;
            instance.ready = false;
            instance.usable = false;
            instance.updatedAt = world.now();
        };
        if (!async) {
            finishSync(op, () -> instances.remove(instance.id));
        }
        return instance;
    }

    private static void checkInstanceName(String name) {
        if (name == null || !INSTANCE_NAME.matcher(name).matches()) {
            throw new ApiError(400, "BadRequest", "Invalid instance name '" + name + "': use 1 to 32 characters of"
                    + " A-Z, a-z, 0-9, '.', '_' and '-'");
        }
    }

    private void checkXsappnameFree(String subaccountId, String xsappname, String exceptInstanceId) {
        for (Instance other : instances(subaccountId)) {
            if (other.xs != null && other.xs.xsappname().equals(xsappname) && !other.id.equals(exceptInstanceId)) {
                throw new BrokerRejection("An application with xsappname '" + xsappname
                        + "' already exists in this subaccount");
            }
        }
    }

    static boolean isCloudAlm(Catalog.Plan plan) {
        return GlobalAccountPlan.CLOUD_ALM_SERVICE.equals(plan.offering().name());
    }

    private void registerClient(Instance instance) {
        if (instance.clientId == null) {
            return;
        }
        Subaccounts.Subaccount subaccount = world.subaccounts().find(instance.subaccountId).orElseThrow();
        String master = world.settings().cloudAlmMasterApp();
        OAuthClient client = new OAuthClient(instance.clientId, OAuthClient.Kind.CLOUD_ALM, instance.subaccountId,
                subaccount.subdomain(), instance.cloneXsappname, instance.id, false,
                () -> {
                    synchronized (world.lock()) {
                        return instance.xs.grantedScopes(master);
                    }
                },
                () -> {
                    synchronized (world.lock()) {
                        return Optional.ofNullable(instance.xs.tokenValidity()).map(Duration::ofSeconds);
                    }
                });
        world.clients().register(client);
    }

    /**
     * A PATCH request.
     *
     * @param name new name or null
     * @param planId new plan id or null
     * @param parameters new parameters or null
     * @param labelOps label operations or null
     */
    record InstanceUpdate(String name, String planId, JsonNode parameters, JsonNode labelOps) {
    }

    Operation updateInstance(Instance instance, InstanceUpdate update, boolean async, String correlationId) {
        checkIdle(instance);
        if (!instance.ready) {
            throw new ApiError(400, "BadRequest", "The service instance " + instance.id + " is not usable: its"
                    + " creation failed; delete it");
        }
        if (update.name() != null && !update.name().equals(instance.name)) {
            checkInstanceName(update.name());
            if (instances(instance.subaccountId).stream().anyMatch(i -> i.name.equals(update.name()))) {
                throw new ApiError(409, "Conflict", "A service instance with name '" + update.name()
                        + "' already exists in this subaccount");
            }
        }
        Catalog.Plan newPlan = instance.plan;
        if (update.planId() != null && !update.planId().equals(instance.plan.id())) {
            newPlan = visiblePlanById(instance.subaccountId, update.planId())
                    .filter(p -> p.offering().equals(instance.plan.offering()))
                    .orElseThrow(() -> new ApiError(400, "BadRequest", "Service plan " + update.planId()
                            + " is not an entitled plan of offering " + instance.plan.offering().name()));
        }
        Map<String, List<String>> newLabels = update.labelOps() == null ? instance.labels
                : LabelOps.apply(instance.labels, update.labelOps());
        XsSecurity newXs = instance.xs;
        String rejection = null;
        if (update.parameters() != null && isCloudAlm(instance.plan)) {
            try {
                newXs = XsSecurity.parse(update.parameters(), instance.xs.xsappname());
                if (!newXs.xsappname().equals(instance.xs.xsappname())) {
                    throw new BrokerRejection("The xsappname of an existing instance cannot be changed (it is '"
                            + instance.xs.xsappname() + "', the update asked for '" + newXs.xsappname() + "')");
                }
            } catch (BrokerRejection e) {
                if (!async) {
                    throw new ApiError(400, SmErrors.BROKER_ERROR, "Service broker failed with: " + e.getMessage());
                }
                rejection = e.getMessage();
            }
        } else if (update.parameters() != null && !update.parameters().isObject()) {
            throw new ApiError(400, "BadRequest", "parameters must be a JSON object");
        }
        Operation op = startOperation(OperationKind.INSTANCE_UPDATE, INSTANCES, instance.id, instance.subaccountId,
                correlationId, rejection);
        instance.lastOperation = op;
        Catalog.Plan plan = newPlan;
        XsSecurity xs = newXs;
        op.onSuccess = () -> {
            if (update.name() != null) {
                instance.name = update.name();
            }
            instance.plan = plan;
            instance.labels = newLabels;
            if (update.parameters() != null) {
                instance.parameters = update.parameters().isObject() ? (ObjectNode) update.parameters().deepCopy()
                        : null;
                instance.xs = xs;
            }
            instance.updatedAt = world.now();
        };
        op.onFailure = () -> instance.updatedAt = world.now();
        if (!async) {
            finishSync(op, () -> { });
        }
        return op;
    }

    Operation deleteInstance(Instance instance, boolean async, String correlationId) {
        checkIdle(instance);
        long bound = bindings.values().stream().filter(b -> b.instanceId.equals(instance.id)).count();
        if (bound > 0) {
            throw new ApiError(409, "Conflict", "The service instance " + instance.id + " has " + bound
                    + " binding(s); delete them first");
        }
        Operation op = startOperation(OperationKind.INSTANCE_DELETE, INSTANCES, instance.id, instance.subaccountId,
                correlationId, null);
        instance.lastOperation = op;
        op.onSuccess = () -> {
            instance.deleted = true;
            instances.remove(instance.id);
            if (instance.clientId != null) {
                world.clients().remove(instance.clientId);
            }
        };
        op.onFailure = () -> instance.updatedAt = world.now();
        if (!async) {
            finishSync(op, () -> { });
        }
        return op;
    }

    private void checkIdle(Instance instance) {
        progress(instance.lastOperation, false);
        if (instance.creating || (instance.lastOperation != null && instance.lastOperation.inProgress())) {
            throw new ApiError(422, "ConcurrentOperation", "Another concurrent operation is in progress for the"
                    + " service instance " + instance.id);
        }
    }

    Optional<Instance> instance(String subaccountId, String id) {
        Instance i = instances.get(id);
        return i != null && i.subaccountId.equals(subaccountId) ? Optional.of(i) : Optional.empty();
    }

    List<Instance> instances(String subaccountId) {
        List<Instance> result = new ArrayList<>();
        for (Instance i : new ArrayList<>(instances.values())) {
            if (i.subaccountId.equals(subaccountId)) {
                progress(i.lastOperation, false);
                if (!i.deleted) {
                    result.add(i);
                }
            }
        }
        return result;
    }

    /** @return every instance of every subaccount */
    public List<Instance> allInstances() {
        return new ArrayList<>(instances.values());
    }

    /**
     * Instances of a plan in a subaccount (any state), for quota and entitlement removal.
     *
     * @param subaccountId subaccount
     * @param service service name
     * @param plan plan name
     * @return the count
     */
    public int instanceCount(String subaccountId, String service, String plan) {
        int count = 0;
        for (Instance i : instances.values()) {
            if (i.subaccountId.equals(subaccountId) && !i.deleted
                    && i.plan.source().serviceName().equals(service) && i.plan.source().planName().equals(plan)) {
                count++;
            }
        }
        return count;
    }

    // ---------------------------------------------------------------- bindings

    /**
     * What a binding create needs after validation, before (slow) credential material is made.
     *
     * @param instance the instance
     * @param name binding name
     * @param options credential options, or null when the broker refuses
     * @param rejection the broker's refusal, or null
     */
    record BindingPlan(Instance instance, String name, Credentials.Options options, String rejection) {
    }

    BindingPlan planBinding(String subaccountId, String instanceId, String name, JsonNode parameters, boolean async) {
        if (name == null || name.isBlank()) {
            throw new ApiError(400, "BadRequest", "name is required");
        }
        Instance instance = instance(subaccountId, instanceId).filter(i -> !i.deleted)
                .orElseThrow(() -> new ApiError(404, "NotFound", "Service instance " + instanceId + " not found"));
        progress(instance.lastOperation, false);
        if (instance.creating || (instance.lastOperation != null && instance.lastOperation.inProgress())) {
            throw new ApiError(422, "ConcurrentOperation", "An operation is in progress for the service instance "
                    + instanceId);
        }
        if (!instance.ready) {
            throw new ApiError(400, "BadRequest", "The service instance " + instanceId + " is not usable");
        }
        if (bindings.values().stream().anyMatch(b -> b.instanceId.equals(instanceId) && b.name.equals(name))) {
            throw new ApiError(409, "Conflict", "A service binding with name '" + name
                    + "' already exists for this instance");
        }
        if (!isCloudAlm(instance.plan)) {
            return new BindingPlan(instance, name, new Credentials.Options("binding-secret", 0, Duration.ZERO), null);
        }
        try {
            return new BindingPlan(instance, name, Credentials.options(parameters, instance.xs, world.now()), null);
        } catch (BrokerRejection e) {
            if (!async) {
                throw new ApiError(400, SmErrors.BROKER_ERROR, "Service broker failed with: " + e.getMessage());
            }
            return new BindingPlan(instance, name, null, e.getMessage());
        }
    }

    Binding createBinding(BindingPlan plan, Credentials.Material material, JsonNode parameters,
                          Map<String, List<String>> labels, boolean async, String correlationId) {
        // The world lock was released while the material was made: check again.
        BindingPlan checked = planBinding(plan.instance().subaccountId, plan.instance().id, plan.name(), parameters,
                async);
        Instance instance = checked.instance();
        Binding binding = new Binding(Ids.uuid(), plan.name(), instance.id, instance.subaccountId, world.now());
        binding.labels.putAll(labels);
        binding.parameters = parameters == null || !parameters.isObject() ? null : (ObjectNode) parameters.deepCopy();
        binding.material = material;
        binding.creating = true;
        if (material != null) {
            String zone = world.subaccounts().find(instance.subaccountId).map(Subaccounts.Subaccount::subdomain)
                    .orElse("");
            binding.credentials = isCloudAlm(instance.plan)
                    ? Credentials.cloudAlmKey(world, instance, material, zone)
                    : Credentials.generic(instance);
        }
        bindings.put(binding.id, binding);
        Operation op = startOperation(OperationKind.BINDING_CREATE, BINDINGS, binding.id, instance.subaccountId,
                correlationId, plan.rejection());
        binding.lastOperation = op;
        op.onSuccess = () -> {
            binding.creating = false;
            binding.ready = true;
            binding.updatedAt = world.now();
            if (instance.clientId != null && material != null) {
                world.clients().find(instance.clientId).ifPresent(client -> {
                    if (material.secret() != null) {
                        client.addSecret(binding.id, material.secret());
                    } else {
                        client.addCertificate(binding.id, material.certificate());
                    }
                });
            }
        };
        op.onFailure = () -> {
            binding.creating = false;
            binding.ready = false;
            binding.updatedAt = world.now();
        };
        if (!async) {
            finishSync(op, () -> bindings.remove(binding.id));
        }
        return binding;
    }

    Operation deleteBinding(Binding binding, boolean async, String correlationId) {
        progress(binding.lastOperation, false);
        if (binding.creating || (binding.lastOperation != null && binding.lastOperation.inProgress())) {
            throw new ApiError(422, "ConcurrentOperation", "Another concurrent operation is in progress for the"
                    + " service binding " + binding.id);
        }
        Operation op = startOperation(OperationKind.BINDING_DELETE, BINDINGS, binding.id, binding.subaccountId,
                correlationId, null);
        binding.lastOperation = op;
        op.onSuccess = () -> {
            bindings.remove(binding.id);
            Instance instance = instances.get(binding.instanceId);
            if (instance != null && instance.clientId != null) {
                world.clients().find(instance.clientId).ifPresent(c -> c.revoke(binding.id));
            }
        };
        op.onFailure = () -> binding.updatedAt = world.now();
        if (!async) {
            finishSync(op, () -> { });
        }
        return op;
    }

    Optional<Binding> binding(String subaccountId, String id) {
        Binding b = bindings.get(id);
        return b != null && b.subaccountId.equals(subaccountId) ? Optional.of(b) : Optional.empty();
    }

    List<Binding> bindings(String subaccountId) {
        List<Binding> result = new ArrayList<>();
        for (Binding b : new ArrayList<>(bindings.values())) {
            if (b.subaccountId.equals(subaccountId)) {
                progress(b.lastOperation, false);
                if (bindings.containsKey(b.id)) {
                    result.add(b);
                }
            }
        }
        return result;
    }

    /** @return every binding of every subaccount */
    public List<Binding> allBindings() {
        return new ArrayList<>(bindings.values());
    }

    // ---------------------------------------------------------------- Accounts API bindings

    /**
     * The Service Manager credential the Accounts API created for a subaccount.
     *
     * @param subaccountId subaccount
     * @return the key JSON
     */
    public Optional<ObjectNode> accountsBinding(String subaccountId) {
        return Optional.ofNullable(accountsBindings.get(subaccountId));
    }

    /**
     * Stores or removes the Accounts API's Service Manager credential.
     *
     * @param subaccountId subaccount
     * @param key the key, or null to remove
     */
    public void accountsBinding(String subaccountId, ObjectNode key) {
        if (key == null) {
            accountsBindings.remove(subaccountId);
        } else {
            accountsBindings.put(subaccountId, key);
        }
    }

    // ---------------------------------------------------------------- seeding

    /**
     * Creates a ready Cloud ALM instance and binding at once, as SAP's automatic provisioning does.
     *
     * @param subaccountId subaccount (must be entitled)
     * @param instanceName instance name
     * @param bindingName binding name
     * @param parameters instance parameters
     * @param labels instance labels
     * @return the instance and binding
     */
    public Map.Entry<Instance, Binding> seedCloudAlm(String subaccountId, String instanceName, String bindingName,
                                                     JsonNode parameters, Map<String, List<String>> labels) {
        Catalog.Plan plan = catalog.plans().stream().filter(ServiceManagerBook::isCloudAlm).findFirst()
                .orElseThrow(() -> new IllegalStateException("the global account does not own the Cloud ALM plan"));
        GlobalAccountPlan source = plan.source();
        // Automatic provisioning comes with its own entitlement, whatever the global quota says.
        world.entitlements().seed(subaccountId, source,
                instanceCount(subaccountId, source.serviceName(), source.planName()) + 1, true);
        seeding = true;
        try {
            return seed(subaccountId, plan, instanceName, bindingName, parameters, labels);
        } finally {
            seeding = false;
        }
    }

    private Map.Entry<Instance, Binding> seed(String subaccountId, Catalog.Plan plan, String instanceName,
                                              String bindingName, JsonNode parameters,
                                              Map<String, List<String>> labels) {
        Instance instance;
        try {
            instance = createInstance(subaccountId, new InstanceRequest(instanceName, plan, parameters, labels,
                    "service-manager"), false, Ids.uuid());
        } catch (ApiError e) {
            throw new IllegalArgumentException("cannot seed instance '" + instanceName + "': " + e.getMessage(), e);
        }
        BindingPlan bindingPlan = planBinding(subaccountId, instance.id, bindingName, null, false);
        Subaccounts.Subaccount subaccount = world.subaccounts().find(subaccountId).orElseThrow();
        Credentials.Material material = Credentials.create(world, bindingPlan.options(), instance.clientId,
                subaccountId, subaccount.subdomain());
        Binding binding = createBinding(bindingPlan, material, null, Map.of(), false, Ids.uuid());
        return Map.entry(instance, binding);
    }

    /**
     * Renders an instance for snapshots.
     *
     * @param instance the instance
     * @return its JSON as the API shows it
     */
    public ObjectNode render(Instance instance) {
        return SmJson.instance(world, instance, subdomain(instance.subaccountId));
    }

    /**
     * Renders a binding for snapshots.
     *
     * @param binding the binding
     * @return its JSON as the API shows it
     */
    public ObjectNode render(Binding binding) {
        return SmJson.binding(world, binding, subdomain(binding.subaccountId));
    }

    String subdomain(String subaccountId) {
        return world.subaccounts().find(subaccountId).map(Subaccounts.Subaccount::subdomain).orElse("");
    }
}
