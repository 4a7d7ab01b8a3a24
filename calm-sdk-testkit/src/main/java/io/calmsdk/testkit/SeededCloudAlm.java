package io.calmsdk.testkit;

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
