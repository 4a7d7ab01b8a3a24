package io.calmsdk.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.auth.internal.BearerAuthenticator;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.UnauthorizedException;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.AuthHeader;
import io.calmsdk.core.internal.http.Authenticator;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bearer hook driven through the real core transport against a loopback token server and API. */
class BearerAuthenticatorIT {

    private static final String TOKEN_PATH = "/oauth/token";
    private static final String API_PATH = "/api/calm-projects/v1/projects";

    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private ClientCredentialsTokenProvider provider;
    private HttpTransport transport;

    @BeforeEach
    void setUp() {
        provider = ClientCredentialsTokenProvider.builder()
                .credentials(URI.create(WM.baseUrl()), "client", Secret.of("canary-secret-bearer-1"))
                .options(ClientOptions.builder().sleeper(sleeper).build())
                .build();
        transport = HttpTransport.builder()
                .authenticator(BearerAuthenticator.of(provider))
                .options(ClientOptions.builder().retryPolicy(RetryPolicy.none())
                .sleeper(sleeper).build())
                .build();
    }

    @AfterEach
    void tearDown() {
        transport.close();
        provider.close();
    }

    private void stubTokensInOrder(String... tokens) {
        for (int i = 0; i < tokens.length; i++) {
            WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "token-" + i)
                    .willReturn(ClientCredentialsTokenProviderIT.tokenAnswer(tokens[i], 3600))
                    .willSetStateTo("token-" + (i + 1)));
        }
    }

    private void stubApi(String token, int status) {
        WM.stubFor(get(urlEqualTo(API_PATH)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(status == 200 ? okJson("[{\"id\":\"p1\"}]") : aResponse().withStatus(status)));
    }

    private TransportResponse callApi() {
        return transport.send(TransportRequest.get(URI.create(WM.baseUrl() + API_PATH)).build());
    }

    private int count(String method, String path) {
        return WM.countRequestsMatching((method.equals("POST") ? postRequestedFor(urlEqualTo(path))
                : getRequestedFor(urlEqualTo(path))).build()).getCount();
    }

    @Test
    void send_apiRefusesTheFirstToken_invalidatesItFetchesOneNewTokenAndRetriesOnce() {
        stubTokensInOrder("t1", "t2");
        stubApi("t1", 401);
        stubApi("t2", 200);

        TransportResponse response = callApi();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(count("POST", TOKEN_PATH)).as("one invalidation, one new token").isEqualTo(2);
        assertThat(count("GET", API_PATH)).as("one retry").isEqualTo(2);
        WM.verify(1, getRequestedFor(urlEqualTo(API_PATH)).withHeader("Authorization", equalTo("Bearer t1")));
        WM.verify(1, getRequestedFor(urlEqualTo(API_PATH)).withHeader("Authorization", equalTo("Bearer t2")));

        assertThat(callApi().status()).as("the new token is cached").isEqualTo(200);
        assertThat(count("POST", TOKEN_PATH)).isEqualTo(2);
    }

    @Test
    void sendAsync_apiRefusesTheFirstToken_retriesOnceWithANewToken() throws Exception {
        stubTokensInOrder("t1", "t2");
        stubApi("t1", 401);
        stubApi("t2", 200);

        TransportResponse response = transport.sendAsync(TransportRequest.get(URI.create(WM.baseUrl() + API_PATH))
                .build()).get(10, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(count("POST", TOKEN_PATH)).isEqualTo(2);
        assertThat(count("GET", API_PATH)).isEqualTo(2);
    }

    @Test
    void send_manyConcurrentCallsRefusedWithTheSameToken_fetchExactlyOneNewToken() throws Exception {
        stubTokensInOrder("t1", "t2", "t3");
        WM.stubFor(get(urlEqualTo(API_PATH)).withHeader("Authorization", equalTo("Bearer t1"))
                .willReturn(aResponse().withStatus(401).withFixedDelay(200)));
        stubApi("t2", 200);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier gate = new CyclicBarrier(threads);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                statuses.add(pool.submit(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return callApi().status();
                }));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(count("POST", TOKEN_PATH)).as("t1, then t2 once for all refused calls").isEqualTo(2);
    }

    @Test
    void send_apiRefusesEveryToken_secondRefusalIsFinalAndNeverLoops() {
        stubTokensInOrder("t1", "t2", "t3");
        stubApi("t1", 401);
        stubApi("t2", 401);
        stubApi("t3", 200);

        assertThatThrownBy(this::callApi).isInstanceOf(UnauthorizedException.class);

        assertThat(count("POST", TOKEN_PATH)).isEqualTo(2);
        assertThat(count("GET", API_PATH)).isEqualTo(2);
    }

    @Test
    void send_tokenEndpointRefusesTheClient_failsWithTheTokenErrorAndNeverCallsTheApi() {
        WM.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}")));

        assertThatThrownBy(this::callApi)
                .isInstanceOf(TokenAcquisitionException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("canary-secret-bearer-1");
        assertThat(count("GET", API_PATH)).isZero();
    }

    @Test
    void invalidate_staleRefusalAfterANewerTokenWasFetched_keepsTheNewerToken() {
        stubTokensInOrder("t1", "t2", "t3");
        BearerAuthenticator authenticator = BearerAuthenticator.of(provider);

        AuthHeader first = authenticator.authorize();
        AuthHeader sameAgain = authenticator.authorize();
        authenticator.invalidate(first);          // thread A: refused, invalidates t1
        AuthHeader second = authenticator.authorize();
        authenticator.invalidate(sameAgain);      // thread B: its t1 refusal arrives late
        AuthHeader stillSecond = authenticator.authorize();

        assertThat(sameAgain).isEqualTo(first);
        assertThat(second.value().reveal()).isEqualTo("Bearer t2");
        assertThat(stillSecond).isEqualTo(second);
        assertThat(count("POST", TOKEN_PATH)).isEqualTo(2);
    }

    @Test
    void authorize_sameCachedToken_reusesItsHeaderAndRemembersItOnce() {
        stubTokensInOrder("t1", "t2");
        BearerAuthenticator authenticator = BearerAuthenticator.of(provider);

        AuthHeader first = authenticator.authorize();
        for (int i = 0; i < 100; i++) {
            assertThat(authenticator.authorize()).isSameAs(first);
        }
        assertThat(authenticator.rememberedTokens()).isEqualTo(1);

        authenticator.invalidate(first);
        AuthHeader next = authenticator.authorize();
        assertThat(next.value().reveal()).isEqualTo("Bearer t2");
        assertThat(authenticator.authorize()).isSameAs(next);
        assertThat(authenticator.rememberedTokens()).isEqualTo(1);
    }

    @Test
    void invalidate_unknownOrNullHeader_isIgnored() {
        stubTokensInOrder("t1", "t2");
        BearerAuthenticator authenticator = BearerAuthenticator.of(provider);
        AuthHeader issued = authenticator.authorize();

        authenticator.invalidate(null);
        authenticator.invalidate(AuthHeader.bearer(Secret.of("never-issued")));

        assertThat(authenticator.authorize()).isEqualTo(issued);
        assertThat(count("POST", TOKEN_PATH)).isEqualTo(1);
    }

    @Test
    void authorize_manyDistinctTokens_remembersOnlyAFewAndForgetsInvalidatedOnes() {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            values.add("t" + i);
        }
        stubTokensInOrder(values.toArray(new String[0]));
        BearerAuthenticator authenticator = BearerAuthenticator.of(provider);

        for (int i = 1; i <= 12; i++) {
            assertThat(authenticator.authorize().value().reveal()).isEqualTo("Bearer t" + i);
            provider.invalidate(provider.token());  // rotated behind the authenticator's back
        }
        assertThat(authenticator.rememberedTokens()).isEqualTo(8);

        authenticator.invalidate(authenticator.authorize());
        assertThat(authenticator.rememberedTokens()).isEqualTo(7);
    }

    @Test
    void of_isABearerAuthenticatorOverTheProvider() {
        Authenticator authenticator = BearerAuthenticator.of(provider);

        assertThat(authenticator).isInstanceOf(BearerAuthenticator.class);
        assertThat(authenticator.toString()).contains(provider.toString());
    }
}
