package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.uaa.OAuthClient;
import io.calmsdk.testkit.internal.world.Ids;
import io.calmsdk.testkit.internal.world.Subaccounts;
import io.calmsdk.testkit.internal.world.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * The service instances of every subaccount and their life cycle: create, update and delete, each as an
 * {@link Operation}, with the checks Service Manager and the Cloud ALM broker make (names, quota,
 * {@code xs-security}, concurrent operations). A ready Cloud ALM instance owns an OAuth client of the
 * simulated XSUAA. Callers hold the world lock.
 */
final class Instances {

    private static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final World world;
    private final Operations operations;
    private final CatalogView catalog;
    private final ToLongFunction<String> bindingCount;
    private final Map<String, Instance> byId = new LinkedHashMap<>();

    /**
     * Creates the instance store.
     *
     * @param world simulator state
     * @param operations where the instances' operations run
     * @param catalog the plans a subaccount sees, for plan changes
     * @param bindingCount bindings of an instance id, which block its deletion
     */
    Instances(World world, Operations operations, CatalogView catalog, ToLongFunction<String> bindingCount) {
        this.world = world;
        this.operations = operations;
        this.catalog = catalog;
        this.bindingCount = bindingCount;
    }

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

    Instance create(String subaccountId, InstanceRequest request, boolean async, String correlationId) {
        checkName(request.name());
        if (list(subaccountId).stream().anyMatch(i -> i.name.equals(request.name()))) {
            throw new ApiError(409, "Conflict", "A service instance with name '" + request.name()
                    + "' already exists in this subaccount");
        }
        GlobalAccountPlan source = request.plan().source();
        int quota = world.entitlements().instanceQuota(subaccountId, source.serviceName(), source.planName());
        int used = count(subaccountId, source.serviceName(), source.planName());
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
        if (CatalogView.isCloudAlm(request.plan())) {
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
        byId.put(instance.id, instance);
        Operation op = operations.start(OperationKind.INSTANCE_CREATE, ServiceManagerBook.INSTANCES, instance.id,
                subaccountId, correlationId, rejection);
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
            operations.finishSync(op, () -> byId.remove(instance.id));
        }
        return instance;
    }

    private static void checkName(String name) {
        if (name == null || !INSTANCE_NAME.matcher(name).matches()) {
            throw new ApiError(400, "BadRequest", "Invalid instance name '" + name + "': use 1 to 32 characters of"
                    + " A-Z, a-z, 0-9, '.', '_' and '-'");
        }
    }

    private void checkXsappnameFree(String subaccountId, String xsappname, String exceptInstanceId) {
        for (Instance other : list(subaccountId)) {
            if (other.xs != null && other.xs.xsappname().equals(xsappname) && !other.id.equals(exceptInstanceId)) {
                throw new BrokerRejection("An application with xsappname '" + xsappname
                        + "' already exists in this subaccount");
            }
        }
    }

    private void registerClient(Instance instance) {
        if (instance.clientId == null) {
            return;
        }
        Subaccounts.Subaccount subaccount = world.subaccounts().find(instance.subaccountId).orElseThrow();
        String master = world.settings().cloudAlmMasterApp();
        // Scopes and token validity are read when a token is issued, so that an update applies at once.
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

    Operation update(Instance instance, InstanceUpdate update, boolean async, String correlationId) {
        checkIdle(instance);
        if (!instance.ready) {
            throw new ApiError(400, "BadRequest", "The service instance " + instance.id + " is not usable: its"
                    + " creation failed; delete it");
        }
        if (update.name() != null && !update.name().equals(instance.name)) {
            checkName(update.name());
            if (list(instance.subaccountId).stream().anyMatch(i -> i.name.equals(update.name()))) {
                throw new ApiError(409, "Conflict", "A service instance with name '" + update.name()
                        + "' already exists in this subaccount");
            }
        }
        Catalog.Plan newPlan = instance.plan;
        if (update.planId() != null && !update.planId().equals(instance.plan.id())) {
            newPlan = catalog.findPlan(instance.subaccountId, update.planId())
                    .filter(p -> p.offering().equals(instance.plan.offering()))
                    .orElseThrow(() -> new ApiError(400, "BadRequest", "Service plan " + update.planId()
                            + " is not an entitled plan of offering " + instance.plan.offering().name()));
        }
        Map<String, List<String>> newLabels = update.labelOps() == null ? instance.labels
                : LabelOps.apply(instance.labels, update.labelOps());
        XsSecurity newXs = instance.xs;
        String rejection = null;
        if (update.parameters() != null && CatalogView.isCloudAlm(instance.plan)) {
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
        Operation op = operations.start(OperationKind.INSTANCE_UPDATE, ServiceManagerBook.INSTANCES, instance.id,
                instance.subaccountId, correlationId, rejection);
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
            operations.finishSync(op, () -> { });
        }
        return op;
    }

    Operation delete(Instance instance, boolean async, String correlationId) {
        checkIdle(instance);
        long bound = bindingCount.applyAsLong(instance.id);
        if (bound > 0) {
            throw new ApiError(409, "Conflict", "The service instance " + instance.id + " has " + bound
                    + " binding(s); delete them first");
        }
        Operation op = operations.start(OperationKind.INSTANCE_DELETE, ServiceManagerBook.INSTANCES, instance.id,
                instance.subaccountId, correlationId, null);
        instance.lastOperation = op;
        op.onSuccess = () -> {
            instance.deleted = true;
            byId.remove(instance.id);
            if (instance.clientId != null) {
                world.clients().remove(instance.clientId);
            }
        };
        op.onFailure = () -> instance.updatedAt = world.now();
        if (!async) {
            operations.finishSync(op, () -> { });
        }
        return op;
    }

    private void checkIdle(Instance instance) {
        operations.progress(instance.lastOperation, false);
        if (instance.creating || (instance.lastOperation != null && instance.lastOperation.inProgress())) {
            throw new ApiError(422, "ConcurrentOperation", "Another concurrent operation is in progress for the"
                    + " service instance " + instance.id);
        }
    }

    /**
     * Looks an instance up in a subaccount, whatever its state.
     *
     * @param subaccountId subaccount
     * @param id instance id
     * @return the instance, or empty when the subaccount has none with that id
     */
    Optional<Instance> find(String subaccountId, String id) {
        Instance i = byId.get(id);
        return i != null && i.subaccountId.equals(subaccountId) ? Optional.of(i) : Optional.empty();
    }

    /**
     * Looks an instance up in any subaccount, whatever its state.
     *
     * @param id instance id
     * @return the instance, or empty
     */
    Optional<Instance> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The instances of a subaccount that are not deleted; looking moves their operations forward, as
     * Service Manager's own list does.
     *
     * @param subaccountId subaccount
     * @return its instances, oldest first
     */
    List<Instance> list(String subaccountId) {
        List<Instance> result = new ArrayList<>();
        for (Instance i : new ArrayList<>(byId.values())) {
            if (i.subaccountId.equals(subaccountId)) {
                operations.progress(i.lastOperation, false);
                if (!i.deleted) {
                    result.add(i);
                }
            }
        }
        return result;
    }

    /** @return every instance of every subaccount, oldest first */
    List<Instance> all() {
        return new ArrayList<>(byId.values());
    }

    /**
     * Instances of a plan in a subaccount (any state), for quota and entitlement removal.
     *
     * @param subaccountId subaccount
     * @param service service name
     * @param plan plan name
     * @return the count
     */
    int count(String subaccountId, String service, String plan) {
        int count = 0;
        for (Instance i : byId.values()) {
            if (i.subaccountId.equals(subaccountId) && !i.deleted
                    && i.plan.source().serviceName().equals(service) && i.plan.source().planName().equals(plan)) {
                count++;
            }
        }
        return count;
    }

    /** Forgets every instance. */
    void reset() {
        byId.clear();
    }
}
