package io.calmsdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.calmsdk.core.CalmSdk;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.http.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class HttpTransportIT extends TransportITSupport {

    @Test
    void send_get_returnsBodyHeadersAndSendsUserAgent() {
        wm.stubFor(get("/v1/things").willReturn(okJson("{\"n\":1}").withHeader("ETag", "\"v1\"")));

        TransportResponse r = transport().send(TransportRequest.get(url("/v1/things")).build());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("n").asInt()).isEqualTo(1);
        assertThat(r.header("etag")).contains("\"v1\"");
        assertThat(r.attempts()).isEqualTo(1);
        wm.verify(getRequestedFor(urlEqualTo("/v1/things"))
                .withHeader("User-Agent", equalTo("calm-sdk-java/" + CalmSdk.version()))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void send_userAgentSuffix_isAppended() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));

        track(builder().userAgentSuffix("my-tool/1.2").build()).send(TransportRequest.get(url("/x")).build());

        wm.verify(getRequestedFor(urlEqualTo("/x"))
                .withHeader("User-Agent", equalTo("calm-sdk-java/" + CalmSdk.version() + " my-tool/1.2")));
    }

    @Test
    void send_twoCalls_sendDistinctUuidCorrelationIdsReportedInResponses() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));
        HttpTransport t = transport();

        TransportResponse first = t.send(TransportRequest.get(url("/x")).build());
        TransportResponse second = t.send(TransportRequest.get(url("/x")).build());

        List<LoggedRequest> sent = wm.findAll(getRequestedFor(urlEqualTo("/x")));
        assertThat(sent).extracting(req -> req.getHeader("X-CorrelationID"))
                .containsExactly(first.correlationId(), second.correlationId());
        assertThat(first.correlationId()).isNotEqualTo(second.correlationId())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void send_retriedCall_keepsItsCorrelationIdOnEveryAttempt() {
        wm.stubFor(get("/x").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(503)).willSetStateTo("ok"));
        wm.stubFor(get("/x").inScenario("r").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        TransportResponse r = transport().send(TransportRequest.get(url("/x")).build());

        assertThat(r.attempts()).isEqualTo(2);
        assertThat(wm.findAll(getRequestedFor(urlEqualTo("/x")))).extracting(req -> req.getHeader("X-CorrelationID"))
                .containsExactly(r.correlationId(), r.correlationId());
    }

    @Test
    void send_explicitCorrelationId_isUsedForTheCall() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));

        TransportResponse r = transport().send(TransportRequest.get(url("/x")).header("X-CorrelationID", "mine-1").build());

        assertThat(r.correlationId()).isEqualTo("mine-1");
        wm.verify(getRequestedFor(urlEqualTo("/x")).withHeader("X-CorrelationID", equalTo("mine-1")));
    }

    @Test
    void send_headersQueryAndJsonBody_areSentAsGiven() {
        wm.stubFor(post(urlPathEqualTo("/v1/service_instances")).willReturn(status(202).withHeader("Location",
                "/v1/service_instances/i1/operations/o1")));

        TransportResponse r = transport().send(TransportRequest.post(url("/v1/service_instances"))
                .query("async", "true")
                .header("Accept", "application/vnd.custom+json")
                .header("X-Custom", "c")
                .jsonBody(Map.of("name", "calm-api"))
                .build());

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("Location")).contains("/v1/service_instances/i1/operations/o1");
        wm.verify(postRequestedFor(urlEqualTo("/v1/service_instances?async=true"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/vnd.custom+json"))
                .withHeader("X-Custom", equalTo("c"))
                .withRequestBody(equalTo("{\"name\":\"calm-api\"}")));
    }

    @Test
    void send_acceptedErrorStatus_isReturnedNotThrown() {
        wm.stubFor(get("/x").willReturn(status(404).withBody("{\"error\":\"NotFound\"}")));

        TransportResponse r = transport().send(TransportRequest.get(url("/x")).accept(404).build());

        assertThat(r.status()).isEqualTo(404);
    }

    @Test
    void send_notAcceptedError_throwsMatchingException() {
        wm.stubFor(get("/x").willReturn(status(404).withBody("{\"error\":\"NotFound\",\"description\":\"no such\"}")));

        assertThatThrownBy(() -> transport().send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no such");
    }

    @Test
    void send_noContent_returnsEmptyBody() {
        wm.stubFor(get("/x").willReturn(status(204)));

        TransportResponse r = transport().send(TransportRequest.get(url("/x")).build());

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.json().isMissingNode()).isTrue();
    }

    @Test
    void request_plainHttpToRemoteHost_isRefusedBeforeAnyRequest() {
        HttpTransport t = transport();

        assertThatThrownBy(() -> t.send(TransportRequest.get(URI.create("http://calm.example.com/x")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("plain http://")
                .hasMessageContaining("calm.example.com");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void send_plainHttpToLoopback_isAllowed() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));

        assertThat(transport().send(TransportRequest.get(URI.create("http://127.0.0.1:" + wm.getPort() + "/x")).build())
                .status()).isEqualTo(200);
        assertThat(transport().send(TransportRequest.get(URI.create("http://localhost:" + wm.getPort() + "/x")).build())
                .status()).isEqualTo(200);
    }

    @Test
    void send_requestWithoutBody_sendsNoContentType() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));

        transport().send(TransportRequest.get(url("/x")).build());

        wm.verify(getRequestedFor(urlEqualTo("/x")).withHeader("Content-Type", absent())
                .withHeader("X-CorrelationID", matching(".+")));
    }

    @Test
    void send_suppliedHttpClient_isUsedAndNotClosed() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpTransport t = builder().httpClient(client).build();

        assertThat(t.send(TransportRequest.get(url("/x")).build()).status()).isEqualTo(200);
        t.close();
        HttpTransport other = track(builder().httpClient(client).build());
        assertThat(other.send(TransportRequest.get(url("/x")).build()).status()).isEqualTo(200);
    }

    @Test
    void send_afterClose_throwsIllegalState() {
        HttpTransport t = builder().build();
        t.close();
        t.close();

        assertThatThrownBy(() -> t.send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> t.sendAsync(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void build_invalidSettings_throwIllegalStateNamingTheSetting() throws Exception {
        assertThatThrownBy(() -> new TestTransportBuilder().connectTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new TestTransportBuilder().attemptTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("attemptTimeout");
        assertThatThrownBy(() -> new TestTransportBuilder().callTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("callTimeout");
        assertThatThrownBy(() -> new TestTransportBuilder().userAgentSuffix("bad\r\nX: y").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("userAgentSuffix");
        assertThatThrownBy(() -> new TestTransportBuilder().userAgentSuffix(" ").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("userAgentSuffix");
        HttpClient client = HttpClient.newHttpClient();
        assertThatThrownBy(() -> new TestTransportBuilder().httpClient(client).connectTimeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new TestTransportBuilder().retryPolicy(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("retryPolicy");
    }

    @Test
    void build_sslContextAndDefaults_buildsWorkingTransport() throws Exception {
        wm.stubFor(get("/x").willReturn(okJson("{}")));
        HttpTransport t = track(new TestTransportBuilder().sslContext(SSLContext.getDefault())
                .connectTimeout(Duration.ofSeconds(3)).retryPolicy(RetryPolicy.none()).build());

        assertThat(t.send(TransportRequest.get(url("/x")).build()).status()).isEqualTo(200);
        assertThat(t.toString()).contains("calm-sdk-java/", "attemptTimeout=PT30S", "callTimeout=PT2M",
                "authenticator=none");
    }

    @Test
    void send_internalServerErrorOnGet_isRetriedByDefault() {
        wm.stubFor(get("/x").willReturn(serverError()));

        assertThatThrownBy(() -> transport().send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(CalmServiceException.class).hasMessageContaining("HTTP 500");
        assertThat(sleeper.waits()).hasSize(3);
        wm.verify(4, getRequestedFor(urlEqualTo("/x")));
    }
}
