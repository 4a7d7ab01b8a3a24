package io.calmsdk.btp;

import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Enables the SAP Cloud ALM API for a subaccount in one idempotent call: everything SAP's "Enabling SAP
 * Cloud ALM API" procedure does by hand in the cockpit, done with technical-user keys and safe to run
 * again and again, from many threads and processes at once.
 *
 * <pre>{@code
 * try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder()
 *         .credentials(ServiceKeys.cis().fromFile(Path.of("cis-central.json")))
 *         .build()) {
 *     ProvisioningResult result = provisioner.ensureBinding(BindingRequest.builder()
 *             .subaccountId(subaccountId)
 *             .instanceName("calm-api")
 *             .bindingName("calm-api-key")
 *             .scopes(CalmScope.PROJECTS_READ, CalmScope.TASKS_WRITE)
 *             .build());
 *     ServiceKey key = result.serviceKey();
 * }
 * }</pre>
 *
 * <h2>Keys</h2>
 * A Cloud Management ({@code cis}) key of plan {@code central} assigns the entitlement; a Service
 * Manager key ({@code subaccount-admin}) manages instances and bindings. With only the {@code cis}
 * key ("one key" mode), the provisioner obtains each subaccount's Service Manager credentials through
 * the Accounts API. With only a Service Manager key, requests must {@linkplain
 * BindingRequest.Builder#skipEntitlement(boolean) skip the entitlement}.
 *
 * <h2>What ensureBinding does</h2>
 * <ol>
 * <li>Entitlement: already {@code OK}: unchanged; otherwise assigned (amount or enable, from the plan's
 * category) and awaited. No entitlement or no quota left in the global account fails with
 * a {@link ProvisioningException} of reason {@link ProvisioningException.Reason#NOT_ENTITLED NOT_ENTITLED} or
 * {@link ProvisioningException.Reason#NO_QUOTA NO_QUOTA} before anything is created.</li>
 * <li>Offering and plan: looked up by name, waiting for the plan to appear after a fresh entitlement;
 * the ids are cached for the provisioner's life.</li>
 * <li>Instance: found by name and plan; absent: created and awaited; in progress: awaited; its
 * parameters differ from the request: updated in place keeping its {@code xsappname}; created by
 * someone else (SAP creates one for new tenants): adopted, never duplicated; failed to create:
 * reported with the broker's description, and replaced on the next call.</li>
 * <li>Binding: found by name on the instance and reused, or created and awaited; its credentials are
 * the {@link io.calmsdk.core.model.ServiceKey}.</li>
 * <li>Verify (optional): a token fetched with the new key carries every requested authority.</li>
 * </ol>
 *
 * <h2>Never two of anything</h2>
 * Within a JVM, calls for the same subaccount and instance name run one after the other (a lock of
 * their own: calls for other instances never wait for them), so concurrent callers share the work and
 * get the same key. Across processes, every create is
 * preceded by a lookup; a 409 means "someone else created it": it is re-read and adopted; a 422 means
 * another operation runs: it is awaited and the request retried; a create whose answer was lost is
 * followed by a lookup, never by a blind second create; a 429 is waited out as the service asks.
 *
 * <p>Drift detection: instances the SDK creates or adopts carry the labels {@value #LABEL_MANAGED}
 * ({@code calm-sdk} or {@code calm-sdk-adopted}) and {@value #LABEL_PARAMETERS_HASH} (a fingerprint of the
 * requested parameters); a request whose fingerprint matches needs no further read. Otherwise the
 * parameters are read back from the service where it offers them. The authorities of an instance the
 * SDK created are set exactly as requested; an adopted instance keeps the authorities it had, and the
 * requested ones are added, so integrations that use it (SAP's automatic ones) keep working.
 *
 * <p>Efficiency: a warm call (everything exists) makes no write and at most 3 reads; offering and plan
 * ids and confirmed entitlements are cached per provisioner; each admin key fetches one token that all
 * calls share.
 *
 * <p>Service Manager clients are built on first use per subaccount (or key) and kept; one whose
 * credentials the service refuses (401, or its token endpoint rejecting the client) is dropped, so the
 * next call builds a new one (in one-key mode from the binding the Accounts API returns then).
 *
 * <p>Instances are thread-safe; close the provisioner to release its HTTP clients. Calls after
 * {@code close()} fail.
 */
public final class CloudAlmProvisioner implements AutoCloseable {

    /** Label on instances the SDK creates or adopts: value {@code calm-sdk}. */
    public static final String LABEL_MANAGED = "calm-sdk.managed-by";
    /** Label holding the fingerprint of the instance parameters the SDK last wrote. */
    public static final String LABEL_PARAMETERS_HASH = "calm-sdk.parameters-hash";
    /** Label holding the xsappname the instance was created with. */
    public static final String LABEL_XSAPPNAME = "calm-sdk.xsappname";
    /** Label on bindings naming the logical binding (the request's binding name), kept across rotations. */
    public static final String LABEL_BINDING = "calm-sdk.binding";

    /** {@value #LABEL_MANAGED} of instances calm-sdk created: their authorities are set exactly as requested. */
    static final String MANAGED_VALUE = "calm-sdk";
    /** {@value #LABEL_MANAGED} of instances calm-sdk adopted: requested authorities are added, others kept. */
    static final String ADOPTED_VALUE = "calm-sdk-adopted";

    static boolean isManaged(io.calmsdk.core.model.Labels labels) {
        List<String> values = labels.values(LABEL_MANAGED);
        return values.contains(MANAGED_VALUE) || values.contains(ADOPTED_VALUE);
    }

    private final EntitlementsClient entitlements;
    private final URI defaultServiceManagerUrl;
    private final boolean oneKeyMode;
    /** Closed in this order by {@link #close()}: the Service Manager clients last. */
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final Provisioning provisioning;

    private CloudAlmProvisioner(Builder b) {
        ClientSettings settings = b.settings;
        AccountsClient accounts = null;
        if (b.cisKey != null) {
            ClientCredentialsTokenProvider tp = settings.tokenProvider().credentials(b.cisKey).build();
            owned.add(tp);
            this.entitlements = EntitlementsClient.builder().credentials(b.cisKey).tokenProvider(tp)
                    .settings(settings).build();
            owned.add(entitlements);
            if (b.cisKey.accountsServiceUrl().isPresent() && b.oneKeyMode) {
                accounts = AccountsClient.builder().credentials(b.cisKey).tokenProvider(tp).settings(settings).build();
                owned.add(accounts);
            }
        } else {
            this.entitlements = null;
        }
        this.defaultServiceManagerUrl = b.serviceManagerKey == null ? null : b.serviceManagerKey.smUrl();
        this.oneKeyMode = accounts != null;
        ServiceManagers serviceManagers = new ServiceManagers(settings, b.serviceManagerKey, b.serviceManagerKeys,
                accounts);
        owned.add(serviceManagers);
        this.provisioning = new Provisioning(settings, b.listener, entitlements, serviceManagers);
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
     * Makes sure the request's entitlement, instance and binding exist as requested, and returns the
     * binding's Cloud ALM service key. Idempotent: a second call with the same request writes nothing.
     *
     * @param request what should exist
     * @return the key, the instance, the binding, and what each step did
     * @throws ValidationException if the request cannot be served by this provisioner's keys, nothing is sent
     *     then; or if the Service Manager key belongs to another subaccount than the request's (its token
     *     says so before anything is written; the message names both subaccounts)
     * @throws ScopeVerificationException if verification was asked for and the token lacks an authority
     * @throws ProvisioningException if a step fails; the message names the step, the cause says why; reason
     *     {@link ProvisioningException.Reason#NOT_ENTITLED NOT_ENTITLED} or {@link
     *     ProvisioningException.Reason#NO_QUOTA NO_QUOTA} if the global account has no entitlement or no
     *     quota left
     * @throws CalmTimeoutException if another call for the same instance in this JVM held it for the
     *     whole timeout
     */
    public ProvisioningResult ensureBinding(BindingRequest request) {
        provisioning.validate(request);
        return provisioning.ensure(request);
    }

    /**
     * {@link #ensureBinding(BindingRequest)} for the request set on a {@link BindingRequest.Builder}.
     *
     * <pre>{@code
     * ServiceKey key = provisioner.ensureBinding(r -> r.subaccountId(subaccountId).instanceName("calm-api")
     *         .bindingName("calm-api-key").scopes(CalmScope.PROJECTS_READ)).serviceKey();
     * }</pre>
     *
     * @param request sets what should exist
     * @return the key, the instance, the binding, and what each step did
     * @throws ValidationException if the request is invalid or cannot be served by this provisioner's keys
     * @throws ProvisioningException as {@link #ensureBinding(BindingRequest)} throws
     */
    public ProvisioningResult ensureBinding(Consumer<BindingRequest.Builder> request) {
        return ensureBinding(BindingRequest.of(request));
    }

    /**
     * Finds out, with reads only, what {@link #ensureBinding} would do for a request.
     *
     * @param request what should exist
     * @return the steps that would be taken
     * @throws ValidationException if the request cannot be served by this provisioner's keys
     * @throws ProvisioningException if a read fails
     */
    public ProvisioningPlan plan(BindingRequest request) {
        provisioning.validate(request);
        return provisioning.plan(request);
    }

    /**
     * {@link #plan(BindingRequest)} for the request set on a {@link BindingRequest.Builder}.
     *
     * @param request sets what should exist
     * @return the steps that would be taken
     * @throws ValidationException if the request is invalid or cannot be served by this provisioner's keys
     * @throws ProvisioningException if a read fails
     */
    public ProvisioningPlan plan(Consumer<BindingRequest.Builder> request) {
        return plan(BindingRequest.of(request));
    }

    /**
     * Rotates the request's binding: ensures the instance, creates a new binding (named after the
     * request's binding name with a time suffix, labelled {@value #LABEL_BINDING}), waits the grace
     * period so that users of the old key can switch, then deletes the old binding(s).
     *
     * <p>Blocks for the grace period (through the provisioner's {@link ClientOptions.Sleeper}) without holding the
     * instance's lock, so {@code ensureBinding} calls meanwhile return the new binding; the listener's
     * {@link ProvisioningListener#onGracePeriodStarted onGracePeriodStarted} hands over the new key before
     * the wait. Each half has its own
     * {@link BindingRequest#timeout()}.
     *
     * @param request what should exist
     * @param grace how long the old key keeps working after the new one exists; zero deletes at once
     * @return the new binding and key, and the retired binding ids
     * @throws ProvisioningException if a step fails; old bindings are never deleted before the new one works
     */
    public RotationResult rotateBinding(BindingRequest request, Duration grace) {
        provisioning.validate(request);
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new ValidationException("grace", "is negative", "zero or a positive duration");
        }
        return provisioning.rotate(request, grace);
    }

    /**
     * {@link #rotateBinding(BindingRequest, Duration)} for the request set on a {@link BindingRequest.Builder}.
     *
     * @param request sets what should exist
     * @param grace how long the old key keeps working after the new one exists; zero deletes at once
     * @return the new binding and key, and the retired binding ids
     * @throws ValidationException if the request is invalid or cannot be served by this provisioner's keys
     * @throws ProvisioningException if a step fails; old bindings are never deleted before the new one works
     */
    public RotationResult rotateBinding(Consumer<BindingRequest.Builder> request, Duration grace) {
        return rotateBinding(BindingRequest.of(request), grace);
    }

    /**
     * Removes what {@link #ensureBinding} created for the request: the bindings of the request's
     * binding name, then the instance; the entitlement stays.
     *
     * @param request the request whose resources are removed
     * @return what was deleted
     * @throws ProvisioningException if a step fails
     */
    public DeprovisioningResult deprovision(BindingRequest request) {
        return deprovision(request, false);
    }

    /**
     * Removes the request's bindings, then the instance (only when no other bindings remain on it), and
     * optionally the entitlement. Idempotent: what is already gone counts as done.
     *
     * @param request the request whose resources are removed
     * @param removeEntitlement whether to remove the plan from the subaccount afterwards
     * @return what was deleted
     * @throws ProvisioningException if a step fails
     */
    public DeprovisioningResult deprovision(BindingRequest request, boolean removeEntitlement) {
        provisioning.validate(request);
        if (removeEntitlement && entitlements == null) {
            throw new ValidationException("removeEntitlement", "is true but the provisioner has no Cloud Management key",
                    "false, or build the provisioner with credentials(CisKey)");
        }
        return provisioning.deprovision(request, removeEntitlement);
    }

    /**
     * {@link #deprovision(BindingRequest)} for the request set on a {@link BindingRequest.Builder}.
     *
     * @param request sets the request whose resources are removed
     * @return what was deleted
     * @throws ValidationException if the request is invalid or cannot be served by this provisioner's keys
     * @throws ProvisioningException if a step fails
     */
    public DeprovisioningResult deprovision(Consumer<BindingRequest.Builder> request) {
        return deprovision(BindingRequest.of(request));
    }

    /**
     * {@link #deprovision(BindingRequest, boolean)} for the request set on a {@link BindingRequest.Builder}.
     *
     * @param request sets the request whose resources are removed
     * @param removeEntitlement whether to remove the plan from the subaccount afterwards
     * @return what was deleted
     * @throws ValidationException if the request is invalid or cannot be served by this provisioner's keys
     * @throws ProvisioningException if a step fails
     */
    public DeprovisioningResult deprovision(Consumer<BindingRequest.Builder> request, boolean removeEntitlement) {
        return deprovision(BindingRequest.of(request), removeEntitlement);
    }

    /**
     * Runs {@link #ensureBinding} for many requests (typically many subaccounts) with at most
     * {@code concurrency} at a time. Each request gets its own outcome; one failure does not stop the
     * others. Rate limits (429) are honoured per call as the service asks.
     *
     * @param requests the requests
     * @param concurrency how many run at once, at least 1
     * @return one outcome per request, in the order given
     * @throws ValidationException if {@code concurrency} is below 1, a request is {@code null}, or several
     *     subaccounts would be served by the one default Service Manager key (a key belongs to one
     *     subaccount: use one-key mode, a provisioner with only a Cloud Management key, for fleets)
     */
    public List<ProvisioningResult.Outcome> ensureBindings(Collection<BindingRequest> requests, int concurrency) {
        Objects.requireNonNull(requests, "requests");
        if (concurrency < 1) {
            throw new ValidationException("concurrency", "is " + concurrency, "1 or more");
        }
        List<BindingRequest> list = new ArrayList<>(requests);
        if (list.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("requests", "contains null", "non-null requests");
        }
        if (list.isEmpty()) {
            return List.of();
        }
        return provisioning.ensureAll(list, concurrency);
    }

    /**
     * Releases the HTTP clients and token providers the provisioner created.
     */
    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (owned) {
            toClose = new ArrayList<>(owned);
            owned.clear();
        }
        CalmClientException failure = null;
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new CalmClientException("closing the provisioner's clients failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Describes the provisioner by its endpoints and mode, never its credentials.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "CloudAlmProvisioner{entitlements=" + (entitlements == null ? "none" : entitlements.endpoint())
                + ", serviceManager=" + (defaultServiceManagerUrl == null ? "per subaccount" : defaultServiceManagerUrl)
                + ", oneKeyMode=" + oneKeyMode + "}";
    }

    /**
     * Builds a {@link CloudAlmProvisioner}. At least one key is required: {@link #credentials(CisKey)} and/or
     * {@link #credentials(ServiceManagerKey)}. Not thread-safe.
     */
    public static final class Builder {
        private ClientSettings settings = new ClientSettings();
        private CisKey cisKey;
        private ServiceManagerKey serviceManagerKey;
        private final Map<String, ServiceManagerKey> serviceManagerKeys = new LinkedHashMap<>();
        private boolean oneKeyMode = true;
        private ProvisioningListener listener = ProvisioningListener.none();

        private Builder() {
        }

        /**
         * Sets the Cloud Management key (plan {@code central}): entitlements, and in one-key mode the
         * subaccounts' Service Manager credentials.
         *
         * @param key the key
         * @return this builder
         */
        public Builder credentials(CisKey key) {
            this.cisKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Sets the Service Manager key used for every subaccount not given a key of its own.
         *
         * @param key a {@code subaccount-admin} key (secret or X.509)
         * @return this builder
         */
        public Builder credentials(ServiceManagerKey key) {
            this.serviceManagerKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Sets the Service Manager key of one subaccount.
         *
         * @param subaccountId the subaccount GUID
         * @param key the subaccount's {@code subaccount-admin} key
         * @return this builder
         */
        public Builder credentials(String subaccountId, ServiceManagerKey key) {
            serviceManagerKeys.put(Objects.requireNonNull(subaccountId, "subaccountId"),
                    Objects.requireNonNull(key, "key"));
            return this;
        }

        /**
         * Whether subaccounts without a Service Manager key get one through the Accounts API of the
         * Cloud Management key; default {@code true} (used only when no key applies).
         *
         * @param enabled {@code false} to never create Service Manager bindings
         * @return this builder
         */
        public Builder oneKeyMode(boolean enabled) {
            this.oneKeyMode = enabled;
            return this;
        }

        /**
         * Sets who hears about step progress, e.g. a CLI progress display.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ProvisioningListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
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

        /**
         * Builds the provisioner.
         *
         * @return the provisioner
         * @throws IllegalStateException if no key is set
         */
        public CloudAlmProvisioner build() {
            if (cisKey == null && serviceManagerKey == null && serviceManagerKeys.isEmpty()) {
                throw new IllegalStateException("a key is required: credentials(CisKey) (Cloud Management, plan central)"
                        + " and/or credentials(ServiceManagerKey) (Service Manager, plan subaccount-admin)");
            }
            return new CloudAlmProvisioner(this);
        }
    }
}
