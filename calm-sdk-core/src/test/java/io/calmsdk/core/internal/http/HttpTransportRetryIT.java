package io.calmsdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.RateLimitedException;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.testing.LogCapture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpTransportRetryIT extends TransportITSupport {

    /** The first request gets {@code first}, every later one {@code then}. */
    private static void firstThen(Supplier<MappingBuilder> request, ResponseDefinitionBuilder first,
                                  ResponseDefinitionBuilder then) {
        wm.stubFor(request.get().inScenario("s").whenScenarioStateIs(Scenario.STARTED).willReturn(first)
                .willSetStateTo("later"));
        wm.stubFor(request.get().inScenario("s").whenScenarioStateIs("later").willReturn(then));
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/v1/service_instances");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void send_getConnectionBroken_isRetriedThenSucceeds(Fault fault) {
        // Twice: java.net.http itself silently repeats an idempotent request once when the connection
        // closes before any answer byte, so the second fault is the one the transport sees.
        wm.stubFor(get("/x").inScenario("f").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(fault)).willSetStateTo("again"));
        wm.stubFor(get("/x").inScenario("f").whenScenarioStateIs("again")
                .willReturn(aResponse().withFault(fault)).willSetStateTo("ok"));
        wm.stubFor(get("/x").inScenario("f").whenScenarioStateIs("ok").willReturn(okJson("{\"ok\":true}")));

        TransportResponse r = transport().send(TransportRequest.get(url("/x")).build());

        assertThat(r.json().get("ok").asBoolean()).isTrue();
        assertThat(r.attempts()).isBetween(2, 3);
        assertThat(sleeper.waits()).hasSize(r.attempts() - 1).first().isEqualTo(Duration.ofMillis(100));
        wm.verify(3, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_getConnectionResetEveryTime_throwsNamingHostAfterAllAttempts() {
        wm.stubFor(get("/x").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> transport().send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("the connection to 127.0.0.1:" + wm.getPort() + " failed after 4 attempts")
                .hasMessageNotContaining("not retried");
        assertThat(sleeper.waits()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
    void send_postConnectionBrokenAfterSending_isNotRetried(Fault fault) {
        wm.stubFor(post("/v1/service_instances").willReturn(aResponse().withFault(fault)));

        assertThatThrownBy(() -> transport().send(TransportRequest.post(url("/v1/service_instances"))
                .jsonBody("{}").operation("create service instance calm-api").build()))
                .isInstanceOf(CalmClientException.class)
                .isNotInstanceOf(CalmTimeoutException.class)
                .hasMessageContaining("create service instance calm-api")
                .hasMessageContaining("127.0.0.1:" + wm.getPort())
                .hasMessageContaining("not retried because the request may have reached the service");
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/service_instances")));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void send_postConnectionRefused_isRetriedBecauseItNeverReachedTheServer() throws IOException {
        URI closed = closedPort();

        assertThatThrownBy(() -> transport().send(TransportRequest.post(closed).jsonBody("{}").build()))
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("could not connect to 127.0.0.1:" + closed.getPort())
                .hasMessageContaining("after 4 attempts");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void send_getSlowFirstAnswer_attemptTimeoutIsRetried() {
        firstThen(() -> get("/slow"), okJson("{}").withFixedDelay(1000), okJson("{\"fast\":1}"));
        HttpTransport t = track(builder().attemptTimeout(Duration.ofMillis(200)).build());

        TransportResponse r = t.send(TransportRequest.get(url("/slow")).build());

        assertThat(r.json().get("fast").asInt()).isEqualTo(1);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void send_getAlwaysSlow_throwsTimeoutAfterAllAttempts() {
        wm.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(1000)));
        HttpTransport t = track(builder().attemptTimeout(Duration.ofMillis(150))
                .retryPolicy(POLICY.toBuilder().maxAttempts(2).build()).build());

        assertThatThrownBy(() -> t.send(TransportRequest.get(url("/slow")).build()))
                .isInstanceOf(CalmTimeoutException.class)
                .hasMessageContaining("no answer within the attempt timeout of 150 ms after 2 attempts")
                .satisfies(e -> assertThat(((CalmTimeoutException) e).timeout()).isEqualTo(Duration.ofMillis(150)));
    }

    @Test
    void send_postSlow_attemptTimeoutIsNotRetried() {
        wm.stubFor(post("/slow").willReturn(okJson("{}").withFixedDelay(2000)));
        HttpTransport t = track(builder().attemptTimeout(Duration.ofMillis(300)).build());

        assertThatThrownBy(() -> t.send(TransportRequest.post(url("/slow")).build()))
                .isInstanceOf(CalmTimeoutException.class)
                .hasMessageContaining("not retried");
        // On a loaded machine the attempt may time out before the request is even logged by the
        // server; what matters is that it is never sent a second time.
        wm.verify(lessThanOrExactly(1), postRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void send_wholeCallTooSlow_throwsCalmTimeoutExceptionWithCallTimeout() {
        wm.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(1000)));
        HttpTransport t = track(builder().attemptTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofMillis(250)).build());

        assertThatThrownBy(() -> t.send(TransportRequest.get(url("/slow")).build()))
                .isInstanceOf(CalmTimeoutException.class)
                .hasMessageContaining("did not complete within the call timeout of 250 ms")
                .satisfies(e -> assertThat(((CalmTimeoutException) e).timeout()).isEqualTo(Duration.ofMillis(250)));
    }

    @Test
    void send_retryAfterSeconds_waitsThatLongThenSucceeds() {
        firstThen(() -> get("/x"), status(429).withHeader("Retry-After", "3"), okJson("{}"));

        TransportResponse r = transport().send(TransportRequest.get(url("/x")).build());

        assertThat(r.attempts()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void send_retryAfterHttpDate_waitsUntilThatDateByTheClock() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(7).atZone(ZoneOffset.UTC));
        firstThen(() -> get("/x"), status(429).withHeader("Retry-After", date), okJson("{}"));

        transport().send(TransportRequest.get(url("/x")).build());

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void send_retryAfterServiceManagerDate_waitsUntilThatDateByTheClock() {
        firstThen(() -> get("/x"), status(429).withHeader("Retry-After", "2026-11-24 10:00:05 +0000 UTC")
                .withBody("{\"description\":\"too many requests\"}"), okJson("{}"));

        transport().send(TransportRequest.get(url("/x")).build());

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void send_cisRateLimitReset_waitsUntilThatEpochMillis() {
        firstThen(() -> put("/entitlements/v1/subaccountServicePlans"), status(429)
                .withHeader("X-Ratelimit-Reset", String.valueOf(NOW.plusMillis(1500).toEpochMilli())), status(202));

        transport().send(TransportRequest.put(url("/entitlements/v1/subaccountServicePlans")).jsonBody("{}").build());

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1500));
        wm.verify(2, putRequestedFor(urlEqualTo("/entitlements/v1/subaccountServicePlans")));
    }

    @Test
    void send_rateLimitedEveryTime_throwsRateLimitedExceptionWithRetryAfter() {
        wm.stubFor(get("/x").willReturn(status(429).withHeader("Retry-After", "2")
                .withBody("{\"error\":{\"code\":11006,\"message\":\"Request rate limit exceeded\"}}")));

        assertThatThrownBy(() -> transport().send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("11006")
                .satisfies(e -> {
                    RateLimitedException r = (RateLimitedException) e;
                    assertThat(r.retryAfter()).contains(Duration.ofSeconds(2));
                    assertThat(r.attempts()).isEqualTo(4);
                });
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void send_retryAfterLongerThanMaxRetryAfter_failsAtOnceWithThatRetryAfter() {
        wm.stubFor(get("/x").willReturn(status(429).withHeader("Retry-After", "61")));

        assertThatThrownBy(() -> transport().send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(61)));
        assertThat(sleeper.waits()).isEmpty();
        wm.verify(1, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_retryAfterBeyondCallDeadline_failsAtOnce() {
        wm.stubFor(get("/x").willReturn(status(503).withHeader("Retry-After", "30")));
        HttpTransport t = track(builder().callTimeout(Duration.ofSeconds(10)).build());

        assertThatThrownBy(() -> t.send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(CalmServiceException.class).hasMessageContaining("HTTP 503");
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void send_serviceUnavailableThenOk_succeedsAfterBackoff() {
        firstThen(() -> get("/x"), status(503), okJson("{\"v\":2}"));

        TransportResponse r = transport().send(TransportRequest.get(url("/x")).build());

        assertThat(r.json().get("v").asInt()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100));
        wm.verify(2, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_getInternalServerErrorOnce_isRetriedWithTheDefaultPolicyThenSucceeds() {
        firstThen(() -> get("/x"), serverError().withBody("{\"error\":\"InternalServerError\"}"), okJson("{\"v\":2}"));

        TransportResponse r = track(builder().retryPolicy(RetryPolicy.defaults()).build())
                .send(TransportRequest.get(url("/x")).build());

        assertThat(r.json().get("v").asInt()).isEqualTo(2);
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void send_getMalformedJsonOnce_isRetriedThenSucceeds() {
        firstThen(() -> get("/x"), okJson("{\"items\": [{\"id\": <html>502</html>"), okJson("{\"v\":2}"));

        TransportResponse r = transport().send(TransportRequest.get(url("/x")).build());

        assertThat(r.json().get("v").asInt()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100));
        wm.verify(2, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_getCutShortJsonEveryTime_throwsCalmClientExceptionNamingThePositionNotTheBody() {
        wm.stubFor(get("/x").willReturn(okJson("{\"items\": [{\"id\": \"secret-looking-value")));

        assertThatThrownBy(() -> transport().send(TransportRequest.get(url("/x")).build()))
                .isExactlyInstanceOf(CalmClientException.class)
                .hasMessageContaining("GET http://127.0.0.1:")
                .hasMessageContaining("is not valid JSON at line 1")
                .hasMessageContaining("after 4 attempts")
                .hasMessageNotContaining("secret-looking-value");
        wm.verify(4, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_postMalformedJson_isReturnedNotRetried() {
        wm.stubFor(post("/v1/service_instances").willReturn(okJson("{garbled")));

        TransportResponse r = transport().send(TransportRequest.post(url("/v1/service_instances")).jsonBody("{}").build());

        assertThat(r.status()).isEqualTo(200);
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/service_instances")));
    }

    @Test
    void send_answerAnnouncedLargerThanTheLimit_failsNamingTheSettingWithoutRetry() {
        wm.stubFor(get("/x").willReturn(okJson("{\"a\":\"" + "x".repeat(2000) + "\"}")));

        assertThatThrownBy(() -> track(builder().maxResponseBodySize(1024).build())
                .send(TransportRequest.get(url("/x")).build()))
                .isExactlyInstanceOf(CalmClientException.class)
                .hasMessageContaining("larger than the limit of 1024 bytes")
                .hasMessageContaining("ClientOptions.maxResponseBodySize");
        wm.verify(1, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_chunkedAnswerGrowingPastTheLimit_failsWhileReading() {
        wm.stubFor(get("/x").willReturn(okJson("{\"a\":\"" + "x".repeat(4000) + "\"}").withChunkedDribbleDelay(4, 1)));

        assertThatThrownBy(() -> track(builder().maxResponseBodySize(1024).build())
                .send(TransportRequest.get(url("/x")).build()))
                .isExactlyInstanceOf(CalmClientException.class)
                .hasMessageContaining("larger than the limit of 1024 bytes");
        wm.verify(1, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_answerWithinTheLimit_isRead() {
        wm.stubFor(get("/x").willReturn(okJson("{\"a\":1}")));

        assertThat(track(builder().maxResponseBodySize(7).build()).send(TransportRequest.get(url("/x")).build())
                .json().get("a").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void send_postServerError_isNotRetried(int statusCode) {
        wm.stubFor(post("/v1/service_instances").willReturn(status(statusCode)
                .withBody("{\"error\":\"InternalServerError\",\"description\":\"boom\"}")));

        assertThatThrownBy(() -> transport().send(TransportRequest.post(url("/v1/service_instances")).jsonBody("{}").build()))
                .isInstanceOf(CalmServiceException.class)
                .hasMessageContaining("POST")
                .hasMessageContaining("HTTP " + statusCode)
                .hasMessageContaining("boom");
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/service_instances")));
    }

    @Test
    void send_postRateLimited_isRetriedBecauseTheRequestWasRefusedUnprocessed() {
        firstThen(() -> post("/x"), status(429).withHeader("Retry-After", "1"), okJson("{}"));

        TransportResponse r = transport().send(TransportRequest.post(url("/x")).build());

        assertThat(r.attempts()).isEqualTo(2);
        wm.verify(2, postRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_postRateLimitedUntilExhausted_carriesRetryAfter() {
        wm.stubFor(post("/x").willReturn(status(429).withHeader("Retry-After", "1")));

        assertThatThrownBy(() -> transport().send(TransportRequest.post(url("/x")).build()))
                .isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(1)));
    }

    @Test
    void send_postDeclaredIdempotent_isRetriedOnServiceUnavailable() {
        firstThen(() -> post("/x"), status(503), okJson("{}"));

        TransportResponse r = transport().send(TransportRequest.post(url("/x")).idempotent(true).build());

        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void send_noRetryPolicy_failsAfterOneAttempt() {
        wm.stubFor(get("/x").willReturn(status(503)));
        HttpTransport t = track(builder().retryPolicy(RetryPolicy.none()).build());

        assertThatThrownBy(() -> t.send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(CalmServiceException.class).hasMessageContaining("1 attempt]");
        wm.verify(1, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_retry_logsOneWarnWithReasonAndWait() {
        firstThen(() -> get("/x"), status(503), okJson("{}"));

        try (LogCapture logs = LogCapture.start()) {
            transport().send(TransportRequest.get(url("/x")).operation("list things").build());

            assertThat(logs.events()).filteredOn(e -> e.getLevel().toString().equals("WARN")).hasSize(1)
                    .first().satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains("list things", "HTTP 503", "attempt 1 of 4", "retrying in 100 ms"));
            assertThat(logs.text()).contains("--> GET " + url("/x"), "<-- 503 GET", "<-- 200 GET");
        }
    }

    @Test
    void send_interruptedWhileWaitingToRetry_throwsAndKeepsInterruptFlag() {
        wm.stubFor(get("/x").willReturn(status(503)));
        HttpTransport t = track(builder().sleeper(d -> {
            throw new InterruptedException("test");
        }).build());

        try {
            assertThatThrownBy(() -> t.send(TransportRequest.get(url("/x")).build()))
                    .isInstanceOf(CalmClientException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void send_interruptedWhileWaitingForAnswer_throwsAndKeepsInterruptFlag() {
        wm.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(1000)));
        Thread.currentThread().interrupt();

        try {
            assertThatThrownBy(() -> transport().send(TransportRequest.get(url("/slow")).build()))
                    .isInstanceOf(CalmClientException.class).hasMessageContaining("interrupted while waiting for the answer");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void send_backoffWouldPassCallDeadline_throwsCallTimeoutWithLastFailure() throws IOException {
        URI closed = closedPort();
        // Time advances only by the waits, so the deadline arithmetic is exact.
        AtomicLong nanos = new AtomicLong();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(10).jitter(() -> 0.9999999).build();
        HttpTransport t = track(builder().retryPolicy(policy).callTimeout(Duration.ofSeconds(1)).nanoTime(nanos::get)
                .sleeper(d -> {
                    sleeper.sleep(d);
                    nanos.addAndGet(d.toNanos());
                }).build());

        assertThatThrownBy(() -> t.send(TransportRequest.get(closed).build()))
                .isInstanceOf(CalmTimeoutException.class)
                .hasMessageContaining("did not complete within the call timeout of 1000 ms (3 attempts, last: ConnectException");
        // 200 + 400 ms waited; the next 800 ms would end after the 1 s deadline
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void send_waitOverranTheDeadline_throwsCallTimeoutNamingTheLastProblem() {
        wm.stubFor(get("/x").willReturn(status(503)));
        AtomicLong nanos = new AtomicLong();
        // A sleeper that overshoots, like a machine under load: the deadline passes during the wait.
        HttpTransport t = track(builder().callTimeout(Duration.ofSeconds(1)).nanoTime(nanos::get)
                .sleeper(d -> nanos.addAndGet(Duration.ofSeconds(2).toNanos())).build());

        assertThatThrownBy(() -> t.send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(CalmTimeoutException.class)
                .hasMessageContaining("call timeout of 1000 ms (1 attempt, last: HTTP 503)");
        wm.verify(1, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_httpsToPlainHttpServer_failsWithTlsMessageWithoutRetry() {
        URI https = URI.create("https://127.0.0.1:" + wm.getPort() + "/x");

        assertThatThrownBy(() -> transport().send(TransportRequest.get(https).build()))
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("TLS handshake with 127.0.0.1:" + wm.getPort() + " failed");
        assertThat(sleeper.waits()).isEmpty();
    }
}
