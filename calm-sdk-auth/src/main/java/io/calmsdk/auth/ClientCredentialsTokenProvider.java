package io.calmsdk.auth;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.OAuthClientCredentials;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.net.URI;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches OAuth2 client-credentials tokens for one client, caches them and refreshes them once for
 * all callers.
 *
 * <p>Built from a Cloud ALM {@link ServiceKey}, a Cloud Management {@link CisKey}, a Service Manager
 * {@link ServiceManagerKey}, any {@link OAuthClientCredentials}, or a raw token URL, client id and
 * secret:
 * <pre>{@code
 * TokenProvider tokens = ClientCredentialsTokenProvider.create(ServiceKeys.calm().fromFile(path));
 * AccessToken token = tokens.token();
 * }</pre>
 *
 * <p><b>Token endpoint.</b> {@code url + /oauth/token} for a client secret, {@code certurl +
 * /oauth/token} over mutual TLS for an X.509 key (the PEM {@code certificate} chain and {@code key},
 * RSA or EC, PKCS#8, PKCS#1 or SEC1). A trailing slash is tolerated and a URL that already ends with
 * {@code /oauth/token} is not extended. The secret goes in an {@code Authorization: Basic} header
 * ({@link ClientAuthentication#BASIC}, the default) or in form fields ({@link ClientAuthentication#FORM}).
 * Requested {@linkplain Builder#scopes(Collection) scopes} are sent as the {@code scope} parameter.
 *
 * <p><b>Cache.</b> A token is served until its expiry minus a skew: the smaller of
 * {@linkplain Builder#expirySkew(Duration) 60 s} and 10 % of its lifetime. Concurrent callers that find
 * no valid token share a single in-flight request. Inside the skew window the still-valid token keeps
 * being served while one background request replaces it; if that request fails, the old token is
 * served until it really expires. A failed request is never cached. Share one provider between the
 * clients of one key to share its tokens.
 *
 * <p><b>Resilience.</b> Token requests follow the {@link ClientOptions} given to
 * {@link Builder#options(ClientOptions)} (a client that builds its provider passes its own): the same
 * timeouts, {@link RetryPolicy}, HTTP client and request listeners as the calls the tokens serve. Connect
 * failures, timeouts, 408, 429 and 5xx are retried with backoff, honouring {@code Retry-After}.
 * Anything else ends in a {@link TokenAcquisitionException} carrying the OAuth {@code error}, its
 * description, the status and the token URL. X.509 keys need a client certificate on the TLS connection,
 * so their token requests use an HTTP client of their own.
 *
 * <p><b>Secrets.</b> The client secret, the private key, tokens and the token endpoint's answers are never
 * logged, put into exception messages or shown by {@code toString()}. DEBUG logs one line per token.
 * Immutable and thread-safe: share one provider per client; {@link #close()} releases its HTTP client.
 */
public final class ClientCredentialsTokenProvider implements TokenProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);

    private final URI tokenUrl;
    /** The token URL as messages and logs show it: user info and secret query parameters masked. */
    private final String shownTokenUrl;
    private final String clientId;
    private final boolean x509;
    private final ClientAuthentication clientAuthentication;
    private final SortedSet<String> scopes;
    private final TokenCache cache;
    private final TokenCache.Key cacheKey;
    private volatile TokenCache.Entry entry;
    private final Clock clock;
    private final Duration maxSkew;
    private final HttpTransport transport;
    private final TransportRequest tokenRequest;
    private final TokenAnswers answers;

    private ClientCredentialsTokenProvider(Builder b, ClientOptions options) {
        OAuthClientCredentials credentials = b.credentials;
        this.x509 = credentials.isX509();
        String keyFieldPrefix = b.keyFieldPrefix;
        String urlField = keyFieldPrefix + (x509 && credentials.certUrl().isPresent() ? "certurl" : "url");
        URI base = x509 ? credentials.certUrl().or(credentials::url).orElseThrow() : credentials.url().orElseThrow();
        this.tokenUrl = TokenUrls.tokenEndpoint(base, urlField);
        this.shownTokenUrl = ServiceFailure.redactUrl(tokenUrl.toString());
        this.clientId = credentials.clientId();
        this.clientAuthentication = b.clientAuthentication;
        this.scopes = Collections.unmodifiableSortedSet(new TreeSet<>(b.scopes));
        this.cache = b.cache != null ? b.cache : TokenCache.create();
        this.clock = options.clock();
        this.maxSkew = b.expirySkew;
        this.answers = new TokenAnswers(clientId, shownTokenUrl, keyFieldPrefix + (x509 ? "certurl" : "url"), x509,
                scopes);

        String credentialMaterial = x509
                ? "x509\n" + credentials.certificate().orElseThrow() + "\n" + credentials.privateKey().orElseThrow().reveal()
                : "secret\n" + credentials.clientSecret().orElseThrow().reveal();
        SSLContext sslContext = b.sslContext != null ? b.sslContext
                : TokenRequests.tls(credentials, b.trustStore, keyFieldPrefix, clock, shownTokenUrl);
        this.cacheKey = cache.key(tokenUrl.toString(), clientId, scopes, credentialMaterial);
        // Built (and validated) before the transport, so a refused URL leaves no HTTP client behind.
        this.tokenRequest = TokenRequests.of(tokenUrl, credentials, scopes, clientAuthentication);

        // The options' shared HTTP client, unless TLS needs one of its own (a client certificate or trust store).
        HttpTransport.Builder transportBuilder = HttpTransport.builder().options(options).api("token");
        if (sslContext != null) {
            transportBuilder.sslContext(sslContext);
        }
        this.transport = transportBuilder.build();
    }

    /**
     * Creates a provider with the defaults for the credentials of a Cloud ALM service key.
     *
     * @param key the Cloud ALM service key
     * @return the provider
     * @throws io.calmsdk.core.exception.InvalidServiceKeyException if the X.509 certificate or key of the
     *     key cannot be read
     */
    public static ClientCredentialsTokenProvider create(ServiceKey key) {
        return builder().credentials(key).build();
    }

    /**
     * Creates a provider with the defaults for the given OAuth client credentials.
     *
     * @param credentials the client credentials
     * @return the provider
     * @throws io.calmsdk.core.exception.InvalidServiceKeyException if the X.509 certificate or key cannot be read
     */
    public static ClientCredentialsTokenProvider create(OAuthClientCredentials credentials) {
        return builder().credentials(credentials).build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AccessToken token() {
        CompletableFuture<AccessToken> shared = shared();
        try {
            return shared.get();
        } catch (ExecutionException e) {
            throw TokenAnswers.forCaller(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalmClientException("interrupted while waiting for a token for client " + clientId + " from "
                    + shownTokenUrl, e);
        }
    }

    @Override
    public CompletableFuture<AccessToken> tokenAsync() {
        // A dependent future: a caller cancelling it must not cancel the request other callers wait for.
        return shared().thenApply(token -> token);
    }

    @Override
    public void invalidate(AccessToken token) {
        Objects.requireNonNull(token, "token");
        TokenCache.Entry entry = cache.peek(cacheKey);
        if (entry != null && entry.invalidate(token)) {
            LOG.debug("token for client {} from {} invalidated{}", clientId, shownTokenUrl,
                    token.jti().map(j -> " (jti " + j + ")").orElse(""));
        }
    }

    /** For tests: the token request under way, or a completed future when there is none. */
    CompletableFuture<AccessToken> pendingFetch() {
        TokenCache.Entry entry = cache.peek(cacheKey);
        CompletableFuture<AccessToken> pending = entry == null ? null : entry.pending();
        return pending != null ? pending : CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<AccessToken> shared() {
        return cacheEntry().get(clock, this::refreshAt, this::fetch, this::backgroundRefreshFailed);
    }

    /**
     * This provider's cache entry. Looked up under the cache's lock only the first time and after the cache
     * let go of it (eviction, {@link TokenCache#clear()}), so that concurrent callers of a cached token share
     * no lock; the cache's least-recently-used order is therefore that of these look-ups.
     */
    private TokenCache.Entry cacheEntry() {
        TokenCache.Entry e = entry;
        if (e == null || e.dropped()) {
            e = cache.entry(cacheKey);
            entry = e;
        }
        return e;
    }

    /** Expiry minus the skew: the smaller of {@code maxSkew} and 10 % of the lifetime. */
    Instant refreshAt(AccessToken token) {
        Duration skew = token.lifetime().filter(lifetime -> !lifetime.isNegative()).map(l -> l.dividedBy(10))
                .filter(tenth -> tenth.compareTo(maxSkew) < 0).orElse(maxSkew);
        return token.expiresAt().minus(skew);
    }

    private void backgroundRefreshFailed(Throwable failure) {
        LOG.warn("refreshing the token for client {} failed; the current token is used until it expires: {}",
                clientId, toTokenException(failure).getMessage());
    }

    private CompletableFuture<AccessToken> fetch() {
        Instant requested = clock.instant();
        return transport.sendAsync(tokenRequest).handle((response, failure) -> {
            if (failure != null) {
                throw toTokenException(failure);
            }
            AccessToken token = answers.parse(response, requested);
            if (LOG.isDebugEnabled()) {
                LOG.debug("token fetched for client {} from {}, expires at {}, scopes {}", clientId, shownTokenUrl,
                        token.expiresAt(), token.scopes());
            }
            return token;
        });
    }

    /** Maps what the transport threw to the one exception type callers of a token provider handle. */
    TokenAcquisitionException toTokenException(Throwable failure) {
        return answers.toTokenException(failure);
    }

    /**
     * The token endpoint this provider calls.
     *
     * @return e.g. {@code https://sub.authentication.eu10.hana.ondemand.com/oauth/token}
     */
    public URI tokenUrl() {
        return tokenUrl;
    }

    /**
     * The OAuth client id this provider fetches tokens for.
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The scopes requested with every token request.
     *
     * @return the scopes, sorted; empty when the token carries every scope the client was granted
     */
    public Set<String> scopes() {
        return scopes;
    }

    /**
     * The cache this provider keeps its tokens in.
     *
     * @return the cache, possibly shared with other providers
     */
    TokenCache cache() {
        return cache;
    }

    /**
     * Releases the threads of the provider's HTTP client. Token requests still under way may fail; later
     * {@link #token()} calls that need a request fail with an {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() {
        transport.close();
    }

    /**
     * Token URL, client id, authentication and scopes; never a secret.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "ClientCredentialsTokenProvider{tokenUrl=" + shownTokenUrl + ", clientId=" + clientId + ", authentication="
                + (x509 ? "X509" : clientAuthentication) + (scopes.isEmpty() ? "" : ", scopes=" + scopes) + "}";
    }

    /**
     * Builds a {@link ClientCredentialsTokenProvider}. Not thread-safe. Only the credentials are required.
     */
    public static final class Builder {
        private OAuthClientCredentials credentials;
        private String keyFieldPrefix = "";
        private ClientAuthentication clientAuthentication = ClientAuthentication.BASIC;
        private final Set<String> scopes = new LinkedHashSet<>();
        private TokenCache cache;
        private ClientOptions options;
        private Duration expirySkew = Duration.ofSeconds(60);
        private KeyStore trustStore;
        private SSLContext sslContext;

        private Builder() {
        }

        /**
         * Uses the {@code uaa} client of a Cloud ALM service key.
         *
         * @param key the key
         * @return this builder
         */
        public Builder credentials(ServiceKey key) {
            return credentials(Objects.requireNonNull(key, "key").uaa(), "uaa.");
        }

        /**
         * Uses the {@code uaa} client of a Cloud Management ({@code cis}) key.
         *
         * @param key the key
         * @return this builder
         */
        public Builder credentials(CisKey key) {
            return credentials(Objects.requireNonNull(key, "key").uaa(), "uaa.");
        }

        /**
         * Uses the client of a Service Manager key (its top-level {@code clientid}, {@code url} and
         * secret or certificate).
         *
         * @param key the key
         * @return this builder
         */
        public Builder credentials(ServiceManagerKey key) {
            return credentials(Objects.requireNonNull(key, "key").credentials(), "");
        }

        /**
         * Uses the given OAuth client credentials.
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(OAuthClientCredentials credentials) {
            return credentials(credentials, "");
        }

        /**
         * Uses a client id and secret with a token URL.
         *
         * @param tokenUrl the authorization server URL or the full token endpoint (ending in
         *     {@code /oauth/token})
         * @param clientId the client id
         * @param clientSecret the client secret
         * @return this builder
         * @throws io.calmsdk.core.exception.InvalidServiceKeyException if a value is blank or the URL is
         *     not https (http only for loopback hosts)
         */
        public Builder credentials(URI tokenUrl, String clientId, Secret clientSecret) {
            return credentials(OAuthClientCredentials.builder()
                    .url(Objects.requireNonNull(tokenUrl, "tokenUrl"))
                    .clientId(Objects.requireNonNull(clientId, "clientId"))
                    .clientSecret(Objects.requireNonNull(clientSecret, "clientSecret"))
                    .build(), "");
        }

        private Builder credentials(OAuthClientCredentials credentials, String fieldPrefix) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            this.keyFieldPrefix = fieldPrefix;
            return this;
        }

        /**
         * Sets how a client secret is sent. Default {@link ClientAuthentication#BASIC}. Ignored for X.509
         * credentials, which authenticate through mutual TLS.
         *
         * @param clientAuthentication the method
         * @return this builder
         */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            this.clientAuthentication = Objects.requireNonNull(clientAuthentication, "clientAuthentication");
            return this;
        }

        /**
         * Requests only these scopes (the {@code scope} parameter) instead of every scope the client was
         * granted. Tokens of different scope sets are cached separately. Default: none requested.
         *
         * @param scopes the scope names, e.g. {@code xsappname!b1.calm-api.projects.read}
         * @return this builder
         */
        public Builder scopes(Collection<String> scopes) {
            this.scopes.clear();
            this.scopes.addAll(Objects.requireNonNull(scopes, "scopes"));
            return this;
        }

        /**
         * Requests only these scopes; see {@link #scopes(Collection)}.
         *
         * @param scopes the scope names
         * @return this builder
         */
        public Builder scopes(String... scopes) {
            return scopes(Arrays.asList(scopes));
        }

        // Package-private: sharing one provider is how callers share tokens; tests share a cache directly.
        Builder cache(TokenCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Sets the timeouts, retries, HTTP client, user agent, clock, sleeper and request listeners of the
         * token requests. A client that builds its own provider passes its options, so token requests share
         * its HTTP client and timeouts. Default {@link ClientOptions#defaults()}.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the upper bound of the refresh skew: a token is replaced this long before it expires, or
         * 10 % of its lifetime before when that is shorter. Default 60 s.
         *
         * @param expirySkew zero or positive
         * @return this builder
         */
        public Builder expirySkew(Duration expirySkew) {
            this.expirySkew = Objects.requireNonNull(expirySkew, "expirySkew");
            return this;
        }

        /**
         * Trusts the CA certificates in this store for the token endpoint's server certificate instead of
         * the JDK's default trust store, e.g. behind a TLS-inspecting proxy or in tests. Host name
         * verification stays on.
         *
         * @param trustStore the trusted certificates
         * @return this builder
         */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
            return this;
        }

        /**
         * Uses this TLS context for the token endpoint as it is. It then decides both which servers are
         * trusted and, for X.509 credentials, which client certificate is presented: the certificate and
         * key of the credentials are not used. Default: the JDK's trust store, plus the key's client
         * certificate for X.509 credentials.
         *
         * @param sslContext the TLS context
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Builds the provider. For X.509 credentials the certificate and key are read and checked here.
         *
         * @return the provider; share it, and close it when done
         * @throws IllegalStateException naming the setting when the credentials are missing, the skew is
         *     negative, or {@code trustStore}/{@code sslContext} are combined with each other or a supplied
         *     {@code httpClient}
         * @throws io.calmsdk.core.exception.InvalidServiceKeyException naming the key field when the
         *     certificate or private key cannot be read or do not belong together
         * @throws ValidationException naming {@code scopes} (a blank scope or one with whitespace) or the
         *     token URL's field ({@code url}, {@code certurl}, {@code uaa.url}) when it is unusable
         */
        public ClientCredentialsTokenProvider build() {
            if (credentials == null) {
                throw new IllegalStateException("credentials are required: pass a service key or a client id and"
                        + " secret");
            }
            for (String scope : scopes) {
                if (scope == null || scope.isBlank() || !scope.equals(scope.strip()) || scope.matches(".*\\s.*")) {
                    throw new ValidationException("scopes", "contains a blank scope or one with whitespace",
                            "scope names without spaces, e.g. xsappname!b1.calm-api.projects.read");
                }
            }
            if (expirySkew.isNegative()) {
                throw new IllegalStateException("expirySkew must not be negative, was " + expirySkew);
            }
            if (trustStore != null && sslContext != null) {
                throw new IllegalStateException("trustStore cannot be combined with sslContext: configure the trust"
                        + " managers of that SSLContext");
            }
            if ((trustStore != null || sslContext != null) && options != null && options.httpClient().isPresent()) {
                throw new IllegalStateException("trustStore and sslContext cannot be combined with the options'"
                        + " httpClient: configure TLS on that HttpClient");
            }
            return new ClientCredentialsTokenProvider(this, options != null ? options : ClientOptions.defaults());
        }
    }
}
