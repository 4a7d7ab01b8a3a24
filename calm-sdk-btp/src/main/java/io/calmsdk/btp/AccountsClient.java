package io.calmsdk.btp;

import io.calmsdk.auth.TokenProvider;
import io.calmsdk.btp.internal.Wire;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ConflictException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.net.URI;
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
    private final AdminConnection connection;

    private AccountsClient(Builder b) {
        // Checked before anything is opened, so a refused key leaves no HTTP client behind.
        URI endpoint = b.endpoint != null ? b.endpoint : b.key.accountsServiceUrl().orElseThrow(
                () -> new IllegalStateException(
                        "the Cloud Management key has no endpoints.accounts_service_url: set endpoint(...)"));
        this.connection = AdminConnection.open(b, p -> p.credentials(b.key), "accounts", "Cloud Management");
        this.wire = new Wire(connection.transport, endpoint);
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
        connection.close();
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
    public static final class Builder extends AdminClientBuilder<Builder, CisKey> {

        private Builder() {
        }

        /**
         * Sets the Cloud Management key (plan {@code central}).
         *
         * @param key the key
         * @return this builder
         */
        public Builder credentials(CisKey key) {
            return key(key);
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException if neither credentials nor a token provider with an endpoint is
         *     set, or the key has no {@code accounts_service_url} and no endpoint is set
         */
        public AccountsClient build() {
            requireCredentials("a Cloud Management key of plan central");
            return new AccountsClient(this);
        }
    }
}
