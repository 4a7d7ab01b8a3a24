package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concurrent clients see consistent state. */
@CalmSimulatorTest
class ConcurrencyIT {

    private final BtpSimulator sim;
    private final Flows flows;

    ConcurrencyIT(BtpSimulator sim) {
        this.sim = sim;
        this.flows = new Flows(sim);
    }

    private List<Integer> concurrently(int n, java.util.function.IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameInstanceName_createdConcurrently_existsExactlyOnce() throws Exception {
        sim.seed().entitlement(sim.defaultSubaccountId(), "SAPCloudALMAPIs", "standard", 10);
        String token = flows.smToken();

        List<Integer> statuses = concurrently(12, i -> flows.http.post(flows.smUrl() + "/v1/service_instances", token,
                Flows.instanceBody("race", "{}")).status());

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(11);
        assertThat(sim.state().instances()).hasSize(1);
    }

    @Test
    void distinctNames_createdConcurrently_allExistAndQuotaHolds() throws Exception {
        sim.seed().entitlement(sim.defaultSubaccountId(), "SAPCloudALMAPIs", "standard", 8);
        String token = flows.smToken();

        List<Integer> statuses = concurrently(10, i -> flows.http.post(flows.smUrl() + "/v1/service_instances",
                token, Flows.instanceBody("inst-" + i, "{}")).status());

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(8);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(2);
        assertThat(sim.state().instances()).hasSize(8);
    }

    @Test
    void tokens_fetchedConcurrently_allValid() throws Exception {
        List<Integer> statuses = concurrently(16, i -> flows.http.tokenReply(sim.endpoints().xsuaa().toString(),
                sim.serviceManagerKey().clientId(), sim.serviceManagerKey().tree().get("clientsecret").asText())
                .status());

        assertThat(statuses).containsOnly(200);
        assertThat(sim.journal().tokenRequests()).isEqualTo(16);
    }
}
