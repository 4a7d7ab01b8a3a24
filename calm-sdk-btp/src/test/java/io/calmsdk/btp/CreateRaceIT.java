package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.http.RequestListener;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 18, item 6, as it was observed: 8 provisioners (8 processes, in effect: no shared lock or cache)
 * race on one subaccount while the service hides an instance and a binding still being created from its
 * lists (each create takes 3 s of real time). Every loser used to loop POST, 409, list, POST; now each
 * sends at most 3 creates per resource.
 */
class CreateRaceIT {

    private static final int PROVISIONERS = 8;

    @RegisterExtension
    static final CalmSimulatorExtension SIM = CalmSimulatorExtension.using(BtpSimulator.builder()
            .workerThreads(16).operationPolls(0).operationDuration(Duration.ofSeconds(3)));

    /** Counts the creates one provisioner sends, per resource type. */
    private static final class CreateCounter implements RequestListener {
        final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();

        @Override
        public void afterAttempt(Event event) {
            if (event.method().equals("POST") && !event.url().contains("/operations")) {
                String path = event.url().replaceAll("^[a-z]+://[^/]+", "").replaceAll("\\?.*$", "");
                if (path.equals("/v1/service_instances") || path.equals("/v1/service_bindings")) {
                    posts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                }
            }
        }
    }

    @Test
    void ensureBinding_eightProvisionersWhileCreatesAreHidden_atMostThreeCreatesEachPerResource(BtpSimulator sim)
            throws Exception {
        sim.seed().cloudAlmEntitlement(sim.defaultSubaccountId());
        sim.faults().hideCreatingFromLists();
        List<CreateCounter> counters = new ArrayList<>();
        List<CloudAlmProvisioner> provisioners = new ArrayList<>();
        for (int i = 0; i < PROVISIONERS; i++) {
            CreateCounter counter = new CreateCounter();
            counters.add(counter);
            provisioners.add(CloudAlmProvisioner.builder().credentials(SimKeys.serviceManager(sim))
                    .options(ClientOptions.builder().addRequestListener(counter)
                            .polling(PollingOptions.builder().initialDelay(Duration.ofMillis(200))
                                    .maxInterval(Duration.ofSeconds(2)).build()).build()).build());
        }
        BindingRequest request = BindingRequest.builder().subaccountId(sim.defaultSubaccountId())
                .instanceName("calm-api").bindingName("calm-api-key").scopes(CalmScope.PROJECTS_READ)
                .skipEntitlement(true).timeout(Duration.ofMinutes(2)).build();
        ExecutorService pool = Executors.newFixedThreadPool(PROVISIONERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ProvisioningResult>> results = new ArrayList<>();
        try {
            for (CloudAlmProvisioner p : provisioners) {
                results.add(pool.submit(() -> {
                    start.await();
                    return p.ensureBinding(request);
                }));
            }
            start.countDown();
            for (Future<ProvisioningResult> r : results) {
                r.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            provisioners.forEach(CloudAlmProvisioner::close);
            sim.faults().clear();
        }

        for (String path : List.of("/v1/service_instances", "/v1/service_bindings")) {
            List<Integer> perProvisioner = new ArrayList<>();
            counters.forEach(c -> perProvisioner.add(c.posts.getOrDefault(path, new AtomicInteger()).get()));
            assertThat(perProvisioner).as(path + " creates per provisioner").allMatch(n -> n <= 3);
        }
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
        assertThat(sim.state().bindings(sim.defaultSubaccountId())).hasSize(1);
    }
}
