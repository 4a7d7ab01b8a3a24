package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
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

    SimulatorState(List<SubaccountView> subaccounts, List<EntitlementView> entitlements, List<InstanceView> instances,
                   List<BindingView> bindings) {
        this.subaccounts = List.copyOf(subaccounts);
        this.entitlements = List.copyOf(entitlements);
        this.instances = List.copyOf(instances);
        this.bindings = List.copyOf(bindings);
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
     * One instance.
     *
     * @param id instance id
     * @return the instance
     */
    public Optional<InstanceView> instance(String id) {
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
