package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EnsureBindingsIT {

    @RegisterExtension
    static final CalmSimulatorExtension SIM = new CalmSimulatorExtension();

    @Test
    void ensureBindings_manySubaccountsOneBroken_eachReportedOthersSucceedConcurrencyBounded(BtpSimulator sim) {
        List<String> subaccounts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            subaccounts.add(sim.createSubaccount("tenant-" + i));
        }
        String unknown = "9e9e9e9e-0000-4000-8000-000000000000";
        List<BindingRequest> requests = new ArrayList<>();
        subaccounts.forEach(s -> requests.add(request(s)));
        requests.add(2, request(unknown));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        Set<String> started = ConcurrentHashMap.newKeySet();
        FakeTime time = new FakeTime();

        try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim))
                .options(ClientOptions.builder().clock(time).sleeper(time).build())
                .listener(new ProvisioningListener() {
                    @Override
                    public void onStepStarted(BindingRequest request, ProvisioningStep step) {
                        if (step == ProvisioningStep.ENTITLEMENT && started.add(request.subaccountId())) {
                            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                        }
                    }

                    @Override
                    public void onStepFinished(BindingRequest request, StepResult result) {
                        if (result.step() == ProvisioningStep.VERIFY) {
                            running.decrementAndGet();
                        }
                    }

                    @Override
                    public void onStepFailed(BindingRequest request, ProvisioningStep step, RuntimeException failure) {
                        running.decrementAndGet();
                    }
                }).build()) {

            List<ProvisioningResult.Outcome> outcomes = provisioner.ensureBindings(requests, 2);

            assertThat(outcomes).hasSize(6);
            assertThat(outcomes).extracting(o -> o.request().subaccountId())
                    .containsExactlyElementsOf(requests.stream().map(BindingRequest::subaccountId).toList());
            assertThat(outcomes.get(2).succeeded()).isFalse();
            assertThat(outcomes.get(2).failure()).hasValueSatisfying(e -> assertThat(e)
                    .isInstanceOf(ProvisioningException.class).hasMessageContaining(unknown));
            assertThat(outcomes).filteredOn(ProvisioningResult.Outcome::succeeded).hasSize(5);
            assertThat(maxRunning.get()).isLessThanOrEqualTo(2);
            for (String s : subaccounts) {
                assertThat(sim.state().instances(s)).hasSize(1);
                assertThat(sim.state().bindings(s)).hasSize(1);
            }
        }
    }

    private static BindingRequest request(String subaccount) {
        return BindingRequest.builder().subaccountId(subaccount).instanceName("calm-api").bindingName("calm-key")
                .scopes(CalmScope.PROJECTS_READ).build();
    }
}
