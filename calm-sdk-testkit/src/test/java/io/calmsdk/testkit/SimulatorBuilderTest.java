package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulatorBuilderTest {

    private static final String OTHER_ID = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

    @Test
    void start_subaccountWithTheDefaultSubaccountsId_failsNamingTheSetting() {
        SimulatorBuilder builder = BtpSimulator.builder().subaccount(BtpSimulator.DEFAULT_SUBACCOUNT_ID, "other");

        assertThatThrownBy(builder::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("subaccount(" + BtpSimulator.DEFAULT_SUBACCOUNT_ID + ")")
                .hasMessageContaining("defaultSubaccount");
    }

    @Test
    void start_twoSubaccountsWithOneSubdomain_failsNamingBothSettings() {
        SimulatorBuilder builder = BtpSimulator.builder()
                .defaultSubaccount(BtpSimulator.DEFAULT_SUBACCOUNT_ID, "shared")
                .subaccount(OTHER_ID, "shared");

        assertThatThrownBy(builder::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("subaccount(" + OTHER_ID + ")")
                .hasMessageContaining("'shared'")
                .hasMessageContaining("defaultSubaccount(" + BtpSimulator.DEFAULT_SUBACCOUNT_ID + ")");
    }

    @Test
    void setters_rejectWrongValues_namingTheSetting() {
        SimulatorBuilder builder = BtpSimulator.builder();

        assertThatThrownBy(() -> builder.port(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> builder.odataCountAnnotation("@total")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odataCountAnnotation");
        assertThatThrownBy(() -> builder.cloudAlmEndpointName("api")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cloudAlmEndpointName");
        assertThatThrownBy(() -> builder.retryAfterFormat(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("retryAfterFormat");
    }
}
