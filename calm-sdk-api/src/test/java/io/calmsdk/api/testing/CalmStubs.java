package io.calmsdk.api.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.Secret;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.model.OAuthClientCredentials;
import io.calmsdk.core.model.ServiceKey;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Cloud ALM key pointing at WireMock (XSUAA at the root, Cloud ALM under {@code /api}), a token
 * endpoint stub, and clients that never sleep.
 */
public final class CalmStubs {

    public static final String CLIENT_SECRET = "canary-secret-7f3a9c";
    public static final String TOKEN_CANARY = "canary-token-5d1e8b";
    public static final List<String> ALL_SCOPES = List.of("sap-calm!b1.calm-api.projects.read",
            "sap-calm!b1.calm-api.projects.write", "sap-calm!b1.calm-api.tasks.read", "sap-calm!b1.calm-api.tasks.write",
            "sap-calm!b1.calm-api.processhierarchy.read", "uaa.resource");

    private final WireMockExtension wm;
    /** Waits the client asked for, instead of sleeping. */
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public CalmStubs(WireMockExtension wm) {
        this.wm = wm;
    }

    public URI api() {
        return URI.create(wm.baseUrl() + "/api");
    }

    public ServiceKey key() {
        return ServiceKey.builder()
                .apiEndpoint(api())
                .uaa(OAuthClientCredentials.builder()
                        .clientId("sb-calm-client")
                        .clientSecret(Secret.of(CLIENT_SECRET))
                        .url(URI.create(wm.baseUrl()))
                        .build())
                .build();
    }

    /** Stubs the token endpoint with a token carrying the canary and these scopes. */
    public String stubToken(List<String> scopes) {
        String token = FakeTokens.jwt(TOKEN_CANARY, scopes);
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(FakeTokens.tokenResponse(token, scopes, 43199))));
        return token;
    }

    public String stubToken() {
        return stubToken(ALL_SCOPES);
    }

    public int tokenRequests() {
        return wm.countRequestsMatching(postRequestedFor(urlPathEqualTo("/oauth/token")).build()).getCount();
    }

    public CloudAlmClient.Builder clientBuilder() {
        return CloudAlmClient.builder().credentials(key()).options(options().build());
    }

    /** @return options with three attempts, no jitter, and waits recorded instead of slept */
    public ClientOptions.Builder options() {
        RetryPolicy retries = RetryPolicy.builder().maxAttempts(3).jitter(() -> 0.0).build();
        return ClientOptions.builder().retryPolicy(retries).sleeper(sleeps::add);
    }

    public CloudAlmClient client() {
        return clientBuilder().build();
    }
}
