package io.calmsdk.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.auth.internal.X509Identity;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.Secret;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.OAuthClientCredentials;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.testing.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves that the client secret, the private key and the access token never appear in logs (captured at
 * TRACE), exception messages (whole cause chains, stack traces included) or {@code toString()}.
 */
class SecretCanaryIT {

    private static final String SECRET = "canary-client-secret-a41f";
    private static final String TOKEN = "canary-access-token-5b7e";
    private static final String REFRESHED_TOKEN = "canary-refreshed-token-c3d9";
    private static final String KEY_CANARY = "canary-private-key-9d2e";
    private static final String TOKEN_PATH = "/oauth/token";

    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<String> shown = new ArrayList<>();
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper();

    /** Records everything a user could see of a failure: each message of the chain and the stack trace. */
    private void recordFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                shown.add(String.valueOf(t.getMessage()));
                shown.add(t.toString());
            }
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            shown.add(trace.toString());
            return;
        }
        throw new AssertionError("expected a failure");
    }

    private static String tokenAnswer(String token) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":1000}";
    }

    @Test
    void clientSecretAndTokens_neverShowInLogsMessagesOrToString() {
        try (LogCapture logs = LogCapture.start()) {
            ServiceKey key = ServiceKeys.calm().fromJson("{\"endpoints\":{\"Api\":\"" + WM.baseUrl() + "/api\"},\"uaa\":{"
                    + "\"clientid\":\"sb-canary!b1\",\"clientsecret\":\"" + SECRET + "\",\"url\":\"" + WM.baseUrl()
                    + "\"}}");
            ClientCredentialsTokenProvider provider = ClientCredentialsTokenProvider.builder().credentials(key)
                    .clientAuthentication(ClientAuthentication.FORM).options(ClientOptions.builder().clock(clock).sleeper(sleeper).build()).build();
            ClientCredentialsTokenProvider basic = ClientCredentialsTokenProvider.builder().credentials(key)
                    .options(ClientOptions.builder().clock(clock).sleeper(sleeper).build()).build();
            HttpTransport transport = HttpTransport.builder().authenticator(io.calmsdk.auth.internal.BearerAuthenticator.of(provider))
                    .options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();

            // A successful fetch, then a 401 on the API that makes the bearer hook refresh the token.
            WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(okJson(tokenAnswer(TOKEN))).willSetStateTo("refreshed"));
            WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("refreshed")
                    .willReturn(okJson(tokenAnswer(REFRESHED_TOKEN))));
            WM.stubFor(get(urlEqualTo("/api/x")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                    .willReturn(aResponse().withStatus(401)));
            WM.stubFor(get(urlEqualTo("/api/x")).withHeader("Authorization", equalTo("Bearer " + REFRESHED_TOKEN))
                    .willReturn(okJson("{}")));
            transport.send(TransportRequest.get(URI.create(WM.baseUrl() + "/api/x")).build());
            AccessToken token = provider.token();
            shown.add(token.toString());
            shown.add(io.calmsdk.core.internal.http.AuthHeader.bearer(token.value()).toString());
            shown.add(token.claims().toString());

            // A background refresh inside the skew window that fails (WARN), with a body echoing the secret.
            WM.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(500)
                    .withBody("internal error for client_secret=" + SECRET + " token " + TOKEN)));
            clock.advance(Duration.ofSeconds(950));
            provider.token();
            provider.pendingFetch().handle((t, e) -> t).join();

            // Failures: bad credentials, a server echoing the secret in plain text and in JSON.
            WM.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}")));
            recordFailure(basic::token);
            WM.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                    .withBody("client_secret=" + SECRET + " is wrong")));
            recordFailure(basic::token);
            WM.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson("{\"token_type\":\"bearer\",\"secret\":\""
                    + SECRET + "\"}")));
            recordFailure(basic::token);
            WM.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                    .withBody("{\"access_token\":\"" + TOKEN + "\",")));
            recordFailure(basic::token);

            shown.add(provider.toString());
            shown.add(basic.toString());
            shown.add(io.calmsdk.auth.internal.BearerAuthenticator.of(provider).toString());
            shown.add(provider.cache().toString());
            shown.add(key.toString());
            shown.add(key.uaa().toString());
            shown.add(transport.toString());
            transport.close();
            provider.close();
            basic.close();

            String logText = logs.text();
            assertThat(logText).as("DEBUG was captured").contains("token fetched for client sb-canary!b1");
            assertThat(logText).as("the failed background refresh was logged").contains("refreshing the token");
            assertThat(logText).doesNotContain(SECRET, TOKEN, REFRESHED_TOKEN);
            assertThat(shown).allSatisfy(s -> assertThat(s).doesNotContain(SECRET, TOKEN, REFRESHED_TOKEN));
        }
    }

    @Test
    void privateKeys_neverShowInLogsMessagesOrToString() {
        String realKey = TestPki.pem("client-rsa.pkcs1.key");
        List<String> realKeyLines = realKey.lines().filter(l -> !l.startsWith("-----")).toList();
        try (LogCapture logs = LogCapture.start()) {
            // An unreadable key carrying a canary.
            String canaryKey = "-----BEGIN PRIVATE KEY-----\n" + KEY_CANARY + "\n-----END PRIVATE KEY-----\n";
            recordFailure(() -> ClientCredentialsTokenProvider.builder().credentials(x509(canaryKey)).build());
            // A readable key that belongs to another certificate.
            recordFailure(() -> ClientCredentialsTokenProvider.builder()
                    .credentials(x509(TestPki.pem("untrusted-client.key"))).build());
            // A readable, matching key, used against a server that does not speak TLS.
            ClientCredentialsTokenProvider provider = ClientCredentialsTokenProvider.builder()
                    .credentials(x509(realKey)).options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();
            recordFailure(provider::token);
            shown.add(provider.toString());
            shown.add(x509(realKey).toString());
            shown.add(X509Identity.parse(TestPki.pem("client-rsa-chain.pem"), Secret.of(realKey), "c", "k").toString());
            provider.close();

            String logText = logs.text();
            assertThat(logText).doesNotContain(KEY_CANARY);
            assertThat(shown).allSatisfy(s -> assertThat(s).doesNotContain(KEY_CANARY));
            for (String line : realKeyLines) {
                assertThat(logText).doesNotContain(line);
                assertThat(shown).allSatisfy(s -> assertThat(s).doesNotContain(line));
            }
        }
    }

    private static OAuthClientCredentials x509(String keyPem) {
        return OAuthClientCredentials.builder()
                .clientId("sb-x509-canary")
                .certificate(TestPki.pem("client-rsa-chain.pem"))
                .privateKey(Secret.of(keyPem))
                // plain HTTP on loopback: the TLS handshake fails, which must not leak the key either
                .certUrl(URI.create(WM.baseUrl().replace("http://", "https://")))
                .build();
    }
}
