package io.calmsdk.btp;

import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceManagerKey;
import io.calmsdk.testkit.BtpSimulator;

/** Reads the simulator's admin keys as calm-sdk keys. */
final class SimKeys {

    private SimKeys() {
    }

    static CisKey cis(BtpSimulator sim) {
        return ServiceKeys.cis().fromJson(sim.cisCentralKey().json());
    }

    static ServiceManagerKey serviceManager(BtpSimulator sim) {
        return ServiceKeys.serviceManager().fromJson(sim.serviceManagerKey().json());
    }

    static ServiceManagerKey serviceManager(BtpSimulator sim, String subaccountId) {
        return ServiceKeys.serviceManager().fromJson(sim.serviceManagerKey(subaccountId).json());
    }
}
