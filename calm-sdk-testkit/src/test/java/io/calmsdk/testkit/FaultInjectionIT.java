package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.testkit.SimulatorBuilder.RetryAfterFormat;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    @Test
    void malformedBodyNext_requestTakesEffect_answerIsNotJson() {
        sim.faults().malformedBodyNext(1, RequestMatcher.of("POST", "/v1/service_instances"));
        String planId = flows.http.get(flows.smUrl() + "/v1/service_plans", token).json().path("items").path(0)
                .path("id").asText("none");

        RawHttp.Reply reply = flows.http.post(list, token, "{\"name\":\"x\",\"service_plan_id\":\"" + planId + "\"}");

        assertThat(reply.header("Content-Type").orElse("")).startsWith("application/json");
        assertThatThrownBy(reply::json).isInstanceOf(UncheckedIOException.class);
        // The create was processed (or refused) exactly as without the fault: only the answer is garbled.
        assertThat(sim.journal().last().orElseThrow().status()).isEqualTo(reply.status());
        assertThat(flows.http.get(list, token).json().has("items")).isTrue();
    }

    @Test
    void malformedBodyNext_answerWithoutBody_becomes200WithGarbage() {
        sim.faults().malformedBodyNext(1, RequestMatcher.path("/entitlements/v1/assignments"));
        String url = flows.entitlementsUrl() + "/entitlements/v1/assignments?subaccountGUID="
                + sim.defaultSubaccountId() + "&serviceName=NoSuchService&planName=none";
        String cis = flows.cisToken();

        RawHttp.Reply spoiled = flows.http.get(url, cis);
        RawHttp.Reply clean = flows.http.get(url, cis);

        assertThat(clean.status()).isEqualTo(204);
        assertThat(spoiled.status()).isEqualTo(200);
        assertThat(spoiled.body()).startsWith("{").contains("<html>");
    }

    @Test
    @Timeout(10) // a client waiting for the missing bytes would hang: the connection must drop
    void truncatedBodyNext_cutsTheAnswerAndDropsTheConnection() {
        sim.faults().truncatedBodyNext(1, RequestMatcher.of("GET", "/v1/service_instances"));

        assertThatThrownBy(() -> flows.http.get(list, token)).isInstanceOf(UncheckedIOException.class);
        assertThat(flows.http.get(list, token).status()).isEqualTo(200);
        assertThat(sim.journal().count("GET", "/v1/service_instances")).isEqualTo(2);
    }

    @Test
    @Timeout(10) // a client waiting for the missing bytes would hang: the connection must drop
    void truncatedBodyNext_answerWithoutBody_stillBreaks() {
        sim.faults().truncatedBodyNext(1, RequestMatcher.path("/entitlements/v1/assignments"));
        String url = flows.entitlementsUrl() + "/entitlements/v1/assignments?subaccountGUID="
                + sim.defaultSubaccountId() + "&serviceName=NoSuchService&planName=none";
        String cis = flows.cisToken();

        assertThatThrownBy(() -> flows.http.get(url, cis)).isInstanceOf(UncheckedIOException.class);
        assertThat(flows.http.get(url, cis).status()).isEqualTo(204);
    }

    @Test
    void slowAnswerNext_processesFirstThenAnswersLate() {
        sim.faults().slowAnswerNext(1, Duration.ofMillis(600), RequestMatcher.of("GET", "/v1/service_instances"));
        RawHttp impatient = new RawHttp();

        assertThatThrownBy(() -> impatient.send(RawHttp.request(list).timeout(Duration.ofMillis(150))
                .header("Authorization", "Bearer " + token).GET().build()))
                .hasCauseInstanceOf(HttpTimeoutException.class);
        long start = System.nanoTime();
        assertThat(flows.http.get(list, token).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600));
        assertThat(sim.journal().count("GET", "/v1/service_instances")).isEqualTo(2);
    }

    @Test
    void answerFaults_invalidArguments_areRejected() {
        RequestMatcher any = RequestMatcher.any();
        assertThatThrownBy(() -> sim.faults().malformedBodyNext(0, any)).hasMessageContaining("count");
        assertThatThrownBy(() -> sim.faults().truncatedBodyNext(-1, any)).hasMessageContaining("count");
        assertThatThrownBy(() -> sim.faults().slowAnswerNext(1, Duration.ofMillis(-1), any))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> sim.faults().malformedBodyNext(1, null)).isInstanceOf(NullPointerException.class);
    }
}
