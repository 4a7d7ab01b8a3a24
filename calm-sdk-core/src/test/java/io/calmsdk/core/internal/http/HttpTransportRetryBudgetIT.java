package io.calmsdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.http.RetryPolicy;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry budget shared by all calls of one {@link ClientOptions}: storms stop multiplying requests. */
class HttpTransportRetryBudgetIT extends TransportITSupport {

    /** Room for two retries; a call may make four attempts. */
    private final ClientOptions options = ClientOptions.builder().clock(CLOCK).sleeper(sleeper)
            .retryPolicy(POLICY.toBuilder().retryBudget(2).build()).build();

    @BeforeEach
    void stubs() {
        wm.stubFor(get("/storm").willReturn(status(503)));
        wm.stubFor(get("/ok").willReturn(okJson("{}")));
    }

    private HttpTransport transport(ClientOptions o) {
        return track(HttpTransport.builder().options(o).asyncSleeper(sleeper).build());
    }

    @Test
    void send_stormSpendsTheBudgetOfTheOptions_laterCallsOfAnotherClientAreNotRetried() {
        HttpTransport first = transport(options);
        HttpTransport second = transport(options);

        assertThatThrownBy(() -> first.send(TransportRequest.get(url("/storm")).build()))
                .isInstanceOf(CalmServiceException.class).hasMessageContaining("HTTP 503");
        wm.verify(3, getRequestedFor(urlEqualTo("/storm")));
        assertThat(sleeper.waits()).hasSize(2);

        assertThatThrownBy(() -> second.send(TransportRequest.get(url("/storm")).build()))
                .isInstanceOf(CalmServiceException.class).hasMessageContaining("1 attempt]");
        wm.verify(4, getRequestedFor(urlEqualTo("/storm")));
        assertThat(sleeper.waits()).hasSize(2);
    }

    @Test
    void send_successesRefillTheBudget_fiveSuccessesPayForOneRetry() {
        HttpTransport t = transport(options);
        assertThatThrownBy(() -> t.send(TransportRequest.get(url("/storm")).build()));
        wm.resetRequests();

        for (int i = 0; i < 5; i++) {
            t.send(TransportRequest.get(url("/ok")).build());
        }
        assertThatThrownBy(() -> t.send(TransportRequest.get(url("/storm")).build()))
                .isInstanceOf(CalmServiceException.class).hasMessageContaining("2 attempts]");

        wm.verify(2, getRequestedFor(urlEqualTo("/storm")));
    }

    @Test
    void send_otherOptionsInstance_hasABudgetOfItsOwn() {
        assertThatThrownBy(() -> transport(options).send(TransportRequest.get(url("/storm")).build()));
        ClientOptions other = options.toBuilder().build();

        assertThatThrownBy(() -> transport(other).send(TransportRequest.get(url("/storm")).build()))
                .isInstanceOf(CalmServiceException.class).hasMessageContaining("3 attempts]");

        wm.verify(6, getRequestedFor(urlEqualTo("/storm")));
    }

    @Test
    void sendAsync_drawsFromTheSameBudgetAsSend() {
        HttpTransport t = transport(options);
        assertThatThrownBy(() -> t.send(TransportRequest.get(url("/storm")).build()));

        assertThatThrownBy(() -> t.sendAsync(TransportRequest.get(url("/storm")).build()).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(CalmServiceException.class)
                .hasMessageContaining("1 attempt]");

        wm.verify(4, getRequestedFor(urlEqualTo("/storm")));
    }

    @Test
    void retryPolicy_negativeBudget_isRejectedNamingTheSetting() {
        assertThatThrownBy(() -> RetryPolicy.builder().retryBudget(-1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("retryBudget");
        assertThat(RetryPolicy.defaults().retryBudget()).isEqualTo(100);
        assertThat(RetryPolicy.defaults().toBuilder().retryBudget(7).build().retryBudget()).isEqualTo(7);
    }

    @Test
    void bucket_timeoutRetriesCostTwice_successesStopAtTheCapacity() {
        RetryBudget budget = new RetryBudget(2);
        assertThat(budget.tryAcquire(RetryBudget.TIMEOUT_RETRY_COST)).isTrue();
        assertThat(budget.tryAcquire(RetryBudget.RETRY_COST)).isFalse();
        assertThat(budget.tokens()).isZero();
        for (int i = 0; i < 100; i++) {
            budget.onSuccess();
        }
        assertThat(budget.tokens()).isEqualTo(2 * RetryBudget.RETRY_COST);
    }
}
