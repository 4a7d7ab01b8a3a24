package io.calmsdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.ConcurrentOperationException;
import io.calmsdk.core.exception.ConflictException;
import io.calmsdk.core.exception.ForbiddenException;
import io.calmsdk.core.exception.RateLimitedException;
import io.calmsdk.core.exception.UnauthorizedException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTransportErrorsIT extends TransportITSupport {

    private CalmServiceException failing(int status, String body, String path) {
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(status(status).withHeader("Content-Type", "application/json")
                .withBody(body)));
        return catchThrowableOfType(CalmServiceException.class,
                () -> track(builder().retryPolicy(io.calmsdk.core.http.RetryPolicy.none()).build())
                        .send(TransportRequest.get(url(path)).query("client_secret", "qsecret").build()));
    }

    @Test
    void send_serviceManagerEnvelope_isParsedIntoCodeAndMessage() {
        CalmServiceException e = failing(409, "{\"error\":\"Conflict\",\"description\":\"name calm-api exists\"}",
                "/v1/service_instances");

        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(e.errorCode()).contains("Conflict");
        assertThat(e.errorMessage()).contains("name calm-api exists");
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.url()).contains("/v1/service_instances?client_secret=***").doesNotContain("qsecret");
        assertThat(e.getMessage()).contains("GET", "/v1/service_instances?client_secret=***", "HTTP 409",
                "Conflict: name calm-api exists").doesNotContain("qsecret");
    }

    @Test
    void send_cisWrappedEnvelope_isParsedWithServiceCorrelationId() {
        CalmServiceException e = failing(403, "{\"error\":{\"code\":11003,\"message\":\"Forbidden\","
                + "\"correlationID\":\"cis-corr-1\"}}", "/entitlements/v1/assignments");

        assertThat(e).isInstanceOf(ForbiddenException.class);
        assertThat(e.errorCode()).contains("11003");
        assertThat(e.errorMessage()).contains("Forbidden");
        assertThat(e.correlationId()).contains("cis-corr-1");
    }

    @Test
    void send_cisUnwrappedEnvelope_isParsed() {
        CalmServiceException e = failing(400, "{\"code\":11000,\"message\":\"Invalid subaccount\"}", "/x");

        assertThat(e.errorCode()).contains("11000");
        assertThat(e.errorMessage()).contains("Invalid subaccount");
        assertThat(e.getMessage()).contains("HTTP 400", "11000: Invalid subaccount");
    }

    @Test
    void send_oauthEnvelope_isParsed() {
        CalmServiceException e = failing(401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}",
                "/oauth/token");

        assertThat(e).isInstanceOf(UnauthorizedException.class);
        assertThat(e.errorCode()).contains("invalid_client");
        assertThat(e.errorMessage()).contains("Bad credentials");
    }

    @Test
    void send_odataEnvelope_isParsed() {
        CalmServiceException e = failing(422, "{\"error\":{\"code\":\"UNPROCESSABLE\",\"message\":\"title missing\"}}",
                "/calm-tasks/v1/tasks");

        assertThat(e).isInstanceOf(ConcurrentOperationException.class);
        assertThat(e.errorCode()).contains("UNPROCESSABLE");
        assertThat(e.errorMessage()).contains("title missing");
    }

    @Test
    void send_errorWithoutServiceCorrelationId_reportsTheSentOne() {
        wm.stubFor(get("/x").willReturn(status(400)));

        CalmServiceException e = catchThrowableOfType(CalmServiceException.class,
                () -> transport().send(TransportRequest.get(url("/x")).build()));

        String sent = wm.getAllServeEvents().get(0).getRequest().getHeader("X-CorrelationID");
        assertThat(e.correlationId()).contains(sent);
        assertThat(e.getMessage()).contains("correlation id " + sent);
    }

    @Test
    void send_errorWithEchoedCorrelationHeader_reportsThatOne() {
        wm.stubFor(get("/x").willReturn(status(400).withHeader("X-CorrelationID", "server-side")));

        CalmServiceException e = catchThrowableOfType(CalmServiceException.class,
                () -> transport().send(TransportRequest.get(url("/x")).build()));

        assertThat(e.correlationId()).contains("server-side");
    }

    @Test
    void send_plainTextError_isQuotedShortlyForOrdinaryRequests() {
        wm.stubFor(get("/x").willReturn(status(400).withBody("Bad Request: subaccount unknown")));

        CalmServiceException e = catchThrowableOfType(CalmServiceException.class,
                () -> transport().send(TransportRequest.get(url("/x")).build()));

        assertThat(e.errorMessage()).contains("Bad Request: subaccount unknown");
    }

    @Test
    void send_plainTextErrorOfSensitiveRequest_isNotQuoted() {
        wm.stubFor(post("/oauth/token").willReturn(status(400).withBody("echo: client_secret=abc")));

        CalmServiceException e = catchThrowableOfType(CalmServiceException.class,
                () -> transport().send(TransportRequest.post(url("/oauth/token"))
                        .formBody(Map.of("grant_type", "client_credentials"))
                        .secretFormField("client_secret", Secret.of("abc")).noAuthentication().build()));

        assertThat(e.errorMessage()).isEmpty();
        assertThat(e.getMessage()).doesNotContain("abc");
    }

    @Test
    void send_rateLimitedWithCisCode_isRateLimitedException() {
        CalmServiceException e = failing(429, "{\"error\":{\"code\":11006,\"message\":\"slow down\"}}", "/x");

        assertThat(e).isInstanceOf(RateLimitedException.class);
        assertThat(e.errorCode()).contains("11006");
    }

    @Test
    void json_malformedSuccessBodyOfAPost_throwsCalmClientExceptionSayingCouldNotDecode() {
        // A GET's malformed answer is retried by the transport (HttpTransportRetryIT); a POST's is handed on.
        wm.stubFor(post("/x").willReturn(okJson("{\"items\": [1, 2,, 3]}")));

        TransportResponse r = transport().send(TransportRequest.post(url("/x")).jsonBody("{}").build());
        CalmClientException e = catchThrowableOfType(CalmClientException.class, r::json);

        assertThat(e).hasMessageContaining("could not decode the body of POST " + url("/x"))
                .hasMessageContaining("HTTP 200").hasMessageContaining("not well-formed JSON")
                .hasMessageNotContaining("items");
    }

    @Test
    void json_truncatedSuccessBody_throwsCalmClientExceptionSayingTruncated() {
        wm.stubFor(post("/oauth/token").willReturn(okJson("{\"access_token\":\"eyJhbGciOi")));

        TransportResponse r = transport().send(TransportRequest.post(url("/oauth/token")).noAuthentication().build());
        CalmClientException e = catchThrowableOfType(CalmClientException.class, r::json);

        assertThat(e).hasMessageContaining("could not decode").hasMessageContaining("truncated")
                .hasMessageNotContaining("eyJhbGciOi").hasNoCause();
    }

    @Test
    void send_bodyCutByServer_throwsCalmClientException() {
        wm.stubFor(post("/x").willReturn(aResponse().withStatus(200)
                .withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK)));

        CalmClientException e = catchThrowableOfType(CalmClientException.class,
                () -> transport().send(TransportRequest.post(url("/x")).build()));

        assertThat(e).hasMessageContaining("POST " + url("/x"));
    }
}
