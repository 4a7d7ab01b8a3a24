package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection as a client sees it. */
@CalmSimulatorTest
class FaultInjectionIT {

    private final BtpSimulator sim;
    private final Flows flows;
    private String token;
    private String list;

    FaultInjectionIT(BtpSimulator sim) {
        this.sim = sim;
        this.flows = new Flows(sim);
    }

    @BeforeEach
    void prepare() {
        token = flows.smToken();
        list = flows.smUrl() + "/v1/service_instances";
    }

    @Test
    void failNext_503_isPlainTextGatewayErrorForExactlyNRequests() {
        sim.faults().failNext(2, 503);

        RawHttp.Reply first = flows.http.get(list, token);
        RawHttp.Reply second = flows.http.get(list, token);
        RawHttp.Reply third = flows.http.get(list, token);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void failNext_500_isTheServicesOwnErrorShape() {
        sim.faults().failNext(1, 500);

        RawHttp.Reply reply = flows.http.get(list, token);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().get("error").asText()).isEqualTo("InternalServerError");
    }

    @Test
    void failNext_withMatcher_hitsOnlyMatchingRequests() {
        sim.faults().failNext(1, 502, RequestMatcher.of("POST", "/v1/service_instances*"));

        assertThat(flows.http.get(list, token).status()).isEqualTo(200);
        assertThat(flows.http.post(list, token, "{}").status()).isEqualTo(502);
        assertThat(flows.http.post(list, token, "{}").status()).isEqualTo(400);
    }

    @Test
    void resetNext_closesTheConnectionWithoutAnswer() {
        sim.faults().resetNext(1, RequestMatcher.path("/oauth/token"));

        assertThatThrownBy(flows::smToken).isInstanceOf(UncheckedIOException.class);
        assertThat(sim.journal().last().orElseThrow().connectionReset()).isTrue();
        assertThat(flows.smToken()).isNotEmpty();
    }

    @Test
    void latency_delaysTheAnswer() {
        sim.faults().latency(Duration.ofMillis(300), RequestMatcher.api(SimulatedApi.SERVICE_MANAGER));

        assertThat(flows.http.get(list, token).status()).isEqualTo(200);

        assertThat(sim.journal().last().orElseThrow().duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void failureRate_one_failsEverything_andClearStopsIt() {
        sim.faults().failureRate(1.0, 500, RequestMatcher.api(SimulatedApi.SERVICE_MANAGER));

        assertThat(flows.http.get(list, token).status()).isEqualTo(500);
        assertThat(flows.http.get(list, token).status()).isEqualTo(500);
        sim.faults().clear();
        assertThat(flows.http.get(list, token).status()).isEqualTo(200);
    }

    @Test
    void rateLimitNext_serviceManager_answers429WithRetryAfter() {
        sim.faults().rateLimitNext(1, Duration.ofSeconds(20));

        RawHttp.Reply reply = flows.http.get(list, token);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.json().get("error").asText()).isEqualTo("TooManyRequests");
        assertThat(reply.header("Retry-After").orElseThrow()).endsWith("GMT");
    }

    @Test
    void rateLimitNext_cloudAlmAndXsuaa_answer429WithSecondsRetryAfter() {
        sim.faults().rateLimitNext(1, Duration.ofSeconds(3), RequestMatcher.api(SimulatedApi.XSUAA));

        RawHttp.Reply reply = flows.http.tokenReply(sim.endpoints().xsuaa().toString(), "x", "y");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).contains("3");
    }

    @Test
    void retryAfterFormats_goDateAndSeconds_areConfigurable() {
        for (RetryAfterFormat format : new RetryAfterFormat[] {RetryAfterFormat.GO_DATE, RetryAfterFormat.SECONDS}) {
            try (BtpSimulator other = BtpSimulator.builder().retryAfterFormat(format).start()) {
                Flows f = new Flows(other);
                String t = f.smToken();
                other.faults().rateLimitNext(1, Duration.ofSeconds(7));
                String value = f.http.get(f.smUrl() + "/v1/service_instances", t).header("Retry-After").orElseThrow();

                assertThat(value).matches(format == RetryAfterFormat.SECONDS ? "7"
                        : "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\+0000 UTC");
            }
        }
    }

    @Test
    void countedFaults_underConcurrency_hitExactlyN() throws Exception {
        sim.faults().failNext(10, 503);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> flows.http.get(list, token).status()));
            }
            int failures = 0;
            for (Future<Integer> f : results) {
                failures += f.get() == 503 ? 1 : 0;
            }
            assertThat(failures).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidFaultArguments_areRejected() {
        assertThatThrownBy(() -> sim.faults().failNext(0, 500)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
        assertThatThrownBy(() -> sim.faults().failNext(1, 200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4xx or 5xx");
        assertThatThrownBy(() -> sim.faults().failureRate(2, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().tokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
