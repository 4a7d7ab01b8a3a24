package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.testing.LogCapture;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Secrets of every key involved never reach logs (TRACE), results' toString or exception messages. */
class SecretCanaryIT {

    @RegisterExtension
    static final CalmSimulatorExtension SIM = new CalmSimulatorExtension();

    @Test
    void provisioning_atTraceLevel_neverShowsASecret(BtpSimulator sim) {
        List<String> secrets = new ArrayList<>();
        secrets.add(sim.cisCentralKey().tree().path("uaa").path("clientsecret").asText());
        secrets.add(sim.serviceManagerKey().tree().path("clientsecret").asText());
        assertThat(secrets).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
        FakeTime time = new FakeTime();
        BindingRequest request = BindingRequest.builder().subaccountId(sim.defaultSubaccountId()).instanceName("calm-api")
                .bindingName("calm-key").scopes(CalmScope.PROJECTS_READ).verify(true).build();
        StringBuilder shown = new StringBuilder();

        try (LogCapture logs = LogCapture.start();
             CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim))
                     .credentials(SimKeys.serviceManager(sim)).options(ClientOptions.builder().clock(time).sleeper(time).build()).build()) {
            ProvisioningResult result = provisioner.ensureBinding(request);
            ServiceKey key = result.serviceKey();
            secrets.add(key.uaa().clientSecret().orElseThrow().reveal());
            shown.append(result).append(key).append(result.binding()).append(result.instance())
                    .append(provisioner.plan(request)).append(provisioner.rotateBinding(request, java.time.Duration.ZERO));

            sim.faults().failNextOperation(OperationKind.BINDING_CREATE, "broker failed");
            Throwable failure = catchThrowable(() -> provisioner.ensureBinding(request.toBuilder()
                    .bindingName("second-key").build()));
            shown.append(failure.getMessage()).append(failure.getCause().getMessage());
            shown.append(logs.text());
            assertThat(logs.text()).contains("DEBUG");
        }

        assertThat(secrets).allSatisfy(secret -> assertThat(shown.toString()).doesNotContain(secret));
    }
}
