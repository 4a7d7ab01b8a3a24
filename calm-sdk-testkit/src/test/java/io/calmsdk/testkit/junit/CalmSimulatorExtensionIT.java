package io.calmsdk.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.testkit.BtpSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension: one simulator per class, configured by a builder, reset per test, shared with nested classes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalmSimulatorExtensionIT {

    @RegisterExtension
    static final CalmSimulatorExtension SIM = CalmSimulatorExtension.using(BtpSimulator.builder().defaultPageSize(2));

    private static BtpSimulator first;

    @BeforeAll
    static void simulatorIsAvailableInBeforeAll(BtpSimulator sim) {
        assertThat(sim).isSameAs(SIM.simulator());
        first = sim;
    }

    @Test
    @Order(1)
    void firstTest_leavesState(BtpSimulator sim) {
        assertThat(sim).isSameAs(first);
        sim.createSubaccount("left behind");
        sim.cloudAlm().createProject("left behind");

        assertThat(sim.state().subaccounts()).hasSize(2);
    }

    @Test
    @Order(2)
    void secondTest_seesItReset(BtpSimulator sim) {
        assertThat(sim).isSameAs(first);
        assertThat(sim.state().subaccounts()).hasSize(1);
        assertThat(sim.cloudAlm().projects()).isEmpty();
        assertThat(sim.isClosed()).isFalse();
    }

    @Nested
    class NestedTests {

        @Test
        void nestedClass_sharesTheOuterSimulator(BtpSimulator sim) {
            assertThat(sim).isSameAs(first);
        }
    }

    @Test
    @Order(3)
    void simulator_ofAnExtensionThatNeverStarted_isAnIllegalState() {
        assertThatThrownBy(() -> new CalmSimulatorExtension().simulator())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no simulator");
    }
}
