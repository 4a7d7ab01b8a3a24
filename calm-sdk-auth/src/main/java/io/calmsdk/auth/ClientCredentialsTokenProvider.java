package io.calmsdk.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.auth.internal.X509Identity;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.OAuthClientCredentials;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
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
 * <p><b>Secrets.</b> The client secret, the private key and tokens are never logged (at any level),
 * never put into exception messages and never shown by {@code toString()}; the token endpoint's answer
 * body is never logged. DEBUG logs one line per fetched token: client id, token URL, expiry and scopes.
 *
 * <p>Immutable and thread-safe: create one provider per client and share it. It owns an HTTP client;
 * {@link #close()} releases its threads.
 */
public final class ClientCredentialsTokenProvider implements TokenProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);

    /** Used when the answer has neither {@code expires_in} nor a JWT {@code exp}: short, so it is soon replaced. */
    static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(5);
    /** Warn this long before the client certificate of an X.509 key expires. */
    static final Duration CERTIFICATE_WARNING = Duration.ofDays(14);

    private final URI tokenUrl;
    /** The token URL as messages and logs show it: user info and secret query parameters masked. */
    private final String shownTokenUrl;
    private final String clientId;
    private final boolean x509;
    private final ClientAuthentication clientAuthentication;
    private final SortedSet<String> scopes;
    private final TokenCache cache;
    private final TokenCache.Key cacheKey;
    private final Clock clock;
    private final Duration maxSkew;
    private final HttpTransport transport;
    private final TransportRequest tokenRequest;
    private final String keyFieldPrefix;

    private ClientCredentialsTokenProvider(Builder b, ClientOptions options) {
        OAuthClientCredentials credentials = b.credentials;
        this.x509 = credentials.isX509();
        this.keyFieldPrefix = b.keyFieldPrefix;
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

        SSLContext sslContext = b.sslContext;
        String credentialMaterial;
        if (x509) {
            String certificate = credentials.certificate().orElseThrow();
            Secret key = credentials.privateKey().orElseThrow();
            credentialMaterial = "x509\n" + certificate + "\n" + key.reveal();
            if (sslContext == null) {
                X509Identity identity = X509Identity.parse(certificate, key, keyFieldPrefix + "certificate",
                        keyFieldPrefix + "key");
                warnIfCertificateExpires(identity);
                sslContext = identity.sslContext(b.trustStore);
            }
        } else {
            credentialMaterial = "secret\n" + credentials.clientSecret().orElseThrow().reveal();
            if (sslContext == null && b.trustStore != null) {
                sslContext = X509Identity.trustingContext(b.trustStore);
            }
        }
        this.cacheKey = cache.key(tokenUrl.toString(), clientId, scopes, credentialMaterial);
        // Built (and validated) before the transport, so a refused URL leaves no HTTP client behind.
        this.tokenRequest = tokenRequest(credentials);

        // The options' shared HTTP client, unless TLS needs one of its own (a client certificate or trust store).
        HttpTransport.Builder transportBuilder = HttpTransport.builder().options(options).api("token");
        if (sslContext != null) {
            transportBuilder.sslContext(sslContext);
        }
        this.transport = transportBuilder.build();
    }

    private TransportRequest tokenRequest(OAuthClientCredentials credentials) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!scopes.isEmpty()) {
            form.put("scope", String.join(" ", scopes));
        }
        TransportRequest.Builder request = TransportRequest.post(tokenUrl)
                .noAuthentication()
                // The token POST creates nothing the caller depends on: sending it again at worst makes the
                // server issue one more token, which is simply not used. So it is retried like a GET after
                // timeouts, broken connections, 429 and 5xx, which is what keeps a flaky token endpoint from
                // failing every API call that needs a token.
                .idempotent(true)
                .operation("fetch OAuth token for client " + clientId);
        if (x509) {
            // Mutual TLS authenticates the client; the form only names it.
            form.put("client_id", clientId);
            request.formBody(form);
        } else if (clientAuthentication == ClientAuthentication.FORM) {
            form.put("client_id", clientId);
            request.formBody(form).secretFormField("client_secret", credentials.clientSecret().orElseThrow());
        } else {
            // "clientid:clientsecret" as it is, which is what XSUAA documents and SAP's own clients send. RFC 6749
            // asks for form-encoding the two first, which servers that do not decode would refuse; a server that
            // insists on it can be served with ClientAuthentication.FORM instead.
            String pair = clientId + ":" + credentials.clientSecret().orElseThrow().reveal();
            request.formBody(form).secretHeader("Authorization",
                    Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
        }
        return request.build();
    }

    private void warnIfCertificateExpires(X509Identity identity) {
        Instant notAfter = identity.notAfter();
        Instant now = clock.instant();
        if (!now.isBefore(notAfter)) {
            LOG.warn("the client certificate of client {} ({}) expired at {}: the token endpoint {} will refuse it;"
                    + " create a new binding or key", clientId, identity.subject(), notAfter, shownTokenUrl);
        } else if (now.plus(CERTIFICATE_WARNING).isAfter(notAfter)) {
            LOG.warn("the client certificate of client {} ({}) expires at {}: rotate the binding or key before then",
                    clientId, identity.subject(), notAfter);
        }
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
            throw forCaller(e.getCause());
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
        return cache.entry(cacheKey).get(clock, this::refreshAt, this::fetch, this::backgroundRefreshFailed);
    }

    /** Expiry minus the skew: the smaller of {@code maxSkew} and 10 % of the lifetime. */
    Instant refreshAt(AccessToken token) {
        Duration skew = token.lifetime()
                .filter(lifetime -> !lifetime.isNegative())
                .map(lifetime -> lifetime.dividedBy(10))
                .filter(tenth -> tenth.compareTo(maxSkew) < 0)
                .orElse(maxSkew);
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
            AccessToken token = parse(response, requested);
            if (LOG.isDebugEnabled()) {
                LOG.debug("token fetched for client {} from {}, expires at {}, scopes {}", clientId, shownTokenUrl,
                        token.expiresAt(), token.scopes());
            }
            return token;
        });
    }

    private AccessToken parse(TransportResponse response, Instant requested) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            root = null;  // the parser's message may quote the body, which holds the token: not used
        }
        if (root == null || !root.isObject()) {
            throw malformed(response.status(), "a body that is not a JSON object");
        }
        String value = text(root, "access_token");
        if (value == null) {
            throw malformed(response.status(), "no access_token");
        }
        String type = text(root, "token_type");
        if (type != null && !type.equalsIgnoreCase("bearer")) {
            throw malformed(response.status(), "token_type " + type + " where bearer was expected");
        }
        Secret secret = Secret.of(value);
        AccessToken.Builder token = AccessToken.builder()
                .value(secret)
                .type(type == null ? "bearer" : type)
                .obtainedAt(requested)
                .jti(text(root, "jti"));
        Long expiresIn = seconds(root.get("expires_in"));
        if (expiresIn != null) {
            token.expiresAt(requested.plusSeconds(expiresIn));
        } else if (TokenClaims.decode(secret).expiresAt().isEmpty()) {
            token.expiresAt(requested.plus(FALLBACK_LIFETIME));
        }
        String scope = text(root, "scope");
        if (scope != null) {
            Set<String> granted = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
            token.scopes(granted);
        }
        return token.build();
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static Long seconds(JsonNode node) {
        if (node != null && node.isNumber()) {
            return node.asLong();
        }
        if (node != null && node.isTextual() && node.asText().trim().matches("\\d{1,10}")) {
            return Long.parseLong(node.asText().trim());
        }
        return null;
    }

    private TokenAcquisitionException malformed(int status, String what) {
        return new TokenAcquisitionException("could not get a token for client " + clientId + " from " + shownTokenUrl
                + ": the endpoint answered HTTP " + status + " with " + what + "; check that " + keyFieldPrefix
                + (x509 ? "certurl" : "url") + " of the key is the authorization server (XSUAA) URL",
                shownTokenUrl, clientId, status, null, null, false, null);
    }

    /** Maps what the transport threw to the one exception type callers of a token provider handle. */
    TokenAcquisitionException toTokenException(Throwable failure) {
        Throwable f = failure;
        while ((f instanceof CompletionException || f instanceof ExecutionException) && f.getCause() != null) {
            f = f.getCause();
        }
        if (f instanceof TokenAcquisitionException) {
            return (TokenAcquisitionException) f;
        }
        String prefix = "could not get a token for client " + clientId + " from " + shownTokenUrl + ": ";
        if (f instanceof CalmServiceException) {
            CalmServiceException e = (CalmServiceException) f;
            int status = e.status();
            String error = e.errorCode().orElse(null);
            String description = e.errorMessage().orElse(null);
            StringBuilder message = new StringBuilder(prefix).append("HTTP ").append(status);
            if (error != null || description != null) {
                message.append(" (").append(error == null ? "" : error)
                        .append(error != null && description != null ? ": " : "")
                        .append(description == null ? "" : description).append(')');
            }
            if (e.attempts() > 1) {
                message.append(" after ").append(e.attempts()).append(" attempts");
            }
            message.append("; ").append(hint(status, error));
            e.correlationId().ifPresent(id -> message.append(" [correlation id ").append(id).append(']'));
            boolean transientFailure = status >= 500 || status == 429 || status == 408;
            return new TokenAcquisitionException(message.toString(), shownTokenUrl, clientId, status, error,
                    description, transientFailure, e);
        }
        if (f instanceof CalmTimeoutException) {
            return new TokenAcquisitionException(prefix + "the token endpoint did not answer in time ("
                    + f.getMessage() + ")", shownTokenUrl, clientId, null, null, null, true, f);
        }
        if (f instanceof CalmClientException) {
            // The transport's message already names the host, the failure and what to check.
            boolean tls = causedBy(f, SSLException.class);
            return new TokenAcquisitionException(prefix + "the token endpoint could not be reached: " + f.getMessage(),
                    shownTokenUrl, clientId, null, null, null, !tls, f);
        }
        if (f instanceof CalmException) {
            return new TokenAcquisitionException(prefix + f.getMessage(), shownTokenUrl, clientId, null, null,
                    null, false, f);
        }
        return new TokenAcquisitionException(prefix + "unexpected " + (f == null ? "failure" : f.getClass().getName()),
                shownTokenUrl, clientId, null, null, null, false, f);
    }

    private String hint(int status, String error) {
        String code = error == null ? "" : error.toLowerCase(Locale.ROOT);
        if (status == 401 || code.equals("invalid_client") || code.equals("unauthorized")) {
            return x509
                    ? "check that the certificate and key of the key for " + shownTokenUrl + " are current and belong to"
                    + " clientid " + clientId
                    : "check clientid/clientsecret of the key for " + shownTokenUrl;
        }
        if (code.equals("invalid_scope")) {
            return "the client may not request scopes " + scopes + ": request only scopes granted to the instance"
                    + " (its xs-security authorities)";
        }
        if (code.equals("unauthorized_client")) {
            return "the client is not allowed the client_credentials grant: check the grant types of the instance";
        }
        if (status == 404 || status == 405) {
            return "check that " + keyFieldPrefix + (x509 ? "certurl" : "url")
                    + " of the key is the authorization server (XSUAA) URL";
        }
        if (status == 429 || status >= 500) {
            return "the token service is unavailable or rate limited; try again later";
        }
        return "check the key's OAuth client settings";
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (type.isInstance(x)) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException forCaller(Throwable failure) {
        if (failure instanceof TokenAcquisitionException) {
            return ((TokenAcquisitionException) failure).forCaller();
        }
        if (failure instanceof RuntimeException) {
            return (RuntimeException) failure;
        }
        return new CalmClientException("token fetch failed unexpectedly (" + failure + ")", failure);
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
         * @throws ValidationException (field {@code scopes}) if a scope is blank or contains whitespace
         */
        public Builder scopes(Collection<String> scopes) {
            for (String scope : Objects.requireNonNull(scopes, "scopes")) {
                if (scope == null || scope.isBlank() || !scope.equals(scope.strip()) || scope.matches(".*\\s.*")) {
                    throw new ValidationException("scopes", "contains a blank scope or one with whitespace",
                            "scope names without spaces, e.g. xsappname!b1.calm-api.projects.read");
                }
            }
            this.scopes.clear();
            this.scopes.addAll(scopes);
            return this;
        }

        /**
         * Requests only these scopes; see {@link #scopes(Collection)}.
         *
         * @param scopes the scope names
         * @return this builder
         * @throws ValidationException (field {@code scopes}) if a scope is blank or contains whitespace
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
         * @throws IllegalStateException naming the setting when the credentials are missing, a timeout is
         *     not positive, the skew is negative, or {@code trustStore} is combined with {@code sslContext}
         * @throws io.calmsdk.core.exception.InvalidServiceKeyException naming the key field when the
         *     certificate or private key cannot be read or do not belong together
         * @throws ValidationException (field {@code url}, {@code certurl} or {@code uaa.url}) when the token
         *     URL is unusable
         */
        public ClientCredentialsTokenProvider build() {
            if (credentials == null) {
                throw new IllegalStateException("credentials are required: pass a service key or a client id and"
                        + " secret");
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
