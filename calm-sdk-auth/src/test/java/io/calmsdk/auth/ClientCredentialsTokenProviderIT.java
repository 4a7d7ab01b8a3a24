package io.calmsdk.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.OAuthClientCredentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientCredentialsTokenProviderIT {

    private static final String CLIENT_ID = "sb-calm-api!b1|calm!b2";
    private static final String SECRET = "canary-client-secret-3f9c1d";
    private static final String TOKEN_PATH = "/oauth/token";
    private static final int THREADS = 64;
    /** The default policy with a fixed jitter: full jitter could draw a zero wait, which skips the sleeper. */
    private static final RetryPolicy PREDICTABLE = RetryPolicy.defaults().toBuilder().jitter(() -> 0.5).build();

    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(80))
            .build();

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private ClientCredentialsTokenProvider.Builder builder() {
        return ClientCredentialsTokenProvider.builder()
                .credentials(URI.create(WM.baseUrl()), CLIENT_ID, Secret.of(SECRET))
                .options(opts().build());
    }

    /** The test's clock, predictable retries and recording sleeper; tests add what they need. */
    private ClientOptions.Builder opts() {
        return ClientOptions.builder().clock(clock).retryPolicy(PREDICTABLE).sleeper(sleeper);
    }

    private ClientCredentialsTokenProvider provider(ClientCredentialsTokenProvider.Builder builder) {
        ClientCredentialsTokenProvider p = builder.build();
        closeables.add(p);
        return p;
    }

    private String tokenUrl() {
        return WM.baseUrl() + TOKEN_PATH;
    }

    static ResponseDefinitionBuilder tokenAnswer(String token, long expiresIn) {
        return okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"calm!b2.calm-api.projects.read uaa.resource\",\"jti\":\"jti-" + token + "\"}");
    }

    private void stubToken(ResponseDefinitionBuilder answer) {
        WM.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(answer));
    }

    private int tokenRequests() {
        return WM.countRequestsMatching(postRequestedFor(urlEqualTo(TOKEN_PATH)).build()).getCount();
    }

    /** Runs the task on {@value #THREADS} threads released together by a barrier; returns their results. */
    private static <T> List<T> concurrently(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier gate = new CyclicBarrier(THREADS);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void token_clientSecret_sendsClientCredentialsGrantWithBasicAuthentication() {
        String jwt = TestJwt.of(Map.of("client_id", CLIENT_ID, "zid", "zone-1",
                "ext_attr", Map.of("subaccountid", "sa-1"), "exp", clock.instant().plusSeconds(43199).getEpochSecond()));
        stubToken(okJson("{\"access_token\":\"" + jwt + "\",\"token_type\":\"bearer\",\"expires_in\":43199,"
                + "\"scope\":\"calm!b2.calm-api.projects.read uaa.resource\",\"jti\":\"j-1\"}"));
        ClientCredentialsTokenProvider provider = provider(builder());

        AccessToken token = provider.token();

        assertThat(token.value().reveal()).isEqualTo(jwt);
        assertThat(token.type()).isEqualTo("bearer");
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(43199));
        assertThat(token.obtainedAt()).contains(clock.instant());
        assertThat(token.scopes()).containsExactly("calm!b2.calm-api.projects.read", "uaa.resource");
        assertThat(token.jti()).contains("j-1");
        assertThat(token.claims().zoneId()).contains("zone-1");
        assertThat(token.claims().subaccountId()).contains("sa-1");
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        WM.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo(basic))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalTo("grant_type=client_credentials")));
        assertThat(provider.tokenUrl()).hasToString(tokenUrl());
        assertThat(provider.clientId()).isEqualTo(CLIENT_ID);
    }

    @Test
    void token_formAuthentication_sendsClientIdAndSecretInTheBody() {
        stubToken(tokenAnswer("form-token", 3600));
        ClientCredentialsTokenProvider provider = provider(builder().clientAuthentication(ClientAuthentication.FORM));

        provider.token();

        WM.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Authorization", absent())
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=sb-calm-api%21b1%7Ccalm%21b2"
                        + "&client_secret=" + SECRET)));
    }

    @Test
    void token_requestedScopes_areSentAndCachedPerScopeSet() {
        stubToken(tokenAnswer("scoped", 3600));
        TokenCache shared = TokenCache.create();
        ClientCredentialsTokenProvider readWrite = provider(builder().cache(shared)
                .scopes("calm!b2.calm-api.tasks.write", "calm!b2.calm-api.projects.read"));
        ClientCredentialsTokenProvider sameScopes = provider(builder().cache(shared)
                .scopes(List.of("calm!b2.calm-api.projects.read", "calm!b2.calm-api.tasks.write")));
        ClientCredentialsTokenProvider allScopes = provider(builder().cache(shared));

        readWrite.token();
        sameScopes.token();
        allScopes.token();

        assertThat(tokenRequests()).isEqualTo(2);
        WM.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(equalTo(
                "grant_type=client_credentials&scope=calm%21b2.calm-api.projects.read+calm%21b2.calm-api.tasks.write")));
        assertThat(readWrite.scopes()).containsExactly("calm!b2.calm-api.projects.read", "calm!b2.calm-api.tasks.write");
        assertThat(shared.size()).isEqualTo(2);
        assertThat(readWrite.cache()).isSameAs(shared);
    }

    @Test
    void token_afterTheCacheIsCleared_fetchesANewOne() {
        stubToken(tokenAnswer("t", 3600));
        TokenCache shared = TokenCache.create();
        ClientCredentialsTokenProvider provider = provider(builder().cache(shared));
        provider.token();
        provider.token();

        shared.clear();
        provider.token();

        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(shared.size()).isEqualTo(1);
    }

    @Test
    void token_afterItsEntryWasEvicted_looksItUpAgainAndFetches() {
        stubToken(tokenAnswer("t", 3600));
        TokenCache one = TokenCache.create(1);
        ClientCredentialsTokenProvider first = provider(builder().cache(one));
        ClientCredentialsTokenProvider other = provider(builder().cache(one).scopes("calm!b2.calm-api.tasks.read"));
        first.token();
        first.token();

        other.token();
        first.token();
        first.token();

        assertThat(tokenRequests()).as("first, other, first again after its entry was evicted").isEqualTo(3);
        assertThat(one.size()).isEqualTo(1);
    }

    @Test
    void token_sharedCacheButDifferentSecrets_doesNotShareTokens() {
        stubToken(tokenAnswer("t", 3600));
        TokenCache shared = TokenCache.create();
        provider(builder().cache(shared)).token();

        provider(builder().cache(shared).credentials(URI.create(WM.baseUrl()), CLIENT_ID, Secret.of("other-secret")))
                .token();

        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void token_sixtyFourConcurrentCallersOnAColdCache_causeExactlyOneTokenRequest() throws Exception {
        stubToken(tokenAnswer("cold-start", 3600).withFixedDelay(500));
        ClientCredentialsTokenProvider provider = provider(builder());

        List<AccessToken> tokens = concurrently(provider::token);

        assertThat(tokens).hasSize(THREADS).allSatisfy(t -> assertThat(t.value().reveal()).isEqualTo("cold-start"));
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void token_afterExpiry_manyConcurrentCallersCauseExactlyOneRefresh() throws Exception {
        WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("refresh").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(tokenAnswer("first", 3600)).willSetStateTo("second"));
        WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("refresh").whenScenarioStateIs("second")
                .willReturn(tokenAnswer("second", 3600).withFixedDelay(500)));
        ClientCredentialsTokenProvider provider = provider(builder());
        assertThat(provider.token().value().reveal()).isEqualTo("first");

        clock.advance(Duration.ofSeconds(3600));
        List<AccessToken> tokens = concurrently(provider::token);

        assertThat(tokens).allSatisfy(t -> assertThat(t.value().reveal()).isEqualTo("second"));
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void token_insideTheSkewWindow_servesTheValidTokenWhileOneBackgroundRequestRefreshesIt() throws Exception {
        WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("skew").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(tokenAnswer("old", 1000)).willSetStateTo("next"));
        WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("skew").whenScenarioStateIs("next")
                .willReturn(tokenAnswer("new", 1000).withFixedDelay(1500)));
        ClientCredentialsTokenProvider provider = provider(builder());
        provider.token();

        clock.advance(Duration.ofSeconds(941));  // skew = min(60 s, 10 % of 1000 s) = 60 s
        AccessToken first = provider.token();
        CompletableFuture<AccessToken> refresh = provider.pendingFetch();
        boolean refreshedBeforeFirstReturned = refresh.isDone();
        List<AccessToken> served = concurrently(provider::token);

        assertThat(first.value().reveal()).as("served without waiting for the refresh").isEqualTo("old");
        assertThat(refreshedBeforeFirstReturned).isFalse();
        assertThat(served).allSatisfy(t -> assertThat(t.value().reveal()).isIn("old", "new"));
        assertThat(refresh.get(10, TimeUnit.SECONDS).value().reveal()).isEqualTo("new");
        assertThat(provider.token().value().reveal()).isEqualTo("new");
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void token_failingRefreshInsideTheSkewWindow_keepsServingTheTokenUntilItExpiresThenFailsThenRecovers()
            throws Exception {
        stubToken(tokenAnswer("still-valid", 1000));
        ClientCredentialsTokenProvider provider = provider(builder().options(opts().retryPolicy(RetryPolicy.none()).build()));
        provider.token();
        stubToken(aResponse().withStatus(503));

        clock.advance(Duration.ofSeconds(950));
        assertThat(provider.token().value().reveal()).isEqualTo("still-valid");
        provider.pendingFetch().handle((t, e) -> t).get(10, TimeUnit.SECONDS);
        assertThat(provider.token().value().reveal()).isEqualTo("still-valid");
        assertThat(tokenRequests()).as("a failed background refresh pauses before the next one").isEqualTo(2);

        clock.advance(Duration.ofSeconds(50));
        assertThatThrownBy(provider::token)
                .isInstanceOf(TokenAcquisitionException.class)
                .hasMessageContaining("HTTP 503");

        stubToken(tokenAnswer("recovered", 1000));
        assertThat(provider.token().value().reveal()).isEqualTo("recovered");
    }

    @Test
    void token_wrongCredentials_throwsTokenAcquisitionExceptionWithTheOAuthError() {
        stubToken(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}"));
        ClientCredentialsTokenProvider provider = provider(builder());

        assertThatThrownBy(provider::token)
                .isInstanceOf(TokenAcquisitionException.class)
                .hasMessageContaining("HTTP 401 (invalid_client: Bad credentials)")
                .hasMessageContaining("check clientid/clientsecret of the key for " + tokenUrl())
                .hasMessageNotContaining(SECRET)
                .satisfies(e -> {
                    TokenAcquisitionException t = (TokenAcquisitionException) e;
                    assertThat(t.status()).hasValue(401);
                    assertThat(t.error()).contains("invalid_client");
                    assertThat(t.errorDescription()).contains("Bad credentials");
                    assertThat(t.tokenUrl()).isEqualTo(tokenUrl());
                    assertThat(t.clientId()).isEqualTo(CLIENT_ID);
                    assertThat(t.isTransient()).isFalse();
                    assertThat(t.getCause()).as("the shared failure, with the caller's own stack trace on top")
                            .isInstanceOf(TokenAcquisitionException.class);
                    assertThat(t.getCause().getCause()).isInstanceOf(CalmServiceException.class);
                });
        assertThat(tokenRequests()).as("bad credentials are not retried").isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void token_oauthErrorsOtherThanBadCredentials_explainWhatToCheck() {
        ClientCredentialsTokenProvider provider = provider(builder().scopes("not-granted"));
        stubToken(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_scope\",\"error_description\":\"Invalid scope\"}"));
        assertThatThrownBy(provider::token).hasMessageContaining("may not request scopes [not-granted]");

        stubToken(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"unauthorized_client\"}"));
        assertThatThrownBy(provider::token).hasMessageContaining("not allowed the client_credentials grant");

        stubToken(aResponse().withStatus(404));
        assertThatThrownBy(provider::token).hasMessageContaining("check that url of the key is the authorization server");

        stubToken(aResponse().withStatus(400));
        assertThatThrownBy(provider::token).hasMessageContaining("HTTP 400; check the key's OAuth client settings");
    }

    @Test
    void token_endpointAnswering503_failsTypedAfterTheRetryPolicyAndTheNextCallRecovers() {
        stubToken(aResponse().withStatus(503).withBody("down"));
        ClientCredentialsTokenProvider provider = provider(builder());

        assertThatThrownBy(provider::token)
                .isInstanceOf(TokenAcquisitionException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("try again later")
                .satisfies(e -> {
                    assertThat(((TokenAcquisitionException) e).status()).hasValue(503);
                    assertThat(((TokenAcquisitionException) e).isTransient()).isTrue();
                });
        assertThat(tokenRequests()).isEqualTo(RetryPolicy.defaults().maxAttempts());
        assertThat(sleeper.waits())
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));

        stubToken(tokenAnswer("recovered", 3600));
        assertThat(provider.token().value().reveal()).isEqualTo("recovered");
    }

    @Test
    void token_429WithRetryAfter_waitsAsAskedThenSucceeds() {
        WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(tokenAnswer("after-429", 3600)));
        ClientCredentialsTokenProvider provider = provider(builder());

        assertThat(provider.token().value().reveal()).isEqualTo("after-429");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void token_closedPort_failsTypedAfterTheRetryPolicy() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ClientCredentialsTokenProvider provider = provider(builder()
                .credentials(URI.create("http://127.0.0.1:" + port), CLIENT_ID, Secret.of(SECRET)));

        assertThatThrownBy(provider::token)
                .isInstanceOf(TokenAcquisitionException.class)
                .hasMessageContaining("could not get a token for client " + CLIENT_ID + " from http://127.0.0.1:" + port
                        + "/oauth/token: the token endpoint could not be reached")
                .hasMessageContaining("check the URL, the network and proxy settings")
                .hasMessageNotContaining(SECRET)
                .satisfies(e -> {
                    assertThat(((TokenAcquisitionException) e).status()).isEmpty();
                    assertThat(((TokenAcquisitionException) e).isTransient()).isTrue();
                });
        assertThat(sleeper.waits())
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void token_noAnswerWithinTheCallTimeout_failsWithATimeout() {
        stubToken(tokenAnswer("late", 3600).withFixedDelay(3000));
        ClientCredentialsTokenProvider provider = provider(builder().options(opts().retryPolicy(RetryPolicy.none())
                .callTimeout(Duration.ofMillis(300)).build()));

        assertThatThrownBy(provider::token)
                .isInstanceOf(TokenAcquisitionException.class)
                .hasMessageContaining("did not answer in time")
                .satisfies(e -> {
                    assertThat(((TokenAcquisitionException) e).isTransient()).isTrue();
                    assertThat(e.getCause().getCause()).isInstanceOf(CalmTimeoutException.class);
                });
    }

    @Test
    void token_malformedAnswers_failWithoutShowingTheBody() {
        ClientCredentialsTokenProvider provider = provider(builder());

        stubToken(aResponse().withStatus(200).withBody("access_token=canary-body-token-77"));
        assertThatThrownBy(provider::token)
                .isInstanceOf(TokenAcquisitionException.class)
                .hasMessageContaining("answered HTTP 200 with a body that is not a JSON object")
                .hasMessageNotContaining("canary-body-token-77");

        stubToken(okJson("{\"token_type\":\"bearer\"}"));
        assertThatThrownBy(provider::token).hasMessageContaining("with no access_token");

        stubToken(okJson("{\"access_token\":\"canary-mac-token\",\"token_type\":\"mac\"}"));
        assertThatThrownBy(provider::token)
                .hasMessageContaining("token_type mac where bearer was expected")
                .hasMessageNotContaining("canary-mac-token");
    }

    @Test
    void token_opaqueTokenWithoutExpiresIn_usesTheFallbackLifetime() {
        stubToken(okJson("{\"access_token\":\"opaque-value\"}"));
        ClientCredentialsTokenProvider provider = provider(builder());

        AccessToken token = provider.token();

        assertThat(token.claims().isEmpty()).isTrue();
        assertThat(token.type()).isEqualTo("bearer");
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(TokenAnswers.FALLBACK_LIFETIME));
    }

    @Test
    void token_jwtWithoutExpiresIn_usesItsExpClaim_andExpiresInAsTextIsRead() {
        Instant exp = clock.instant().plusSeconds(7200);
        stubToken(okJson("{\"access_token\":\"" + TestJwt.of(Map.of("exp", exp.getEpochSecond())) + "\"}"));
        assertThat(provider(builder()).token().expiresAt()).isEqualTo(exp);

        stubToken(okJson("{\"access_token\":\"opaque\",\"expires_in\":\"120\"}"));
        assertThat(provider(builder()).token().expiresAt()).isEqualTo(clock.instant().plusSeconds(120));
    }

    @Test
    void invalidate_refusedToken_fetchesANewOne_butAStaleInvalidationKeepsTheNewerToken() {
        WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("inv").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(tokenAnswer("t1", 3600)).willSetStateTo("t2"));
        WM.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("inv").whenScenarioStateIs("t2")
                .willReturn(tokenAnswer("t2", 3600)));
        ClientCredentialsTokenProvider provider = provider(builder());
        AccessToken t1 = provider.token();

        provider.invalidate(t1);
        AccessToken t2 = provider.token();
        provider.invalidate(t1);

        assertThat(t2.value().reveal()).isEqualTo("t2");
        assertThat(provider.token()).isEqualTo(t2);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void tokenAsync_sharesTheRequest_andCancellingOneCallerDoesNotCancelIt() throws Exception {
        stubToken(tokenAnswer("async", 3600).withFixedDelay(300));
        ClientCredentialsTokenProvider provider = provider(builder());

        CompletableFuture<AccessToken> cancelled = provider.tokenAsync();
        CompletableFuture<AccessToken> kept = provider.tokenAsync();
        cancelled.cancel(true);

        assertThat(kept.get(10, TimeUnit.SECONDS).value().reveal()).isEqualTo("async");
        assertThat(provider.tokenAsync().get(1, TimeUnit.SECONDS).value().reveal()).isEqualTo("async");
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void refreshAt_skewIsTheSmallerOfTheBoundAndTenPercentOfTheLifetime() {
        ClientCredentialsTokenProvider provider = provider(builder());
        ClientCredentialsTokenProvider custom = provider(builder().expirySkew(Duration.ofMinutes(5)));
        Instant now = clock.instant();
        AccessToken twelveHours = AccessToken.builder().value(Secret.of("a")).obtainedAt(now)
                .expiresAt(now.plusSeconds(43200)).build();
        AccessToken hundredSeconds = AccessToken.builder().value(Secret.of("b")).obtainedAt(now)
                .expiresAt(now.plusSeconds(100)).build();
        AccessToken unknownLifetime = AccessToken.of(Secret.of("c"), now.plusSeconds(100));

        assertThat(provider.refreshAt(twelveHours)).isEqualTo(now.plusSeconds(43200 - 60));
        assertThat(provider.refreshAt(hundredSeconds)).isEqualTo(now.plusSeconds(90));
        assertThat(provider.refreshAt(unknownLifetime)).isEqualTo(now.plusSeconds(40));
        assertThat(custom.refreshAt(twelveHours)).isEqualTo(now.plusSeconds(43200 - 300));
    }

    @Test
    void create_fromServiceKeys_derivesTheTokenUrlFromUrlToleratingSlashesAndAFullTokenUrl() {
        String calmKey = "{\"endpoints\":{\"Api\":\"https://t.eu10.alm.cloud.sap/api\"},\"uaa\":{\"clientid\":\""
                + CLIENT_ID + "\",\"clientsecret\":\"" + SECRET + "\",\"url\":\"" + WM.baseUrl() + "/\"}}";
        String cisKey = "{\"endpoints\":{\"entitlements_service_url\":\"https://ent.example\"},\"uaa\":{\"clientid\":"
                + "\"cis\",\"clientsecret\":\"s\",\"url\":\"" + WM.baseUrl() + "/oauth/token\"}}";
        String smKey = "{\"clientid\":\"sm\",\"clientsecret\":\"s\",\"sm_url\":\"https://sm.example\",\"url\":\""
                + WM.baseUrl() + "\"}";
        stubToken(tokenAnswer("k", 3600));

        ClientCredentialsTokenProvider calm = ClientCredentialsTokenProvider.create(ServiceKeys.calm().fromJson(calmKey));
        closeables.add(calm);
        ClientCredentialsTokenProvider cis = provider(ClientCredentialsTokenProvider.builder()
                .credentials(ServiceKeys.cis().fromJson(cisKey)));
        ClientCredentialsTokenProvider sm = provider(ClientCredentialsTokenProvider.builder()
                .credentials(ServiceKeys.serviceManager().fromJson(smKey)));

        assertThat(calm.tokenUrl()).hasToString(tokenUrl());
        assertThat(cis.tokenUrl()).hasToString(tokenUrl());
        assertThat(sm.tokenUrl()).hasToString(tokenUrl());
        assertThat(calm.token().value().reveal()).isEqualTo("k");
        assertThat(sm.clientId()).isEqualTo("sm");
    }

    @Test
    void create_fromOAuthClientCredentials_worksWithDefaults() {
        stubToken(tokenAnswer("creds", 3600));
        ClientCredentialsTokenProvider provider = ClientCredentialsTokenProvider.create(OAuthClientCredentials.builder()
                .clientId(CLIENT_ID).clientSecret(Secret.of(SECRET)).url(URI.create(WM.baseUrl())).build());
        closeables.add(provider);

        assertThat(provider.token().value().reveal()).isEqualTo("creds");
    }

    @Test
    void build_invalidSettings_failNamingTheSetting() {
        assertThatThrownBy(() -> ClientCredentialsTokenProvider.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials are required");
        assertThatThrownBy(() -> builder().options(opts().callTimeout(Duration.ZERO).build()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("callTimeout must be positive");
        assertThatThrownBy(() -> builder().options(opts().connectTimeout(Duration.ofSeconds(-1)).build()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("connectTimeout must be positive");
        assertThatThrownBy(() -> builder().options(opts().attemptTimeout(Duration.ZERO).build()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("attemptTimeout must be positive");
        assertThatThrownBy(() -> builder().expirySkew(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expirySkew must not be negative");
        assertThatThrownBy(() -> builder().trustStore(KeyStore.getInstance("PKCS12"))
                .sslContext(SSLContext.getDefault()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trustStore cannot be combined");
        assertThatThrownBy(() -> builder().scopes("a b").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("scopes ");
        assertThatThrownBy(() -> builder().scopes(" ").build())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> builder().options(opts().userAgentSuffix("bad\nsuffix").build()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("userAgentSuffix");
    }

    @Test
    void build_plainHttpToARemoteHost_isRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> ClientCredentialsTokenProvider.builder()
                .credentials(URI.create("http://auth.example.com"), CLIENT_ID, Secret.of(SECRET)).build())
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void close_laterCallsThatNeedARequestFail() {
        stubToken(tokenAnswer("t", 3600));
        ClientCredentialsTokenProvider provider = provider(builder());
        provider.close();

        assertThatThrownBy(provider::token).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void toString_showsEndpointClientAndScopes_neverTheSecret() {
        ClientCredentialsTokenProvider provider = provider(builder().scopes("s1").options(opts().userAgentSuffix("it/1").build()));

        assertThat(provider.toString())
                .isEqualTo("ClientCredentialsTokenProvider{tokenUrl=" + tokenUrl() + ", clientId=" + CLIENT_ID
                        + ", authentication=BASIC, scopes=[s1]}")
                .doesNotContain(SECRET);
        assertThat(io.calmsdk.auth.internal.BearerAuthenticator.of(provider).toString()).contains("BearerAuthenticator").doesNotContain(SECRET);
    }
}
