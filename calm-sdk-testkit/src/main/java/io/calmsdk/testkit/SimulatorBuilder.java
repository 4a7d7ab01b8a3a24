package io.calmsdk.testkit;

import io.calmsdk.testkit.internal.world.Checks;
import io.calmsdk.testkit.internal.world.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures and starts a {@link BtpSimulator}; {@link BtpSimulator#builder()} makes one. Every setting has a
 * default that suits most tests. Setters reject values that are wrong on their own with an
 * {@link IllegalArgumentException}; {@link #start()} rejects contradicting settings with an
 * {@link IllegalStateException}. Each message names the setting. Not thread-safe.
 *
 * <pre>{@code
 * try (BtpSimulator sim = BtpSimulator.builder().defaultPageSize(2).operationPolls(3).start()) { ... }
 * }</pre>
 */
public final class SimulatorBuilder {

    /**
     * How Service Manager writes {@code Retry-After} on a 429. The contract names all three forms; a client
     * must accept each of them.
     */
    public enum RetryAfterFormat {
        /** An RFC 1123 HTTP-date, e.g. {@code Tue, 07 May 2024 10:15:30 GMT}: the documented form. */
        HTTP_DATE,
        /** The form also seen in the field, e.g. {@code 2024-05-07 10:15:30 +0000 UTC}. */
        GO_DATE,
        /** Delay in whole seconds, e.g. {@code 42}. */
        SECONDS
    }

    /**
     * The PEM encoding of private keys in X.509 credentials. SAP's own clients expect PKCS #1 (SAP's Java
     * token client reads any other PEM as an EC key); a client that reads both is robust.
     */
    public enum PrivateKeyFormat {
        /** {@code -----BEGIN PRIVATE KEY-----} (PKCS #8). */
        PKCS8,
        /** {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS #1): the default, as SAP's clients read it. */
        PKCS1
    }

    /**
     * Service Manager rate limits, per subaccount and per sliding minute of the simulator clock. A request
     * over a limit gets 429 with a {@code Retry-After} header.
     *
     * @param callsPerMinute all calls
     * @param instanceCreatesPerMinute {@code POST /v1/service_instances}
     * @param bindingCallsPerMinute every call under {@code /v1/service_bindings}
     * @param catalogCallsPerMinute every call under {@code /v1/service_offerings} and {@code /v1/service_plans}
     */
    public record ServiceManagerLimits(int callsPerMinute, int instanceCreatesPerMinute, int bindingCallsPerMinute,
                                       int catalogCallsPerMinute) {

        /**
         * Validates the limits.
         *
         * @param callsPerMinute all calls
         * @param instanceCreatesPerMinute instance creates
         * @param bindingCallsPerMinute binding calls
         * @param catalogCallsPerMinute offering and plan calls
         * @throws IllegalArgumentException when a limit is not positive
         */
        public ServiceManagerLimits {
            if (callsPerMinute <= 0 || instanceCreatesPerMinute <= 0 || bindingCallsPerMinute <= 0
                    || catalogCallsPerMinute <= 0) {
                throw new IllegalArgumentException("rate limits must be positive");
            }
        }

        /**
         * SAP's documented limits: 1,000 calls, 50 instance creates, 600 binding calls and 100 catalog calls
         * per minute.
         *
         * @return the documented limits
         */
        public static ServiceManagerLimits documented() {
            return new ServiceManagerLimits(1000, 50, 600, 100);
        }

        /**
         * No practical limit, for benchmarks.
         *
         * @return limits that are never reached
         */
        public static ServiceManagerLimits unlimited() {
            return new ServiceManagerLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                    Integer.MAX_VALUE);
        }
    }

    private int port;
    private int workerThreads = 8;
    private Duration tokenLifetime = Duration.ofSeconds(43_199);
    private int operationPolls = 2;
    private Duration operationDuration = Duration.ZERO;
    private int entitlementPolls = 2;
    private Duration entitlementDuration = Duration.ZERO;
    private int planVisibilityReads;
    private Duration planVisibilityDelay = Duration.ZERO;
    private int defaultPageSize = 5;
    private int maxPageSize = 500;
    private ServiceManagerLimits limits = ServiceManagerLimits.documented();
    private final Map<String, GlobalAccountPlan> plans = new LinkedHashMap<>();
    private String defaultSubaccountId = BtpSimulator.DEFAULT_SUBACCOUNT_ID;
    private String defaultSubaccountSubdomain = "calm-sim-subaccount";
    private final Map<String, String> subaccounts = new LinkedHashMap<>();
    private String cloudAlmMasterApp = "calm-api!b1234";
    private boolean mtls;
    private RetryAfterFormat retryAfterFormat = RetryAfterFormat.HTTP_DATE;
    private PrivateKeyFormat x509KeyFormat = PrivateKeyFormat.PKCS1;
    private String odataCountAnnotation = "@count";
    private boolean xsuaaTls;
    private String cloudAlmEndpointName = "Api";
    private boolean notFoundWhileCreating = true;
    private int odataPageSize = 100;
    private int journalCapacity = 100_000;
    private boolean cisErrorsWrapped = true;
    private boolean deleteOperationsVanish;

    SimulatorBuilder() {
        GlobalAccountPlan calm = GlobalAccountPlan.cloudAlmStandard();
        plans.put(calm.serviceName() + "/" + calm.planName(), calm);
    }

    /**
     * The first port: the hosts use {@code port} to {@code port + 4} (XSUAA, Accounts, Entitlements,
     * Service Manager, Cloud ALM) and {@code port + 5} for the mutual-TLS token endpoint. Default 0:
     * random free ports.
     *
     * @param port first port, or 0
     * @return this builder
     */
    public SimulatorBuilder port(int port) {
        if (port < 0 || port > 65_530) {
            throw new IllegalArgumentException("port must be 0 or between 1 and 65530: " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Worker threads shared by all hosts (requests beyond them queue). Default 8.
     *
     * @param threads thread count
     * @return this builder
     */
    public SimulatorBuilder workerThreads(int threads) {
        this.workerThreads = Checks.positive(threads, "workerThreads");
        return this;
    }

    /**
     * Lifetime of issued tokens unless an instance sets {@code token-validity}. Default 43,199 seconds.
     *
     * @param lifetime token lifetime
     * @return this builder
     */
    public SimulatorBuilder tokenLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive");
        }
        this.tokenLifetime = lifetime;
        return this;
    }

    /**
     * How many times a Service Manager operation must be observed (GET on the operation or on its
     * resource) before it can finish. Default 2: the first poll says {@code in progress}.
     *
     * @param polls observations, 0 or more
     * @return this builder
     */
    public SimulatorBuilder operationPolls(int polls) {
        this.operationPolls = Checks.nonNegative(polls, "operationPolls");
        return this;
    }

    /**
     * Simulated time a Service Manager operation needs before it can finish. Default zero.
     *
     * @param duration the duration on the simulator clock
     * @return this builder
     */
    public SimulatorBuilder operationDuration(Duration duration) {
        this.operationDuration = Checks.nonNegative(duration, "operationDuration");
        return this;
    }

    /**
     * How many times an entitlement assignment must be read (assignments or job status) before it can
     * reach {@code OK}. Default 2: the first read says {@code PROCESSING}.
     *
     * @param polls observations, 0 or more
     * @return this builder
     */
    public SimulatorBuilder entitlementPolls(int polls) {
        this.entitlementPolls = Checks.nonNegative(polls, "entitlementPolls");
        return this;
    }

    /**
     * Simulated time an entitlement assignment needs before it can reach {@code OK}. Default zero.
     *
     * @param duration the duration on the simulator clock
     * @return this builder
     */
    public SimulatorBuilder entitlementDuration(Duration duration) {
        this.entitlementDuration = Checks.nonNegative(duration, "entitlementDuration");
        return this;
    }

    /**
     * Catalog reads in a subaccount before a freshly entitled plan shows in Service Manager. Default 0.
     *
     * @param reads offering or plan reads
     * @return this builder
     */
    public SimulatorBuilder planVisibilityReads(int reads) {
        this.planVisibilityReads = Checks.nonNegative(reads, "planVisibilityReads");
        return this;
    }

    /**
     * Simulated time before a freshly entitled plan shows in Service Manager. Default zero.
     *
     * @param delay the delay on the simulator clock
     * @return this builder
     */
    public SimulatorBuilder planVisibilityDelay(Duration delay) {
        this.planVisibilityDelay = Checks.nonNegative(delay, "planVisibilityDelay");
        return this;
    }

    /**
     * Service Manager page size when a request gives no {@code max_items}. Default 5, small on purpose,
     * so that clients that read only the first page fail in tests.
     *
     * @param size page size
     * @return this builder
     */
    public SimulatorBuilder defaultPageSize(int size) {
        this.defaultPageSize = Checks.positive(size, "defaultPageSize");
        return this;
    }

    /**
     * Server page size of OData collections (larger {@code $top} get an {@code @odata.nextLink}).
     * Default 100.
     *
     * @param size page size
     * @return this builder
     */
    public SimulatorBuilder odataPageSize(int size) {
        this.odataPageSize = Checks.positive(size, "odataPageSize");
        return this;
    }

    /**
     * Service Manager rate limits. Default {@link ServiceManagerLimits#documented()}.
     *
     * @param limits the limits
     * @return this builder
     */
    public SimulatorBuilder serviceManagerLimits(ServiceManagerLimits limits) {
        this.limits = Objects.requireNonNull(limits, "serviceManagerLimits");
        return this;
    }

    /**
     * Adds or replaces a plan the global account owns.
     *
     * @param plan the plan
     * @return this builder
     */
    public SimulatorBuilder globalAccountPlan(GlobalAccountPlan plan) {
        Objects.requireNonNull(plan, "globalAccountPlan");
        plans.put(plan.serviceName() + "/" + plan.planName(), plan);
        return this;
    }

    /**
     * Replaces every plan the global account owns (none at all is allowed: a global account without
     * the Cloud ALM entitlement).
     *
     * @param globalAccountPlans the plans
     * @return this builder
     */
    public SimulatorBuilder globalAccountPlans(List<GlobalAccountPlan> globalAccountPlans) {
        Objects.requireNonNull(globalAccountPlans, "globalAccountPlans");
        plans.clear();
        globalAccountPlans.forEach(this::globalAccountPlan);
        return this;
    }

    /**
     * Id and subdomain of the subaccount that always exists.
     *
     * @param id GUID
     * @param subdomain identity zone subdomain
     * @return this builder
     */
    public SimulatorBuilder defaultSubaccount(String id, String subdomain) {
        this.defaultSubaccountId = Objects.requireNonNull(id, "defaultSubaccount id");
        this.defaultSubaccountSubdomain = Objects.requireNonNull(subdomain, "defaultSubaccount subdomain");
        return this;
    }

    /**
     * Another subaccount that exists from the start and survives resets. Its id and subdomain must differ
     * from those of every other subaccount (checked by {@link #start()}).
     *
     * @param id GUID
     * @param subdomain identity zone subdomain
     * @return this builder
     */
    public SimulatorBuilder subaccount(String id, String subdomain) {
        subaccounts.put(Objects.requireNonNull(id, "subaccount id"),
                Objects.requireNonNull(subdomain, "subaccount subdomain"));
        return this;
    }

    /**
     * XSUAA master application of the Cloud ALM API broker; granted scopes look like
     * {@code <master>.calm-api.tasks.read}. Default {@code calm-api!b1234}.
     *
     * @param masterApp master application name
     * @return this builder
     */
    public SimulatorBuilder cloudAlmMasterApp(String masterApp) {
        this.cloudAlmMasterApp = Objects.requireNonNull(masterApp, "cloudAlmMasterApp");
        return this;
    }

    /**
     * Starts the mutual-TLS token endpoint at once rather than on first use. Default false.
     *
     * @param enabled whether to start it eagerly
     * @return this builder
     */
    public SimulatorBuilder mtls(boolean enabled) {
        this.mtls = enabled;
        return this;
    }

    /**
     * Serves XSUAA ({@code uaa.url}, {@code /oauth/token} and {@code /token_keys}) over HTTPS with a server
     * certificate of the simulator's CA, so that SAP's token validators, which fetch signing keys from
     * {@code https://<uaadomain>/token_keys}, can check the simulator's tokens. Keys then carry
     * {@code https://127.0.0.1:<port>} as {@code url} and {@code uaadomain}: with a port, only the URL form
     * is read as a host by {@code java.net.URI} (SAP's own test library writes it the same way). Clients
     * must trust {@link SimulatorTls#caCertificate()}, e.g. through {@link SimulatorTls#writeTrustStore}.
     * Default false: plain HTTP.
     *
     * @param enabled whether XSUAA answers over HTTPS
     * @return this builder
     */
    public SimulatorBuilder xsuaaTls(boolean enabled) {
        this.xsuaaTls = enabled;
        return this;
    }

    /**
     * Form of Service Manager's {@code Retry-After}. Default {@link RetryAfterFormat#HTTP_DATE}.
     *
     * @param format the form
     * @return this builder
     */
    public SimulatorBuilder retryAfterFormat(RetryAfterFormat format) {
        this.retryAfterFormat = Objects.requireNonNull(format, "retryAfterFormat");
        return this;
    }

    /**
     * PEM form of private keys in X.509 credentials. Default {@link PrivateKeyFormat#PKCS1}, the form SAP's
     * Java token client reads.
     *
     * @param format the form
     * @return this builder
     */
    public SimulatorBuilder x509KeyFormat(PrivateKeyFormat format) {
        this.x509KeyFormat = Objects.requireNonNull(format, "x509KeyFormat");
        return this;
    }

    /**
     * Name of the OData count annotation after {@code $count=true}: {@code @count} (default, what SAP's
     * process-hierarchy notebook reads) or {@code @odata.count}.
     *
     * @param annotation the annotation name
     * @return this builder
     */
    public SimulatorBuilder odataCountAnnotation(String annotation) {
        if (!"@odata.count".equals(annotation) && !"@count".equals(annotation)) {
            throw new IllegalArgumentException("odataCountAnnotation must be @odata.count or @count: " + annotation);
        }
        this.odataCountAnnotation = annotation;
        return this;
    }

    /**
     * Spelling of the endpoint field in Cloud ALM keys: {@code Api} (default) or {@code API}.
     *
     * @param name the field name
     * @return this builder
     */
    public SimulatorBuilder cloudAlmEndpointName(String name) {
        if (!"Api".equals(name) && !"API".equals(name)) {
            throw new IllegalArgumentException("cloudAlmEndpointName must be Api or API: " + name);
        }
        this.cloudAlmEndpointName = name;
        return this;
    }

    /**
     * Whether {@code GET} on an instance or binding answers 404 until its create finishes. Default true.
     *
     * @param enabled whether to hide resources being created
     * @return this builder
     */
    public SimulatorBuilder notFoundWhileCreating(boolean enabled) {
        this.notFoundWhileCreating = enabled;
        return this;
    }

    /**
     * Whether cis errors come wrapped in {@code {"error": {...}}} (default) or bare.
     *
     * @param wrapped whether to wrap
     * @return this builder
     */
    public SimulatorBuilder cisErrorsWrapped(boolean wrapped) {
        this.cisErrorsWrapped = wrapped;
        return this;
    }

    /**
     * Whether a delete operation, once finished, answers 404 like the resource it deleted (the contract
     * says a client must count that as done). Default false: it answers {@code succeeded}.
     *
     * @param enabled whether finished delete operations vanish
     * @return this builder
     */
    public SimulatorBuilder deleteOperationsVanish(boolean enabled) {
        this.deleteOperationsVanish = enabled;
        return this;
    }

    /**
     * Most requests the journal keeps; older ones are dropped. Default 100,000.
     *
     * @param capacity journal capacity
     * @return this builder
     */
    public SimulatorBuilder journalCapacity(int capacity) {
        this.journalCapacity = Checks.positive(capacity, "journalCapacity");
        return this;
    }

    /**
     * Binds the hosts and starts answering. May be called again for another simulator with the same
     * settings.
     *
     * @return the running simulator
     * @throws IllegalStateException when two subaccounts share an id or a subdomain
     * @throws java.io.UncheckedIOException when a port cannot be bound
     */
    public BtpSimulator start() {
        Checks.distinctSubaccounts(defaultSubaccountId, defaultSubaccountSubdomain, subaccounts);
        return new BtpSimulator(settings(), new LinkedHashMap<>(subaccounts));
    }

    private Settings settings() {
        return new Settings(port, workerThreads, tokenLifetime, operationPolls, operationDuration,
                entitlementPolls, entitlementDuration, planVisibilityReads, planVisibilityDelay, defaultPageSize,
                maxPageSize, limits, new ArrayList<>(plans.values()), defaultSubaccountId,
                defaultSubaccountSubdomain, cloudAlmMasterApp, mtls, retryAfterFormat, x509KeyFormat,
                odataCountAnnotation, cloudAlmEndpointName, notFoundWhileCreating, odataPageSize,
                journalCapacity, cisErrorsWrapped, deleteOperationsVanish, xsuaaTls);
    }
}
