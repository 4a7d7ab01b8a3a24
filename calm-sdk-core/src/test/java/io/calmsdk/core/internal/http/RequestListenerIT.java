package io.calmsdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.http.RequestListener;
import io.calmsdk.core.http.RequestListener.Event.Outcome;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RequestListenerIT extends TransportITSupport {

    private static final String QUERY_SECRET = "canary-query-" + UUID.randomUUID();
    private static final String HEADER_SECRET = "canary-header-" + UUID.randomUUID();

    private final List<RequestListener.Event> before = new CopyOnWriteArrayList<>();
    private final List<RequestListener.Event> after = new CopyOnWriteArrayList<>();

    private final RequestListener recording = new RequestListener() {
        @Override
        public Map<String, String> beforeAttempt(RequestListener.Event event) {
            before.add(event);
            return Map.of("traceparent", "00-trace-" + event.attempt());
        }

        @Override
        public void afterAttempt(RequestListener.Event event) {
            after.add(event);
        }
    };

    @Test
    void send_retriedThenAnswered_tellsEachAttemptWithItsOutcome() {
        wm.stubFor(get("/x").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get("/x").inScenario("s").whenScenarioStateIs("up").willReturn(okJson("{}")));

        track(builder().api("cloud-alm").listener(recording).build()).send(TransportRequest.get(url("/x")).build());

        assertThat(before).extracting(RequestListener.Event::attempt, RequestListener.Event::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Outcome.SENDING),
                        org.assertj.core.groups.Tuple.tuple(2, Outcome.SENDING));
        assertThat(after).extracting(RequestListener.Event::attempt, RequestListener.Event::outcome, e -> e.status().getAsInt())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Outcome.RETRYING, 503),
                        org.assertj.core.groups.Tuple.tuple(2, Outcome.SUCCEEDED, 200));
        RequestListener.Event last = after.get(1);
        assertThat(last.api()).isEqualTo("cloud-alm");
        assertThat(last.method()).isEqualTo("GET");
        assertThat(last.url()).endsWith("/x");
        assertThat(last.correlationId()).isEqualTo(after.get(0).correlationId()).isNotBlank();
        assertThat(last.duration()).isPositive();
        wm.verify(getRequestedFor(urlPathEqualTo("/x")).withHeader("traceparent", equalTo("00-trace-2")));
    }

    @Test
    void send_finalFailure_isTold() {
        wm.stubFor(get("/x").willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> track(builder().listener(recording).build())
                .send(TransportRequest.get(url("/x")).build())).isInstanceOf(CalmServiceException.class);

        assertThat(after).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(e.status()).hasValue(404);
        });
    }

    @Test
    void send_noAnswer_toldWithFailureAndNoStatus() {
        String closedPort = "http://127.0.0.1:1/x";

        assertThatThrownBy(() -> track(builder().retryPolicy(io.calmsdk.core.http.RetryPolicy.none())
                .listener(recording).build()).send(TransportRequest.get(java.net.URI.create(closedPort)).build()))
                .isInstanceOf(io.calmsdk.core.exception.CalmClientException.class);

        assertThat(after).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(e.status()).isEmpty();
            assertThat(e.failure()).isPresent();
        });
    }

    @Test
    void send_secretsInRequest_neverReachListener() {
        wm.stubFor(get(urlPathEqualTo("/x")).willReturn(okJson("{}")));

        track(builder().listener(recording).build()).send(TransportRequest.get(url("/x"))
                .query("client_secret", QUERY_SECRET).secretHeader("X-Api-Key", Secret.of(HEADER_SECRET)).build());

        assertThat(before).hasSize(1);
        assertThat(after).hasSize(1);
        for (RequestListener.Event e : List.of(before.get(0), after.get(0))) {
            assertThat(e.toString()).doesNotContain(QUERY_SECRET, HEADER_SECRET);
            assertThat(e.url()).doesNotContain(QUERY_SECRET);
        }
    }

    @Test
    void send_listenerThrowsOrSetsReservedHeader_callGoesOnUnchanged() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));
        RequestListener rude = new RequestListener() {
            @Override
            public Map<String, String> beforeAttempt(RequestListener.Event event) {
                return Map.of("Authorization", "Bearer stolen", "X-Fine", "yes");
            }

            @Override
            public void afterAttempt(RequestListener.Event event) {
                throw new IllegalStateException("listener bug");
            }
        };
        RequestListener failingBefore = new RequestListener() {
            @Override
            public Map<String, String> beforeAttempt(RequestListener.Event event) {
                throw new IllegalStateException("listener bug");
            }
        };

        TransportResponse r = track(builder().listener(rude).listener(failingBefore).listener(recording).build())
                .send(TransportRequest.get(url("/x")).build());

        assertThat(r.status()).isEqualTo(200);
        assertThat(after).hasSize(1);
        wm.verify(getRequestedFor(urlPathEqualTo("/x")).withHeader("Authorization", absent())
                .withHeader("X-Fine", equalTo("yes")));
    }

    @Test
    void sendAsync_tellsListenersToo() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));

        track(builder().listener(recording).build()).sendAsync(TransportRequest.get(url("/x")).build()).join();

        assertThat(before).hasSize(1);
        assertThat(after).singleElement().extracting(RequestListener.Event::outcome).isEqualTo(Outcome.SUCCEEDED);
    }
}
