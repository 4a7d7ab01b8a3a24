package io.calmsdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.exception.UnauthorizedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class HttpTransportAsyncIT extends TransportITSupport {

    @Test
    void sendAsync_ok_completesWithTheAnswer() {
        wm.stubFor(get("/x").willReturn(okJson("{\"n\":5}")));

        TransportResponse r = transport().sendAsync(TransportRequest.get(url("/x")).build()).join();

        assertThat(r.json().get("n").asInt()).isEqualTo(5);
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void sendAsync_slowAnswer_returnsBeforeTheAnswerArrives() {
        wm.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(500)));

        CompletableFuture<TransportResponse> f = transport().sendAsync(TransportRequest.get(url("/slow")).build());

        assertThat(f).isNotDone();
        assertThat(f.join().status()).isEqualTo(200);
    }

    @Test
    void sendAsync_serviceUnavailableThenOk_retriesThroughTheAsyncSleeper() {
        wm.stubFor(get("/x").inScenario("s").whenScenarioStateIs(Scenario.STARTED).willReturn(status(503)
                .withHeader("Retry-After", "4")).willSetStateTo("ok"));
        wm.stubFor(get("/x").inScenario("s").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        TransportResponse r = transport().sendAsync(TransportRequest.get(url("/x")).build()).join();

        assertThat(r.attempts()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(4));
        assertThat(wm.findAll(getRequestedFor(urlEqualTo("/x")))).extracting(q -> q.getHeader("X-CorrelationID"))
                .containsOnly(r.correlationId());
    }

    @Test
    void sendAsync_realDelayScheduler_waitsWithoutBlockingAndSucceeds() {
        wm.stubFor(get("/x").inScenario("s").whenScenarioStateIs(Scenario.STARTED).willReturn(status(503))
                .willSetStateTo("ok"));
        wm.stubFor(get("/x").inScenario("s").whenScenarioStateIs("ok").willReturn(okJson("{}")));
        HttpTransport t = track(builder().asyncSleeper(AsyncSleeper.system()).build());

        assertThat(t.sendAsync(TransportRequest.get(url("/x")).build()).join().attempts()).isEqualTo(2);
    }

    @Test
    void sendAsync_notFound_completesExceptionallyWithNotFound() {
        wm.stubFor(get("/x").willReturn(status(404).withBody("{\"error\":\"NotFound\",\"description\":\"gone\"}")));

        CompletableFuture<TransportResponse> f = transport().sendAsync(TransportRequest.get(url("/x")).build());

        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(NotFoundException.class).hasMessageContaining("gone");
    }

    @Test
    void sendAsync_postServerError_isNotRetried() {
        wm.stubFor(post("/x").willReturn(status(500)));

        assertThatThrownBy(() -> transport().sendAsync(TransportRequest.post(url("/x")).build()).join())
                .cause().isInstanceOf(CalmServiceException.class);
        wm.verify(1, postRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void sendAsync_401ThenOk_reauthorizesOnce() {
        RecordingAuthenticator auth = new RecordingAuthenticator("t");
        wm.stubFor(get("/x").withHeader("Authorization", equalTo("Bearer t1")).willReturn(status(401)));
        wm.stubFor(get("/x").withHeader("Authorization", equalTo("Bearer t2")).willReturn(okJson("{}")));

        TransportResponse r = track(builder().authenticator(auth).build())
                .sendAsync(TransportRequest.get(url("/x")).build()).join();

        assertThat(r.attempts()).isEqualTo(2);
        assertThat(auth.invalidated()).containsExactly(auth.header(1));
    }

    @Test
    void sendAsync_401Twice_failsWithUnauthorized() {
        wm.stubFor(get("/x").willReturn(status(401)));

        assertThatThrownBy(() -> track(builder().authenticator(new RecordingAuthenticator("t")).build())
                .sendAsync(TransportRequest.get(url("/x")).build()).join())
                .cause().isInstanceOf(UnauthorizedException.class);
        wm.verify(2, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void sendAsync_connectionRefused_retriesThenFailsNamingHost() throws IOException {
        URI closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/x");
        }

        URI target = closed;
        assertThatThrownBy(() -> transport().sendAsync(TransportRequest.post(target).build()).join())
                .cause().isInstanceOf(CalmClientException.class)
                .hasMessageContaining("could not connect to 127.0.0.1:" + closed.getPort());
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void sendAsync_attemptTimeout_isRetriedThenTimesOut() {
        wm.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(1000)));
        HttpTransport t = track(builder().attemptTimeout(Duration.ofMillis(150))
                .retryPolicy(POLICY.toBuilder().maxAttempts(2).build()).build());

        assertThatThrownBy(() -> t.sendAsync(TransportRequest.get(url("/slow")).build()).join())
                .cause().isInstanceOf(CalmTimeoutException.class).hasMessageContaining("attempt timeout");
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void sendAsync_authenticatorThrows_completesExceptionally() {
        io.calmsdk.core.internal.http.Authenticator failing = new io.calmsdk.core.internal.http.Authenticator() {
            @Override
            public io.calmsdk.core.internal.http.AuthHeader authorize() {
                throw new CalmClientException("token endpoint down");
            }

            @Override
            public void invalidate(io.calmsdk.core.internal.http.AuthHeader refused) {
            }
        };

        CompletableFuture<TransportResponse> f = track(builder().authenticator(failing).build())
                .sendAsync(TransportRequest.get(url("/x")).build());

        assertThatThrownBy(f::join).cause().isInstanceOf(CalmClientException.class)
                .hasMessage("token endpoint down");
    }

    @Test
    void sendAsync_failingAsyncSleeper_completesExceptionally() {
        wm.stubFor(get("/x").willReturn(status(503)));
        HttpTransport t = track(builder().asyncSleeper(d -> CompletableFuture.failedFuture(new IllegalStateException("no")))
                .build());

        assertThatThrownBy(() -> t.sendAsync(TransportRequest.get(url("/x")).build()).join())
                .cause().isInstanceOf(CalmClientException.class).hasMessageContaining("wait before the next attempt");
    }

    @Test
    void sendAsync_cancelledWhileWaitingToRetry_makesNoFurtherAttempt() {
        wm.stubFor(get("/x").willReturn(status(503)));
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        // A direct executor runs the transport's continuation inside gate.complete(), so the check below
        // happens after the transport has decided.
        HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
        HttpTransport t = track(builder().httpClient(direct).asyncSleeper(d -> {
            waiting.complete(null);
            return gate;
        }).build());

        CompletableFuture<TransportResponse> f = t.sendAsync(TransportRequest.get(url("/x")).build());
        waiting.join();
        f.cancel(true);
        gate.complete(null);

        assertThat(f).isCancelled();
        wm.verify(1, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void sendAsync_withAuthenticator_neverAuthorizesOnTheCallersThread() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));
        java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordingAuthenticator recording = new RecordingAuthenticator("t");
        io.calmsdk.core.internal.http.Authenticator auth = new io.calmsdk.core.internal.http.Authenticator() {
            @Override
            public io.calmsdk.core.internal.http.AuthHeader authorize() {
                threads.add(Thread.currentThread());
                return recording.authorize();
            }

            @Override
            public void invalidate(io.calmsdk.core.internal.http.AuthHeader refused) {
                recording.invalidate(refused);
            }
        };

        track(builder().authenticator(auth).build()).sendAsync(TransportRequest.get(url("/x")).build()).join();

        assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread());
        assertThat(threads.get(0).getName()).startsWith("calm-sdk-http-");
    }
}
