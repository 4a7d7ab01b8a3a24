package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls for one instance run one after the other; calls for another subaccount never wait for them. */
class InstanceLocksIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final CalmSimulatorExtension SIM = new CalmSimulatorExtension();

    private static BindingRequest.Builder request(String subaccountId) {
        return BindingRequest.builder().subaccountId(subaccountId).instanceName("calm-api")
                .bindingName("calm-api-key").scopes(CalmScope.PROJECTS_READ);
    }

    @Test
    void ensureBinding_whileAnotherSubaccountsCallIsHeldUp_runsAtOnce_butTheSameInstanceWaits(BtpSimulator sim)
            throws Exception {
        String slowSubaccount = sim.defaultSubaccountId();
        String fastSubaccount = sim.createSubaccount("fast");
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeTime time = new FakeTime();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // One-key mode: each subaccount gets its own Service Manager client as well.
        try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim)).options(ClientOptions.builder().clock(time)
                .sleeper(time).build())
                .listener(new ProvisioningListener() {
                    @Override
                    public void onStepStarted(BindingRequest request, ProvisioningStep step) {
                        if (request.subaccountId().equals(slowSubaccount) && step == ProvisioningStep.ENTITLEMENT
                                && slowStarted.getCount() > 0) {
                            slowStarted.countDown();
                            awaitQuietly(release);
                        }
                    }
                }).build()) {
            Future<ProvisioningResult> slow = pool.submit(() -> provisioner.ensureBinding(request(slowSubaccount).build()));
            assertThat(slowStarted.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            ProvisioningResult fast = assertTimeoutPreemptively(PATIENCE,
                    () -> provisioner.ensureBinding(request(fastSubaccount).build()));
            assertThat(fast.changed()).isTrue();
            assertThat(slow).isNotDone();
            assertThatThrownBy(() -> provisioner.ensureBinding(request(slowSubaccount).timeout(Duration.ofSeconds(1))
                    .build())).isInstanceOf(CalmTimeoutException.class)
                    .hasMessageContaining("another call for instance calm-api in subaccount " + slowSubaccount);

            release.countDown();
            assertThat(slow.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).instance().id())
                    .isNotEqualTo(fast.instance().id());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
