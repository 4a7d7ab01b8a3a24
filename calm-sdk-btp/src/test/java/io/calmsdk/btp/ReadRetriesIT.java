package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 18, item 5: one HTTP 500 or one garbled answer to an idempotent read no longer ends a run; the
 * default retry policy reads again. (The fault matrix in calm-sdk-reliability covers every call.)
 */
class ReadRetriesIT {

    @RegisterExtension
    static final CalmSimulatorExtension SIM = new CalmSimulatorExtension();

    private static final RequestMatcher INSTANCE_LOOKUP = RequestMatcher.of("GET", "/v1/service_instances");
    private static final RequestMatcher ASSIGNMENTS = RequestMatcher.of("GET", "/entitlements/v1/assignments");

    private BtpSimulator sim;
    private FakeTime time;

    @BeforeEach
    void setUp(BtpSimulator simulator) {
        sim = simulator;
        time = new FakeTime();
    }

    private ProvisioningResult ensure() {
        try (CloudAlmProvisioner p = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim))
                .credentials(SimKeys.serviceManager(sim)).options(ClientOptions.builder().clock(time).sleeper(time).build())
                .build()) {
            return p.ensureBinding(BindingRequest.builder().subaccountId(sim.defaultSubaccountId()).instanceName("calm-api")
                    .bindingName("calm-api-key").scopes(CalmScope.PROJECTS_READ).build());
        }
    }

    @Test
    void ensureBinding_oneServerErrorOnTheInstanceLookup_isReadAgainAndSucceeds() {
        sim.faults().failNext(1, 500, INSTANCE_LOOKUP);

        ProvisioningResult result = ensure();

        assertThat(result.instance().id()).isNotBlank();
        assertThat(sim.journal().count(e -> e.method().equals("GET") && e.status() == 500)).isEqualTo(1);
    }

    @Test
    void ensureBinding_oneGarbledAnswerOnTheInstanceLookup_isReadAgainAndSucceeds() {
        sim.faults().malformedBodyNext(1, INSTANCE_LOOKUP);

        assertThat(ensure().instance().id()).isNotBlank();
    }

    @Test
    void ensureBinding_oneGarbledAnswerFromEntitlements_isReadAgainAndSucceeds() {
        sim.faults().malformedBodyNext(1, ASSIGNMENTS);

        assertThat(ensure().binding().id()).isNotBlank();
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
    }
}
