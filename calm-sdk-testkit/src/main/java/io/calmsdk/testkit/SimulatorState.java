package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.internal.cis.Assignment;
import io.calmsdk.testkit.internal.sm.Binding;
import io.calmsdk.testkit.internal.sm.Instance;
import io.calmsdk.testkit.internal.sm.ServiceManagerBook;
import io.calmsdk.testkit.internal.world.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consistent snapshot of the simulated global account, taken at one instant: subaccounts, entitlement
 * assignments, service instances and bindings. Taking it observes nothing, so it never moves an
 * operation forward. Immutable.
 */
public final class SimulatorState {

    /**
     * A subaccount.
     *
     * @param id GUID
     * @param subdomain identity zone subdomain
     * @param displayName display name
     */
    public record SubaccountView(String id, String subdomain, String displayName) {
    }

    /**
     * An entitlement assignment.
     *
     * @param subaccountId subaccount
     * @param serviceName service
     * @param planName plan
     * @param amount assigned amount (1 for an enabled plan)
     * @param requestedAmount amount of the latest request
     * @param state STARTED, PROCESSING, OK or PROCESSING_FAILED
     * @param autoAssigned whether SAP assigned it automatically
     */
    public record EntitlementView(String subaccountId, String serviceName, String planName, int amount,
                                  int requestedAmount, String state, boolean autoAssigned) {
    }

    /**
     * A service instance.
     *
     * @param id id
     * @param subaccountId subaccount
     * @param name name
     * @param offeringName offering
     * @param planName plan
     * @param ready whether its create succeeded
     * @param lastOperationType create, update or delete
     * @param lastOperationState in progress, succeeded or failed
     * @param labels labels
     * @param parameters applied parameters, or null
     * @param json the instance as {@code GET /v1/service_instances/{id}} would show it
     */
    public record InstanceView(String id, String subaccountId, String name, String offeringName, String planName,
                               boolean ready, String lastOperationType, String lastOperationState,
                               Map<String, List<String>> labels, JsonNode parameters, JsonNode json) {
    }

    /**
     * A service binding.
     *
     * @param id id
     * @param subaccountId subaccount
     * @param instanceId its instance
     * @param name name
     * @param ready whether its create succeeded
     * @param lastOperationState in progress, succeeded or failed
     * @param labels labels
     * @param credentials credentials once ready, else null
     */
    public record BindingView(String id, String subaccountId, String instanceId, String name, boolean ready,
                              String lastOperationState, Map<String, List<String>> labels, JsonNode credentials) {
    }

    private final List<SubaccountView> subaccounts;
    private final List<EntitlementView> entitlements;
    private final List<InstanceView> instances;
    private final List<BindingView> bindings;

    private SimulatorState(List<SubaccountView> subaccounts, List<EntitlementView> entitlements,
                           List<InstanceView> instances, List<BindingView> bindings) {
        this.subaccounts = List.copyOf(subaccounts);
        this.entitlements = List.copyOf(entitlements);
        this.instances = List.copyOf(instances);
        this.bindings = List.copyOf(bindings);
    }

    /**
     * Takes a snapshot under the world lock, so that it is consistent; mutable parts (labels, parameters,
     * credentials) are copied, so that the snapshot never changes afterwards.
     *
     * @param world the simulator state
     * @return the snapshot
     */
    static SimulatorState capture(World world) {
        synchronized (world.lock()) {
            List<SubaccountView> subaccounts = new ArrayList<>();
            world.subaccounts().all().forEach(s ->
                    subaccounts.add(new SubaccountView(s.id(), s.subdomain(), s.displayName())));
            List<EntitlementView> entitlements = new ArrayList<>();
            for (Assignment a : world.entitlements().all()) {
                entitlements.add(new EntitlementView(a.subaccountId(), a.service(), a.plan(),
                        a.effectiveAmount(), a.requestedEffectiveAmount(), a.state(), a.autoAssigned()));
            }
            ServiceManagerBook book = world.serviceManager();
            List<InstanceView> instances = new ArrayList<>();
            for (Instance i : book.allInstances()) {
                instances.add(new InstanceView(i.id(), i.subaccountId(), i.name(),
                        i.plan().offering().name(), i.plan().name(), i.ready(), i.lastOperation().type(),
                        i.lastOperation().state(), copy(i.labels()),
                        i.parameters() == null ? null : i.parameters().deepCopy(), book.render(i)));
            }
            List<BindingView> bindings = new ArrayList<>();
            for (Binding b : book.allBindings()) {
                bindings.add(new BindingView(b.id(), b.subaccountId(), b.instanceId(), b.name(),
                        b.ready(), b.lastOperation().state(), copy(b.labels()),
                        b.credentials() == null ? null : b.credentials().deepCopy()));
            }
            return new SimulatorState(subaccounts, entitlements, instances, bindings);
        }
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> labels) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        labels.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(result);
    }

    /** @return every subaccount */
    public List<SubaccountView> subaccounts() {
        return subaccounts;
    }

    /** @return every entitlement assignment */
    public List<EntitlementView> entitlements() {
        return entitlements;
    }

    /**
     * The assignments of one subaccount.
     *
     * @param subaccountId subaccount
     * @return its assignments
     */
    public List<EntitlementView> entitlements(String subaccountId) {
        return entitlements.stream().filter(e -> e.subaccountId().equals(subaccountId)).toList();
    }

    /** @return every service instance, including those being created or deleted */
    public List<InstanceView> instances() {
        return instances;
    }

    /**
     * The instances of one subaccount.
     *
     * @param subaccountId subaccount
     * @return its instances
     */
    public List<InstanceView> instances(String subaccountId) {
        return instances.stream().filter(i -> i.subaccountId().equals(subaccountId)).toList();
    }

    /**
     * Looks one instance up.
     *
     * @param id instance id
     * @return the instance, or empty when the snapshot has none with that id
     */
    public Optional<InstanceView> findInstance(String id) {
        return instances.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** @return every service binding */
    public List<BindingView> bindings() {
        return bindings;
    }

    /**
     * The bindings of one subaccount.
     *
     * @param subaccountId subaccount
     * @return its bindings
     */
    public List<BindingView> bindings(String subaccountId) {
        return bindings.stream().filter(b -> b.subaccountId().equals(subaccountId)).toList();
    }

    /**
     * The bindings of one instance.
     *
     * @param instanceId instance
     * @return its bindings
     */
    public List<BindingView> bindingsOf(String instanceId) {
        return bindings.stream().filter(b -> b.instanceId().equals(instanceId)).toList();
    }

    /**
     * Summarises the snapshot.
     *
     * @return counts per kind
     */
    @Override
    public String toString() {
        return "SimulatorState[" + subaccounts.size() + " subaccounts, " + entitlements.size() + " entitlements, "
                + instances.size() + " instances, " + bindings.size() + " bindings]";
    }
}
