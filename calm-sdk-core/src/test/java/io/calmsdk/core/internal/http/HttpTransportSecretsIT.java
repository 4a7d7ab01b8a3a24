package io.calmsdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.calmsdk.core.Secret;
import io.calmsdk.core.testing.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Proves that no secret handed to the transport shows up in logs, messages or toString(), whatever happens. */
class HttpTransportSecretsIT extends TransportITSupport {

    private static final String BEARER = "canary-bearer-" + UUID.randomUUID();
    private static final String SECRET_HEADER = "canary-header-" + UUID.randomUUID();
    private static final String FORM_SECRET = "canary-form-" + UUID.randomUUID();
    private static final String FORM_PLAIN = "canary-plainform-" + UUID.randomUUID();
    private static final String QUERY_SECRET = "canary-query-" + UUID.randomUUID();
    private static final List<String> CANARIES = List.of(BEARER, SECRET_HEADER, FORM_SECRET, FORM_PLAIN, QUERY_SECRET);

    private final List<String> visible = new ArrayList<>();

    private TransportRequest tokenRequest(String path) {
        return TransportRequest.post(url(path))
                .secretHeader("Authorization", Secret.of("Basic " + SECRET_HEADER))
                .formBody(Map.of("grant_type", "client_credentials", "client_assertion", FORM_PLAIN))
                .secretFormField("client_secret", Secret.of(FORM_SECRET))
                .noAuthentication()
                .operation("fetch token")
                .build();
    }

    private TransportRequest apiRequest(String path) {
        return TransportRequest.get(url(path)).query("client_secret", QUERY_SECRET)
                .secretHeader("X-Api-Key", Secret.of(SECRET_HEADER)).build();
    }

    private void run(HttpTransport t, TransportRequest request, boolean decodeJson) {
        visible.add(request.toString());
        try {
            TransportResponse r = t.send(request);
            visible.add(r.toString());
            if (decodeJson) {
                r.json();
            }
        } catch (RuntimeException e) {
            record(e);
        }
        try {
            visible.add(t.sendAsync(request).join().toString());
        } catch (CompletionException e) {
            record(e);
        }
    }

    private void record(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        visible.add(trace.toString());
        for (Throwable c = e; c != null; c = c.getCause()) {
            visible.add(String.valueOf(c.getMessage()));
            visible.add(c.toString());
        }
    }

    @Test
    void send_successAndEveryFailure_neverShowsASecret() {
        wm.stubFor(post("/ok/token").willReturn(okJson("{\"access_token\":\"opaque\",\"expires_in\":43199}")));
        wm.stubFor(post("/bad/token").willReturn(status(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}")));
        wm.stubFor(post("/reset/token").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(post("/truncated/token").willReturn(okJson("{\"access_token\":\"opa")));
        wm.stubFor(post("/text/token").willReturn(status(400).withBody("plain text error")));
        wm.stubFor(get(urlPathEqualTo("/api/ok")).willReturn(okJson("[]").withHeader("Location", "/next?token=abc")));
        wm.stubFor(get(urlPathEqualTo("/api/unavailable")).willReturn(status(503)));
        wm.stubFor(get(urlPathEqualTo("/api/denied")).willReturn(status(401)));
        wm.stubFor(get(urlPathEqualTo("/api/error")).willReturn(status(500)
                .withBody("{\"error\":{\"code\":\"E\",\"message\":\"failed\"}}")));
        RecordingAuthenticator auth = new RecordingAuthenticator(BEARER);
        HttpTransport t = track(builder().authenticator(auth).build());

        try (LogCapture logs = LogCapture.start()) {
            for (String path : List.of("/ok/token", "/bad/token", "/reset/token", "/truncated/token", "/text/token")) {
                run(t, tokenRequest(path), true);
            }
            for (String path : List.of("/api/ok", "/api/unavailable", "/api/denied", "/api/error")) {
                run(t, apiRequest(path), false);
            }
            visible.add(t.toString());
            visible.add(logs.text());

            assertThat(logs.text()).contains("X-CorrelationID=", "--> POST", "fetch token", "WARN");
        }

        String all = String.join("\n", visible);
        assertThat(all).contains("invalid_client", "HTTP 500", "could not decode", "not retried");
        for (String canary : CANARIES) {
            assertThat(all).as("visible text must not contain %s", canary).doesNotContain(canary);
        }
        // The canaries really went over the wire, so their absence above means something.
        String wire = wm.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::toString)
                .reduce("", String::concat);
        assertThat(wire).contains(BEARER, SECRET_HEADER, FORM_SECRET, FORM_PLAIN, QUERY_SECRET);
        assertThat(auth.invalidated()).isNotEmpty();
    }
}
