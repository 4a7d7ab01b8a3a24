package io.calmsdk.btp;

import io.calmsdk.auth.TokenProvider;
import io.calmsdk.auth.internal.BearerAuthenticator;
import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.btp.internal.Wire;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ConflictException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The SAP BTP Accounts API, with the same Cloud Management ({@code cis}) key of plan {@code central}
 * as the {@link EntitlementsClient}: creates, reads and deletes a subaccount's Service Manager
 * binding. This is the "one key" mode: whoever holds only a {@code cis} central key can obtain the
 * Service Manager credentials of any subaccount of the global account and so do every step.
 *
 * <pre>{@code
 * try (AccountsClient accounts = AccountsClient.create(cisKey)) {
 *     ServiceManagerKey smKey = accounts.ensureServiceManagerBinding(subaccountId);
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; close the client to release its HTTP resources.
 */
public final class AccountsClient implements AutoCloseable {

    private final Wire wire;
    private final HttpTransport transport;
    private final TokenProvider tokenProvider;
    private final boolean ownsTokenProvider;

    private AccountsClient(Builder b) {
        ClientSettings s = b.settings;
        if (b.tokenProvider != null) {
            this.tokenProvider = b.tokenProvider;
            this.ownsTokenProvider = false;
        } else {
            this.tokenProvider = s.tokenProvider().credentials(b.key).build();
            this.ownsTokenProvider = true;
        }
        URI endpoint = b.endpoint;
        if (endpoint == null) {
            endpoint = b.key.accountsServiceUrl().orElseThrow(() -> new IllegalStateException(
                    "the Cloud Management key has no endpoints.accounts_service_url: set endpoint(...)"));
        }
        this.transport = s.transport(BearerAuthenticator.of(tokenProvider), "accounts");
        this.wire = new Wire(transport, endpoint);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client with default settings for a Cloud Management key.
     *
     * @param key the {@code cis} key of plan {@code central}; it must carry {@code accounts_service_url}
     * @return the client
     */
    public static AccountsClient create(CisKey key) {
        return builder().credentials(key).build();
    }

    /**
     * Reads the subaccount's Service Manager binding.
     *
     * @param subaccountId the subaccount GUID
     * @return the Service Manager key, empty when the subaccount has none
     * @throws io.calmsdk.core.exception.InvalidServiceKeyException if the answer is not a usable key
     */
    public Optional<ServiceManagerKey> findServiceManagerBinding(String subaccountId) {
        TransportResponse r = wire.send(TransportRequest.get(path(subaccountId)).accept(404)
                .operation("get Service Manager binding of subaccount " + subaccountId).build());
        if (r.status() == 404 || r.json().isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(r.json(ServiceManagerKey.class));
    }

    /**
     * Creates the subaccount's Service Manager binding.
     *
     * @param subaccountId the subaccount GUID
     * @return the new Service Manager key
     * @throws ConflictException (409) if the subaccount already has one
     */
    public ServiceManagerKey createServiceManagerBinding(String subaccountId) {
        TransportResponse r = wire.send(TransportRequest.post(path(subaccountId))
                .operation("create Service Manager binding of subaccount " + subaccountId).build());
        return r.json(ServiceManagerKey.class);
    }

    /**
     * Returns the subaccount's Service Manager binding, creating it when there is none. Safe to call
     * from several threads and processes: a create that loses the race (409) reads the winner's.
     *
     * @param subaccountId the subaccount GUID
     * @return the Service Manager key
     */
    public ServiceManagerKey ensureServiceManagerBinding(String subaccountId) {
        Optional<ServiceManagerKey> existing = findServiceManagerBinding(subaccountId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return createServiceManagerBinding(subaccountId);
        } catch (ConflictException e) {
            return findServiceManagerBinding(subaccountId).orElseThrow(() -> new CalmClientException(
                    "the Service Manager binding of subaccount " + subaccountId
                            + " exists (HTTP 409) but cannot be read", e));
        }
    }

    /**
     * Deletes the subaccount's Service Manager binding; an absent binding counts as deleted.
     *
     * @param subaccountId the subaccount GUID
     */
    public void deleteServiceManagerBinding(String subaccountId) {
        wire.send(TransportRequest.delete(path(subaccountId)).accept(404)
                .operation("delete Service Manager binding of subaccount " + subaccountId).build());
    }

    private URI path(String subaccountId) {
        if (subaccountId == null || subaccountId.isBlank()) {
            throw new ValidationException("subaccountId", "is missing", "the subaccount GUID");
        }
        return wire.uri("/accounts/v1/subaccounts/" + subaccountId.trim() + "/serviceManagementBinding");
    }

    /**
     * The Accounts service URL this client calls.
     *
     * @return the {@code accounts_service_url}
     */
    public URI endpoint() {
        return wire.base();
    }

    /**
     * Releases the HTTP resources, and the token provider when this client created it.
     */
    @Override
    public void close() {
        transport.close();
        if (ownsTokenProvider && tokenProvider instanceof AutoCloseable) {
            try {
                ((AutoCloseable) tokenProvider).close();
            } catch (Exception e) {
                throw new CalmClientException("closing the Cloud Management token provider failed", e);
            }
        }
    }

    /**
     * Describes the client by its endpoint, never its credentials.
     *
     * @return e.g. {@code AccountsClient{https://accounts-service...}}
     */
    @Override
    public String toString() {
        return "AccountsClient{" + wire.base() + "}";
    }

    /**
     * Builds an {@link AccountsClient}. {@link #credentials(CisKey)} is required, or a
     * {@link #tokenProvider(TokenProvider)} with an {@link #endpoint(URI)}. Not thread-safe.
     */
    public static final class Builder {
        private ClientSettings settings = new ClientSettings();
        private CisKey key;
        private TokenProvider tokenProvider;
        private URI endpoint;

        private Builder() {
        }

        /**
         * Sets the Cloud Management key (plan {@code central}).
         *
         * @param key the key
         * @return this builder
         */
        public Builder credentials(CisKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Sets the token provider to use instead of one built from the key.
         *
         * @param tokenProvider the provider; the client does not close it
         * @return this builder
         */
        public Builder tokenProvider(TokenProvider tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
            return this;
        }

        /**
         * Sets the Accounts service URL; default the key's {@code accounts_service_url}.
         *
         * @param endpoint the URL
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * Sets the timeouts, retries, HTTP client, user agent, clock, sleeper and request listeners, shared
         * with the token provider this client builds. Default {@link ClientOptions#defaults()}.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            this.settings = settings.withOptions(Objects.requireNonNull(options, "options"));
            return this;
        }

        Builder settings(ClientSettings shared) {
            this.settings = shared.copy();
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException if neither credentials nor a token provider with an endpoint is
         *     set, or the key has no {@code accounts_service_url} and no endpoint is set
         */
        public AccountsClient build() {
            if (key == null && (tokenProvider == null || endpoint == null)) {
                throw new IllegalStateException("credentials (a Cloud Management key of plan central) are required,"
                        + " or a tokenProvider together with an endpoint");
            }
            return new AccountsClient(this);
        }
    }
}
