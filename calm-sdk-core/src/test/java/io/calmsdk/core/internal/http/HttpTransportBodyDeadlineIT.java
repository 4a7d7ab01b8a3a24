package io.calmsdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.core.exception.CalmTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The synchronous path sends with {@code HttpClient.send}, whose {@code HttpRequest.timeout} stops at the
 * headers: the attempt timeout must still cover a body that trickles in after them.
 */
class HttpTransportBodyDeadlineIT extends TransportITSupport {

    private static final String LONG_LIST = "[" + "{\"id\":1},".repeat(200) + "{\"id\":2}]";

    @Test
    void send_postBodyTrickling_pastTheAttemptTimeout_failsWithTheAttemptTimeout() {
        // Headers at once, then the body in 10 chunks over 10 s.
        wm.stubFor(post("/trickle").willReturn(okJson(LONG_LIST).withChunkedDribbleDelay(10, 10_000)));
        HttpTransport t = track(builder().attemptTimeout(Duration.ofMillis(400)).build());

        assertThatThrownBy(() -> t.send(TransportRequest.post(url("/trickle")).build()))
                .isInstanceOf(CalmTimeoutException.class)
                .hasMessageContaining("no answer within the attempt timeout of 400 ms")
                .hasMessageContaining("not retried");
    }

    @Test
    void send_getBodyTricklingOnce_isRetriedAndTheFastAnswerReturned() {
        wm.stubFor(get("/trickle").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(LONG_LIST).withChunkedDribbleDelay(10, 10_000)).willSetStateTo("fast"));
        wm.stubFor(get("/trickle").inScenario("s").whenScenarioStateIs("fast").willReturn(okJson("[{\"id\":3}]")));
        HttpTransport t = track(builder().attemptTimeout(Duration.ofMillis(400)).build());

        TransportResponse r = t.send(TransportRequest.get(url("/trickle")).build());

        assertThat(r.json().get(0).get("id").asInt()).isEqualTo(3);
        assertThat(r.attempts()).isEqualTo(2);
        wm.verify(2, getRequestedFor(urlEqualTo("/trickle")));
    }
}
