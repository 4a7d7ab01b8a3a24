package io.calmsdk.btp;

import io.calmsdk.auth.TokenProvider;
import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.core.ClientOptions;
import java.net.URI;
import java.util.Objects;

/**
 * The settings the builders of the BTP admin clients ({@link AccountsClient}, {@link EntitlementsClient},
 * {@link ServiceManagerClient}) share, written once. Each client's builder adds {@code credentials(key)} for
 * its kind of key and {@code build()}.
 *
 * @param <B> the concrete builder
 * @param <K> the kind of key
 */
abstract class AdminClientBuilder<B extends AdminClientBuilder<B, K>, K> {
    ClientSettings settings = new ClientSettings();
    K key;
    TokenProvider tokenProvider;
    URI endpoint;

    AdminClientBuilder() {
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    B key(K key) {
        this.key = Objects.requireNonNull(key, "key");
        return self();
    }

    /**
     * Sets the token provider to use instead of one built from the key, e.g. to share one token cache.
     *
     * @param tokenProvider the provider; the client does not close it
     * @return this builder
     */
    public B tokenProvider(TokenProvider tokenProvider) {
        this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
        return self();
    }

    /**
     * Sets the service URL explicitly; default the one the key names.
     *
     * @param endpoint the URL
     * @return this builder
     */
    public B endpoint(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        return self();
    }

    /**
     * Sets the timeouts, retries, HTTP client, user agent, clock, sleeper, request listeners and polling,
     * shared with the token provider the client builds. Default {@link ClientOptions#defaults()}.
     *
     * @param options the options
     * @return this builder
     */
    public B options(ClientOptions options) {
        this.settings = settings.withOptions(Objects.requireNonNull(options, "options"));
        return self();
    }

    B settings(ClientSettings shared) {
        this.settings = shared;
        return self();
    }

    /** Throws when neither a key nor a token provider with an endpoint is set. */
    void requireCredentials(String keyDescription) {
        if (key == null && (tokenProvider == null || endpoint == null)) {
            throw new IllegalStateException("credentials (" + keyDescription + ") are required,"
                    + " or a tokenProvider together with an endpoint");
        }
    }
}
