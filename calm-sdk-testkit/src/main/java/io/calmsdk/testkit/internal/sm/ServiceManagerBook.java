package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.world.Ids;
import io.calmsdk.testkit.internal.world.Subaccounts;
import io.calmsdk.testkit.internal.world.World;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service Manager state, per subaccount: what each subaccount sees of the catalog ({@link CatalogView}),
 * its instances ({@link Instances}) and bindings ({@link Bindings}), their asynchronous operations
 * ({@link Operations}), rate-limit windows, and the Service Manager credentials the Accounts API created.
 * Every change runs as an {@link Operation}; synchronous requests complete it at once. This class ties the
 * parts together and is what the rest of the simulator sees of them. Callers hold the world lock.
 */
public final class ServiceManagerBook {

    /** Type of instance resources in operations and Location headers. */
    static final String INSTANCES = "/v1/service_instances";
    /** Type of binding resources in operations and Location headers. */
    static final String BINDINGS = "/v1/service_bindings";

    private final World world;
    private final CatalogView catalog;
    private final RateLimiter rateLimiter;
    private final Operations operations;
    private final Instances instances;
    private final Bindings bindings;
    private final Map<String, ObjectNode> accountsBindings = new HashMap<>();

    /**
     * Creates the book.
     *
     * @param world simulator state
     */
    public ServiceManagerBook(World world) {
        this.world = world;
        this.catalog = new CatalogView(world);
        this.rateLimiter = new RateLimiter(world.settings().serviceManagerLimits());
        this.operations = new Operations(world);
        // An instance with bindings cannot be deleted; the bindings are created below, hence the indirection.
        this.instances = new Instances(world, operations, catalog, instanceId -> bindings().countFor(instanceId));
        this.bindings = new Bindings(world, operations, instances);
    }

    /** Forgets instances, bindings, operations, Accounts-API bindings and rate-limit windows. */
    public void reset() {
        instances.reset();
        bindings.reset();
        operations.reset();
        accountsBindings.clear();
        rateLimiter.reset();
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    CatalogView catalog() {
        return catalog;
    }

    Operations operations() {
        return operations;
    }

    Instances instances() {
        return instances;
    }

    Bindings bindings() {
        return bindings;
    }

    /** Lets every stuck operation run on: it finishes like any other once polled enough. */
    public void releaseStuck() {
        operations.releaseStuck();
    }

    /** Completes every running operation that is not stuck, as if enough time had passed. */
    public void completeAll() {
        operations.completeAll();
    }

    /** @return every instance of every subaccount */
    public List<Instance> allInstances() {
        return instances.all();
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
        return instances.count(subaccountId, service, plan);
    }

    /** @return every binding of every subaccount */
    public List<Binding> allBindings() {
        return bindings.all();
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
        Catalog.Plan plan = catalog.cloudAlmPlan();
        GlobalAccountPlan source = plan.source();
        // Automatic provisioning comes with its own entitlement, whatever the global quota says.
        world.entitlements().seed(subaccountId, source,
                instances.count(subaccountId, source.serviceName(), source.planName()) + 1, true);
        return operations.withoutFaults(() ->
                seed(subaccountId, plan, instanceName, bindingName, parameters, labels));
    }

    private Map.Entry<Instance, Binding> seed(String subaccountId, Catalog.Plan plan, String instanceName,
                                              String bindingName, JsonNode parameters,
                                              Map<String, List<String>> labels) {
        Instance instance;
        try {
            instance = instances.create(subaccountId, new Instances.InstanceRequest(instanceName, plan, parameters,
                    labels, "service-manager"), false, Ids.uuid());
        } catch (ApiError e) {
            throw new IllegalArgumentException("cannot seed instance '" + instanceName + "': " + e.getMessage(), e);
        }
        Bindings.BindingPlan bindingPlan = bindings.plan(subaccountId, instance.id, bindingName, null, false);
        Subaccounts.Subaccount subaccount = world.subaccounts().find(subaccountId).orElseThrow();
        Credentials.Material material = Credentials.create(world, bindingPlan.options(), instance.clientId,
                subaccountId, subaccount.subdomain());
        Binding binding = bindings.create(bindingPlan, material, null, Map.of(), false, Ids.uuid());
        return Map.entry(instance, binding);
    }

    // ---------------------------------------------------------------- rendering

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
