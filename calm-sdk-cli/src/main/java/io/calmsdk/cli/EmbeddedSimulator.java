package io.calmsdk.cli;

import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.GlobalAccountPlan.Category;
import io.calmsdk.testkit.SimulatorBuilder;
import java.util.Collection;
import java.util.List;

/**
 * The in-process simulator (calm-sdk-testkit) that commands use when no key is given, so that every
 * command works on a fresh machine with nothing but a JDK. It hands out the same kinds of keys as SAP
 * BTP; they work only against this simulator, on loopback, for the life of the command.
 */
final class EmbeddedSimulator implements AutoCloseable {

    /** Printed once, in human mode, whenever a command falls back to the simulator. */
    static final String NOTICE = "No keys given: running against an in-process simulator of SAP BTP and Cloud ALM"
            + " (calm-sdk-testkit); nothing real is touched.";

    private final BtpSimulator simulator;

    private EmbeddedSimulator(BtpSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Starts a simulator whose global account knows the given subaccounts besides its default one.
     *
     * @param subaccountIds extra subaccount ids (the default one may be among them)
     * @return the running simulator
     */
    static EmbeddedSimulator start(Collection<String> subaccountIds) {
        SimulatorBuilder b = BtpSimulator.builder()
                .globalAccountPlan(new GlobalAccountPlan(GlobalAccountPlan.CLOUD_ALM_SERVICE,
                        GlobalAccountPlan.CLOUD_ALM_PLAN, Category.SERVICE, Math.max(10, subaccountIds.size()), false));
        int n = 0;
        for (String id : subaccountIds) {
            if (!id.equals(BtpSimulator.DEFAULT_SUBACCOUNT_ID)) {
                n++;
                b.subaccount(id, "subaccount-" + n);
            }
        }
        return new EmbeddedSimulator(b.start());
    }

    /** Starts a simulator with only its default subaccount. */
    static EmbeddedSimulator start() {
        return start(List.of());
    }

    BtpSimulator simulator() {
        return simulator;
    }

    String defaultSubaccountId() {
        return simulator.defaultSubaccountId();
    }

    CisKey cisKey() {
        return ServiceKeys.cis().fromJson(simulator.cisCentralKey().json());
    }

    ServiceManagerKey serviceManagerKey(String subaccountId) {
        return ServiceKeys.serviceManager().fromJson(simulator.serviceManagerKey(subaccountId).json());
    }

    /**
     * A ready Cloud ALM key in the default subaccount, for commands that only call Cloud ALM.
     *
     * @param scopes short scope names such as {@code calm-api.projects.read}
     * @return the key
     */
    ServiceKey cloudAlmKey(String... scopes) {
        return ServiceKeys.calm().fromJson(simulator.seed().cloudAlmKey(scopes).json());
    }

    @Override
    public void close() {
        simulator.close();
    }
}
