package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.sm.Binding;
import io.calmsdk.testkit.internal.sm.Instance;
import io.calmsdk.testkit.internal.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts entitlements, instances and bindings into the simulator directly, without API calls and without
 * journal lines, to set up the situation a test starts from, e.g. a tenant where SAP already provisioned
 * the Cloud ALM API instance and its key. Seeded state is cleared by {@link BtpSimulator#reset()}.
 * Thread-safe.
 */
public final class SimulatorSeeder {

    /** Name SAP's automatic provisioning gives the instance (simulated). */
    public static final String AUTO_INSTANCE_NAME = "cloud-alm-api";
    /** Name shaped like SAP's automatically created keys: {@code <SID>_<client>_<system number>}. */
    public static final String AUTO_BINDING_NAME = "ABC_001_12";
    /** Authorities of the simulated automatically provisioned instance. */
    public static final List<String> AUTO_AUTHORITIES = List.of("calm-api.projects.read", "calm-api.projects.write",
            "calm-api.tasks.read", "calm-api.tasks.write", "calm-api.processhierarchy.read");

    /**
     * A Cloud ALM API instance and binding the simulator created directly, bypassing the APIs.
     *
     * @param subaccountId subaccount
     * @param instanceId instance id
     * @param instanceName instance name
     * @param bindingId binding id
     * @param bindingName binding name
     * @param key the binding's credentials: a working Cloud ALM service key
     */
    public record SeededCloudAlm(String subaccountId, String instanceId, String instanceName, String bindingId,
                                 String bindingName, SimulatedKey key) {
    }

    private final World world;
    private final AtomicInteger counter = new AtomicInteger();

    SimulatorSeeder(World world) {
        this.world = world;
    }

    /**
     * Assigns a plan to a subaccount at once (state {@code OK}, visible in Service Manager).
     *
     * @param subaccountId subaccount
     * @param serviceName service, e.g. {@code SAPCloudALMAPIs}
     * @param planName plan, e.g. {@code standard}
     * @param amount amount (ignored for enable plans)
     * @return this seeder
     * @throws IllegalArgumentException when the subaccount or the plan does not exist
     */
    public SimulatorSeeder entitlement(String subaccountId, String serviceName, String planName, int amount) {
        requireSubaccount(subaccountId);
        synchronized (world.lock()) {
            GlobalAccountPlan plan = world.entitlements().plan(serviceName, planName).orElseThrow(() ->
                    new IllegalArgumentException("the global account does not own " + serviceName + "/" + planName));
            world.entitlements().seed(subaccountId, plan, amount, false);
        }
        return this;
    }

    /**
     * Assigns one unit of the Cloud ALM API plan to a subaccount at once.
     *
     * @param subaccountId subaccount
     * @return this seeder
     */
    public SimulatorSeeder cloudAlmEntitlement(String subaccountId) {
        return entitlement(subaccountId, GlobalAccountPlan.CLOUD_ALM_SERVICE, GlobalAccountPlan.CLOUD_ALM_PLAN, 1);
    }

    /**
     * Simulates SAP's automatic provisioning: an auto-assigned entitlement, an instance named
     * {@value #AUTO_INSTANCE_NAME} without calm-sdk labels, and a binding named {@value #AUTO_BINDING_NAME}.
     *
     * @param subaccountId subaccount
     * @return the seeded instance and key
     */
    public SeededCloudAlm autoProvisionedCloudAlm(String subaccountId) {
        return autoProvisionedCloudAlm(subaccountId, AUTO_INSTANCE_NAME, AUTO_BINDING_NAME, AUTO_AUTHORITIES);
    }

    /**
     * Simulates SAP's automatic provisioning with chosen names and scopes.
     *
     * @param subaccountId subaccount
     * @param instanceName instance name
     * @param bindingName binding name
     * @param scopes scope suffixes such as {@code calm-api.tasks.read}, granted as {@code $XSMASTERAPPNAME.} authorities
     * @return the seeded instance and key
     */
    public SeededCloudAlm autoProvisionedCloudAlm(String subaccountId, String instanceName, String bindingName,
                                                  List<String> scopes) {
        return cloudAlmInstance(subaccountId, instanceName, bindingName, scopes, Map.of());
    }

    /**
     * Creates a ready Cloud ALM API instance and binding.
     *
     * @param subaccountId subaccount
     * @param instanceName instance name
     * @param bindingName binding name
     * @param scopes scope suffixes such as {@code calm-api.tasks.read}
     * @param labels instance labels
     * @return the seeded instance and key
     */
    public SeededCloudAlm cloudAlmInstance(String subaccountId, String instanceName, String bindingName,
                                           List<String> scopes, Map<String, List<String>> labels) {
        requireSubaccount(subaccountId);
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(bindingName, "bindingName");
        ObjectNode parameters = JsonSupport.object();
        ObjectNode xs = parameters.putObject("xs-security");
        xs.put("xsappname", instanceName.replaceAll("[^A-Za-z0-9_\\-/\\\\]", "-"));
        ArrayNode authorities = xs.putArray("authorities");
        scopes.forEach(s -> authorities.add("$XSMASTERAPPNAME." + s));
        xs.putObject("oauth2-configuration").putArray("credential-types").add("binding-secret");
        Map<String, List<String>> labelCopy = new LinkedHashMap<>();
        labels.forEach((k, v) -> labelCopy.put(k, new ArrayList<>(v)));
        synchronized (world.lock()) {
            Map.Entry<Instance, Binding> seeded = world.serviceManager().seedCloudAlm(subaccountId, instanceName,
                    bindingName, parameters, labelCopy);
            Binding binding = seeded.getValue();
            return new SeededCloudAlm(subaccountId, seeded.getKey().id(), instanceName, binding.id(), bindingName,
                    new SimulatedKey("Cloud ALM", binding.credentials()));
        }
    }

    /**
     * The quickest way to a working Cloud ALM key in the default subaccount, for tests of the Cloud ALM
     * API layer that do not care about provisioning.
     *
     * @param scopes scope suffixes such as {@code calm-api.tasks.read}
     * @return the key
     */
    public SimulatedKey cloudAlmKey(String... scopes) {
        int n = counter.incrementAndGet();
        return cloudAlmInstance(world.settings().defaultSubaccountId(), "calm-test-" + n, "calm-test-key-" + n,
                List.of(scopes), Map.of()).key();
    }

    private void requireSubaccount(String subaccountId) {
        if (world.subaccounts().find(subaccountId).isEmpty()) {
            throw new IllegalArgumentException("no subaccount " + subaccountId);
        }
    }
}
