package io.calmsdk.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.reliability.support.Fixture;
import io.calmsdk.reliability.support.ReliabilityReport;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provisioner's HTTP timeouts cover its token requests too: a token endpoint that answers later
 * than the attempt timeout is given up on and asked again, as every other call is, instead of being
 * waited for under the token client's own, longer defaults.
 */
@CalmSimulatorTest
@ExtendWith(ReliabilityReport.class)
class TokenTimeoutIT {

    @Test
    void ensureBinding_tokenAnswerSlowerThanAttemptTimeout_abandonedAndAskedAgain(BtpSimulator sim) {
        Fixture fx = new Fixture(sim);
        RequestMatcher tokens = RequestMatcher.of("POST", "/oauth/token").on(SimulatedApi.XSUAA);
        sim.faults().slowAnswerNext(1, Fixture.ATTEMPT_TIMEOUT.multipliedBy(3), tokens);

        try (CloudAlmProvisioner provisioner = fx.impatientProvisioner()) {
            provisioner.ensureBinding(fx.request().build());
        }

        // Two admin keys, one token each, plus the one abandoned attempt.
        assertThat(sim.journal().count(SimulatedApi.XSUAA, "POST", "/oauth/token")).isEqualTo(3);
        assertThat(fx.instances()).hasSize(1);
        assertThat(fx.bindings()).hasSize(1);
    }

    /**
     * Was a known limitation before {@code ClientOptions}: {@code CloudAlmClient}'s timeouts did not reach the
     * token provider it builds for a key. Now the provider gets the client's options, so a token answer slower
     * than the attempt timeout is abandoned and asked again.
     */
    @Test
    void cloudAlmClient_tokenAnswerSlowerThanAttemptTimeout_abandonedAndAskedAgain(BtpSimulator sim) {
        ServiceKey key = ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey("calm-api.projects.read").json());
        RequestMatcher tokens = RequestMatcher.of("POST", "/oauth/token").on(SimulatedApi.XSUAA);
        sim.faults().slowAnswerNext(1, Fixture.ATTEMPT_TIMEOUT.multipliedBy(3), tokens);

        try (CloudAlmClient calm = CloudAlmClient.builder().credentials(key)
                .options(ClientOptions.builder().attemptTimeout(Fixture.ATTEMPT_TIMEOUT).build()).build()) {
            calm.projects().list().stream().findFirst();
        }

        assertThat(sim.journal().count(SimulatedApi.XSUAA, "POST", "/oauth/token")).isEqualTo(2);
    }

    @Test
    void ensureBinding_tokenAnswerWithinAttemptTimeout_askedOnce(BtpSimulator sim) {
        Fixture fx = new Fixture(sim);

        try (CloudAlmProvisioner provisioner = fx.provisioner()) {
            provisioner.ensureBinding(fx.request().build());
        }

        assertThat(sim.journal().count(SimulatedApi.XSUAA, "POST", "/oauth/token")).isEqualTo(2);
    }
}
