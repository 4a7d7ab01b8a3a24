package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.calm.CloudAlmApi;
import io.calmsdk.testkit.internal.cis.AccountsApi;
import io.calmsdk.testkit.internal.cis.Assignment;
import io.calmsdk.testkit.internal.cis.CisErrors;
import io.calmsdk.testkit.internal.cis.EntitlementsApi;
import io.calmsdk.testkit.internal.http.ErrorStyle;
import io.calmsdk.testkit.internal.http.HostServer;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.sm.Binding;
import io.calmsdk.testkit.internal.sm.Instance;
import io.calmsdk.testkit.internal.sm.ServiceManagerApi;
import io.calmsdk.testkit.internal.sm.ServiceManagerBook;
import io.calmsdk.testkit.internal.uaa.InvalidTokenException;
import io.calmsdk.testkit.internal.uaa.XsuaaApi;
import io.calmsdk.testkit.internal.world.AdminKeys;
import io.calmsdk.testkit.internal.world.Settings;
import io.calmsdk.testkit.internal.world.Subaccounts;
import io.calmsdk.testkit.internal.world.TlsSupport;
import io.calmsdk.testkit.internal.world.Urls;
import io.calmsdk.testkit.internal.world.World;
import io.calmsdk.testkit.internal.x509.CertificateAuthority;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A faithful, stateful simulator of the SAP BTP and SAP Cloud ALM APIs calm-sdk talks to: XSUAA, the
 * Cloud Management Entitlements and Accounts APIs, Service Manager, and the Cloud ALM projects, tasks and
 * process hierarchy APIs. Each simulated host listens on its own loopback port; the keys it hands out
 * point at them, so a client needs nothing but a key.
 *
 * <pre>{@code
 * try (BtpSimulator sim = BtpSimulator.start()) {
 *     String cisKey = sim.cisCentralKey().json();
 *     // ... run the client, then:
 *     assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
 *     assertThat(sim.journal().count("POST", "/v1/service_instances")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of clients may call it concurrently. It starts in well under a second and
 * must be closed to free its ports and threads.
 */
public final class BtpSimulator implements AutoCloseable {

    /** Id of the subaccount that always exists unless the builder names another. */
    public static final String DEFAULT_SUBACCOUNT_ID = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";

    private final World world;
    private final ThreadPoolExecutor executor;
    private final List<HostServer> hosts = new ArrayList<>();
    private final Map<String, ObjectNode> serviceManagerKeys = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AdminKeys adminKeys;
    private final ObjectNode cisCentralKey;
    private final RequestJournal journal;
    private final FaultInjector faults;
    private final SimulatorSeeder seeder;
    private final CloudAlmData cloudAlm;
    private final SimulatorTls tls;
    private final SimulatorEndpoints endpoints;
    private volatile ObjectNode cisViewerKey;
    private volatile boolean closed;

    private BtpSimulator(Builder builder) {
        Settings settings = builder.settings();
        this.executor = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new WorkerThreads());
        this.executor.allowCoreThreadTimeOut(true);
        SimulatorClock clock = new SimulatorClock();
        TlsSupport tlsSupport = new TlsSupport(this::startMutualTls);
        this.world = new World(settings, clock, tlsSupport);
        try {
            for (Map.Entry<String, String> extra : builder.subaccounts.entrySet()) {
                world.subaccounts().add(new Subaccounts.Subaccount(extra.getKey(), extra.getValue(),
                        extra.getValue(), "eu10", clock.instant(), true));
            }
            ServiceManagerApi serviceManager = new ServiceManagerApi(world);
            HostServer uaa = host(SimulatedApi.XSUAA, 0, new XsuaaApi(world, false).router(), XsuaaApi.ERRORS);
            HostServer accounts = host(SimulatedApi.ACCOUNTS, 1, new AccountsApi(world).router(),
                    new CisErrors(settings.cisErrorsWrapped()));
            HostServer entitlements = host(SimulatedApi.ENTITLEMENTS, 2, new EntitlementsApi(world).router(),
                    new CisErrors(settings.cisErrorsWrapped()));
            HostServer sm = host(SimulatedApi.SERVICE_MANAGER, 3, serviceManager.router(), serviceManager.errors());
            HostServer calm = host(SimulatedApi.CLOUD_ALM, 4, new CloudAlmApi(world).router(), CloudAlmApi.ERRORS);
            URI calmApi = URI.create(Urls.text(calm.baseUri()) + "/api");
            world.urls(new Urls(uaa.baseUri(), accounts.baseUri(), entitlements.baseUri(), sm.baseUri(), calmApi));
            this.endpoints = new SimulatorEndpoints(uaa.baseUri(), accounts.baseUri(), entitlements.baseUri(),
                    sm.baseUri(), calmApi);
            hosts.forEach(HostServer::start);
            this.adminKeys = new AdminKeys(world);
            this.cisCentralKey = adminKeys.createCisKey(true);
            if (settings.mtlsAtStart()) {
                tlsSupport.certUrl();
            }
        } catch (RuntimeException e) {
            stopHosts();
            throw e;
        }
        this.journal = new RequestJournal(world.recorder());
        this.faults = new FaultInjector(world.faults());
        this.seeder = new SimulatorSeeder(world);
        this.cloudAlm = new CloudAlmData(world.calm());
        this.tls = new SimulatorTls(tlsSupport);
    }

    private HostServer host(SimulatedApi api, int portOffset, Router router, ErrorStyle errors) {
        int base = world.settings().basePort();
        HostServer host = new HostServer(api, base == 0 ? 0 : base + portOffset, null, router, errors,
                world.recorder(), world.faults(), world.clock(), executor, api != SimulatedApi.XSUAA);
        hosts.add(host);
        return host;
    }

    private URI startMutualTls(CertificateAuthority authority) {
        int base = world.settings().basePort();
        HostServer host = new HostServer(SimulatedApi.XSUAA, base == 0 ? 0 : base + 5, authority.serverContext(),
                new XsuaaApi(world, true).router(), XsuaaApi.ERRORS, world.recorder(), world.faults(), world.clock(),
                executor, false);
        synchronized (hosts) {
            if (closed) {
                host.stop();
                throw new IllegalStateException("the simulator is closed");
            }
            hosts.add(host);
        }
        host.start();
        // The client certificate names the host as localhost or 127.0.0.1; both are in the server certificate.
        return host.baseUri();
    }

    /**
     * Starts a simulator with the defaults: random loopback ports, one subaccount
     * ({@link #DEFAULT_SUBACCOUNT_ID}), a global account owning 10 units of plan {@code standard} of
     * {@code SAPCloudALMAPIs}.
     *
     * @return the running simulator
     */
    public static BtpSimulator start() {
        return builder().start();
    }

    /**
     * A builder for a simulator with non-default settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the base URLs of the simulated hosts */
    public SimulatorEndpoints endpoints() {
        return endpoints;
    }

    /** @return id of the subaccount that always exists */
    public String defaultSubaccountId() {
        return world.settings().defaultSubaccountId();
    }

    /**
     * Creates another subaccount in the global account. It disappears on {@link #reset()}.
     *
     * @param displayName display name; the subdomain is derived from it
     * @return the new subaccount's GUID
     */
    public String createSubaccount(String displayName) {
        Objects.requireNonNull(displayName, "displayName");
        String id = UUID.randomUUID().toString();
        String subdomain = displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-"
                + id.substring(0, 8);
        world.subaccounts().add(new Subaccounts.Subaccount(id, subdomain, displayName, "eu10", world.now(), false));
        return id;
    }

    /**
     * The Cloud Management ({@code cis}) key of the global account, plan {@code central}: it may read and
     * assign entitlements and create Service Manager credentials. The same key for the simulator's whole
     * life, {@link #reset()} included.
     *
     * @return the key
     */
    public SimulatedKey cisCentralKey() {
        return new SimulatedKey("cis central", cisCentralKey);
    }

    /**
     * A read-only Cloud Management key: reads work, changes answer 403.
     *
     * @return the key
     */
    public SimulatedKey cisViewerKey() {
        ObjectNode key = cisViewerKey;
        if (key == null) {
            synchronized (this) {
                if (cisViewerKey == null) {
                    cisViewerKey = adminKeys.createCisKey(false);
                }
                key = cisViewerKey;
            }
        }
        return new SimulatedKey("cis viewer", key);
    }

    /**
     * The Service Manager key (plan {@code subaccount-admin}) of the default subaccount.
     *
     * @return the key
     */
    public SimulatedKey serviceManagerKey() {
        return serviceManagerKey(defaultSubaccountId());
    }

    /**
     * The Service Manager key (plan {@code subaccount-admin}) of a subaccount; the same key on every call.
     * Keys of subaccounts that exist from the start survive {@link #reset()}.
     *
     * @param subaccountId subaccount
     * @return the key
     * @throws IllegalArgumentException when the subaccount does not exist
     */
    public SimulatedKey serviceManagerKey(String subaccountId) {
        Subaccounts.Subaccount subaccount = world.subaccounts().find(subaccountId)
                .orElseThrow(() -> new IllegalArgumentException("no subaccount " + subaccountId));
        ObjectNode key = serviceManagerKeys.computeIfAbsent(subaccountId,
                id -> adminKeys.createServiceManagerKey(subaccount, subaccount.baseline()));
        return new SimulatedKey("Service Manager", key);
    }

    /** @return direct seeding of entitlements, instances and bindings */
    public SimulatorSeeder seed() {
        return seeder;
    }

    /** @return the Cloud ALM tenant's data */
    public CloudAlmData cloudAlm() {
        return cloudAlm;
    }

    /** @return fault injection */
    public FaultInjector faults() {
        return faults;
    }

    /** @return the simulator's clock; move it to cross token lifetimes and operation durations */
    public SimulatorClock clock() {
        return world.clock();
    }

    /** @return every request received */
    public RequestJournal journal() {
        return journal;
    }

    /** @return the certificate authority and mutual-TLS endpoint */
    public SimulatorTls tls() {
        return tls;
    }

    /** @return the public key every issued token is signed with (also at {@code /token_keys}) */
    public RSAPublicKey tokenSigningKey() {
        return world.tokens().publicKey();
    }

    /**
     * Verifies a token the simulated XSUAA issued and returns its claims.
     *
     * @param accessToken the JWT
     * @return its claims ({@code scope}, {@code client_id}, {@code exp}, ...)
     * @throws IllegalArgumentException when the token is malformed, not signed by the simulator or expired
     *     on the simulator clock
     */
    public JsonNode verifyToken(String accessToken) {
        try {
            return world.tokens().verify(accessToken, world.now());
        } catch (InvalidTokenException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Releases every operation and entitlement job made stuck by {@link FaultInjector}: from now on
     * they finish like any other, so a test can show that a later run converges.
     */
    public void releaseStuckOperations() {
        synchronized (world.lock()) {
            world.serviceManager().releaseStuck();
            world.entitlements().releaseStuck();
        }
    }

    /**
     * Finishes every running Service Manager operation that is not stuck, as if enough time had passed.
     */
    public void completePendingOperations() {
        synchronized (world.lock()) {
            world.serviceManager().completeAll();
        }
    }

    /**
     * A snapshot of the global account: subaccounts, entitlements, instances and bindings.
     *
     * @return the snapshot
     */
    public SimulatorState state() {
        synchronized (world.lock()) {
            List<SimulatorState.SubaccountView> subaccounts = new ArrayList<>();
            world.subaccounts().all().forEach(s ->
                    subaccounts.add(new SimulatorState.SubaccountView(s.id(), s.subdomain(), s.displayName())));
            List<SimulatorState.EntitlementView> entitlements = new ArrayList<>();
            for (Assignment a : world.entitlements().all()) {
                entitlements.add(new SimulatorState.EntitlementView(a.subaccountId(), a.service(), a.plan(),
                        a.effectiveAmount(), a.requestedEffectiveAmount(), a.state(), a.autoAssigned()));
            }
            ServiceManagerBook book = world.serviceManager();
            List<SimulatorState.InstanceView> instances = new ArrayList<>();
            for (Instance i : book.allInstances()) {
                instances.add(new SimulatorState.InstanceView(i.id(), i.subaccountId(), i.name(),
                        i.plan().offering().name(), i.plan().name(), i.ready(), i.lastOperation().type(),
                        i.lastOperation().state(), copy(i.labels()),
                        i.parameters() == null ? null : i.parameters().deepCopy(), book.render(i)));
            }
            List<SimulatorState.BindingView> bindings = new ArrayList<>();
            for (Binding b : book.allBindings()) {
                bindings.add(new SimulatorState.BindingView(b.id(), b.subaccountId(), b.instanceId(), b.name(),
                        b.ready(), b.lastOperation().state(), copy(b.labels()),
                        b.credentials() == null ? null : b.credentials().deepCopy()));
            }
            return new SimulatorState(subaccounts, entitlements, instances, bindings);
        }
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> labels) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        labels.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(result);
    }

    /**
     * Back to the state right after start: configured subaccounts only, no assignments, instances,
     * bindings, Cloud ALM projects or tasks, no faults, an empty journal and the clock on system time. The
     * admin keys ({@link #cisCentralKey()}, Service Manager keys of the configured subaccounts) stay valid.
     */
    public void reset() {
        world.reset();
        serviceManagerKeys.keySet().removeIf(id -> world.subaccounts().find(id).isEmpty());
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /** Stops every host and worker thread. Idempotent. */
    @Override
    public void close() {
        synchronized (hosts) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopHosts();
        executor.shutdownNow();
    }

    private void stopHosts() {
        List<HostServer> copy;
        synchronized (hosts) {
            copy = new ArrayList<>(hosts);
        }
        copy.forEach(HostServer::stop);
    }

    /**
     * Describes the simulator.
     *
     * @return its hosts, without secrets
     */
    @Override
    public String toString() {
        return "BtpSimulator[xsuaa=" + endpoints.xsuaa() + ", sm=" + endpoints.serviceManager() + ", cloudAlm="
                + endpoints.cloudAlmApi() + (closed ? ", closed" : "") + "]";
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "btp-simulator-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /**
     * Configures a simulator. Every setting has a default that suits most tests. Not thread-safe.
     */
    public static final class Builder {

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
        private String defaultSubaccountId = DEFAULT_SUBACCOUNT_ID;
        private String defaultSubaccountSubdomain = "calm-sim-subaccount";
        private final Map<String, String> subaccounts = new LinkedHashMap<>();
        private String cloudAlmMasterApp = "calm-api!b1234";
        private boolean mtls;
        private RetryAfterFormat retryAfterFormat = RetryAfterFormat.HTTP_DATE;
        private PrivateKeyFormat x509KeyFormat = PrivateKeyFormat.PKCS8;
        private String odataCountAnnotation = "@odata.count";
        private String cloudAlmEndpointName = "Api";
        private boolean notFoundWhileCreating = true;
        private int odataPageSize = 100;
        private int journalCapacity = 100_000;
        private boolean cisErrorsWrapped = true;
        private boolean deleteOperationsVanish;

        private Builder() {
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
        public Builder port(int port) {
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
        public Builder workerThreads(int threads) {
            this.workerThreads = positive(threads, "workerThreads");
            return this;
        }

        /**
         * Lifetime of issued tokens unless an instance sets {@code token-validity}. Default 43,199 seconds.
         *
         * @param lifetime token lifetime
         * @return this builder
         */
        public Builder tokenLifetime(Duration lifetime) {
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
        public Builder operationPolls(int polls) {
            this.operationPolls = nonNegative(polls, "operationPolls");
            return this;
        }

        /**
         * Simulated time a Service Manager operation needs before it can finish. Default zero.
         *
         * @param duration the duration on the simulator clock
         * @return this builder
         */
        public Builder operationDuration(Duration duration) {
            this.operationDuration = nonNegative(duration, "operationDuration");
            return this;
        }

        /**
         * How many times an entitlement assignment must be read (assignments or job status) before it can
         * reach {@code OK}. Default 2: the first read says {@code PROCESSING}.
         *
         * @param polls observations, 0 or more
         * @return this builder
         */
        public Builder entitlementPolls(int polls) {
            this.entitlementPolls = nonNegative(polls, "entitlementPolls");
            return this;
        }

        /**
         * Simulated time an entitlement assignment needs before it can reach {@code OK}. Default zero.
         *
         * @param duration the duration on the simulator clock
         * @return this builder
         */
        public Builder entitlementDuration(Duration duration) {
            this.entitlementDuration = nonNegative(duration, "entitlementDuration");
            return this;
        }

        /**
         * Catalog reads in a subaccount before a freshly entitled plan shows in Service Manager. Default 0.
         *
         * @param reads offering or plan reads
         * @return this builder
         */
        public Builder planVisibilityReads(int reads) {
            this.planVisibilityReads = nonNegative(reads, "planVisibilityReads");
            return this;
        }

        /**
         * Simulated time before a freshly entitled plan shows in Service Manager. Default zero.
         *
         * @param delay the delay on the simulator clock
         * @return this builder
         */
        public Builder planVisibilityDelay(Duration delay) {
            this.planVisibilityDelay = nonNegative(delay, "planVisibilityDelay");
            return this;
        }

        /**
         * Service Manager page size when a request gives no {@code max_items}. Default 5, small on purpose,
         * so that clients that read only the first page fail in tests.
         *
         * @param size page size
         * @return this builder
         */
        public Builder defaultPageSize(int size) {
            this.defaultPageSize = positive(size, "defaultPageSize");
            return this;
        }

        /**
         * Server page size of OData collections (larger {@code $top} get an {@code @odata.nextLink}).
         * Default 100.
         *
         * @param size page size
         * @return this builder
         */
        public Builder odataPageSize(int size) {
            this.odataPageSize = positive(size, "odataPageSize");
            return this;
        }

        /**
         * Service Manager rate limits. Default {@link ServiceManagerLimits#documented()}.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder serviceManagerLimits(ServiceManagerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Adds or replaces a plan the global account owns.
         *
         * @param plan the plan
         * @return this builder
         */
        public Builder globalAccountPlan(GlobalAccountPlan plan) {
            Objects.requireNonNull(plan, "plan");
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
        public Builder globalAccountPlans(List<GlobalAccountPlan> globalAccountPlans) {
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
        public Builder defaultSubaccount(String id, String subdomain) {
            this.defaultSubaccountId = Objects.requireNonNull(id, "id");
            this.defaultSubaccountSubdomain = Objects.requireNonNull(subdomain, "subdomain");
            return this;
        }

        /**
         * Another subaccount that exists from the start and survives resets.
         *
         * @param id GUID
         * @param subdomain identity zone subdomain
         * @return this builder
         */
        public Builder subaccount(String id, String subdomain) {
            subaccounts.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(subdomain, "subdomain"));
            return this;
        }

        /**
         * XSUAA master application of the Cloud ALM API broker; granted scopes look like
         * {@code <master>.calm-api.tasks.read}. Default {@code calm-api!b1234}.
         *
         * @param masterApp master application name
         * @return this builder
         */
        public Builder cloudAlmMasterApp(String masterApp) {
            this.cloudAlmMasterApp = Objects.requireNonNull(masterApp, "masterApp");
            return this;
        }

        /**
         * Starts the mutual-TLS token endpoint at once rather than on first use. Default false.
         *
         * @param enabled whether to start it eagerly
         * @return this builder
         */
        public Builder mtls(boolean enabled) {
            this.mtls = enabled;
            return this;
        }

        /**
         * Form of Service Manager's {@code Retry-After}. Default {@link RetryAfterFormat#HTTP_DATE}.
         *
         * @param format the form
         * @return this builder
         */
        public Builder retryAfterFormat(RetryAfterFormat format) {
            this.retryAfterFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * PEM form of private keys in X.509 credentials. Default {@link PrivateKeyFormat#PKCS8}.
         *
         * @param format the form
         * @return this builder
         */
        public Builder x509KeyFormat(PrivateKeyFormat format) {
            this.x509KeyFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Name of the OData count annotation: {@code @odata.count} (default) or {@code @count}.
         *
         * @param annotation the annotation name
         * @return this builder
         */
        public Builder odataCountAnnotation(String annotation) {
            if (!"@odata.count".equals(annotation) && !"@count".equals(annotation)) {
                throw new IllegalArgumentException("annotation must be @odata.count or @count");
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
        public Builder cloudAlmEndpointName(String name) {
            if (!"Api".equals(name) && !"API".equals(name)) {
                throw new IllegalArgumentException("name must be Api or API");
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
        public Builder notFoundWhileCreating(boolean enabled) {
            this.notFoundWhileCreating = enabled;
            return this;
        }

        /**
         * Whether cis errors come wrapped in {@code {"error": {...}}} (default) or bare.
         *
         * @param wrapped whether to wrap
         * @return this builder
         */
        public Builder cisErrorsWrapped(boolean wrapped) {
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
        public Builder deleteOperationsVanish(boolean enabled) {
            this.deleteOperationsVanish = enabled;
            return this;
        }

        /**
         * Most requests the journal keeps; older ones are dropped. Default 100,000.
         *
         * @param capacity journal capacity
         * @return this builder
         */
        public Builder journalCapacity(int capacity) {
            this.journalCapacity = positive(capacity, "journalCapacity");
            return this;
        }

        /**
         * Binds the hosts and starts answering.
         *
         * @return the running simulator
         * @throws java.io.UncheckedIOException when a port cannot be bound
         */
        public BtpSimulator start() {
            return new BtpSimulator(this);
        }

        Settings settings() {
            return new Settings(port, workerThreads, tokenLifetime, operationPolls, operationDuration,
                    entitlementPolls, entitlementDuration, planVisibilityReads, planVisibilityDelay, defaultPageSize,
                    maxPageSize, limits, new ArrayList<>(plans.values()), defaultSubaccountId,
                    defaultSubaccountSubdomain, cloudAlmMasterApp, mtls, retryAfterFormat, x509KeyFormat,
                    odataCountAnnotation, cloudAlmEndpointName, notFoundWhileCreating, odataPageSize,
                    journalCapacity, cisErrorsWrapped, deleteOperationsVanish);
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }

        private static int nonNegative(int value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }

        private static Duration nonNegative(Duration value, String name) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return value;
        }
    }
}
