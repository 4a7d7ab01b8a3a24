package io.calmsdk.core;

import io.calmsdk.core.http.RequestListener;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.ClientOptionsAccess;
import io.calmsdk.core.internal.http.SharedHttpClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings every calm-sdk client shares, whatever endpoint it calls: timeouts, retries, the HTTP
 * client, the {@code User-Agent} suffix, the clock, the sleeper, request listeners and the polling of
 * long-running operations.
 *
 * <p>Pass one instance to the {@code options(...)} method of any client or token provider builder
 * ({@code CloudAlmClient}, {@code ServiceManagerClient}, {@code EntitlementsClient}, {@code AccountsClient},
 * {@code CloudAlmProvisioner}, {@code ClientCredentialsTokenProvider}). A client hands the same options to
 * the token provider it creates, so token requests get the same timeouts, retries and HTTP client as the
 * calls they serve.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *         .callTimeout(Duration.ofSeconds(30))
 *         .userAgentSuffix("nightly-sync/1.4")
 *         .build();
 * CloudAlmClient calm = CloudAlmClient.builder().credentials(key).options(options).build();
 * }</pre>
 *
 * <h2>One HTTP client per options</h2>
 * Unless {@link Builder#httpClient(HttpClient)} supplies one, the clients built from the same
 * {@code ClientOptions} instance share one {@link HttpClient} (and its threads), created by the first
 * client and released when the last of them is closed (its executor shut down and, on Java 21 and later,
 * the client closed). They also share one retry budget ({@link RetryPolicy#retryBudget()}). An HTTP client you supply is used as it is and never
 * closed by calm-sdk. Token requests over mutual TLS (X.509 keys) need a client certificate, so they use an
 * HTTP client of their own.
 *
 * <p>Defaults: connect timeout 10 s, attempt timeout 30 s, call timeout 2 min, {@link RetryPolicy#defaults()},
 * the UTC system clock, {@link Sleeper#system()}, no listeners, {@link PollingOptions#defaults()}, answers up to
 * 32 MiB. Immutable
 * and thread-safe.
 */
public final class ClientOptions {

    static {
        ClientOptionsAccess.register(options -> options.sharedHttpClient);
    }

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
    /** The default cap on an answer read into memory: 32 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BODY_SIZE = 32L * 1024 * 1024;

    private final Duration connectTimeout;
    private final boolean connectTimeoutSet;
    private final Duration attemptTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final HttpClient httpClient;
    private final String userAgentSuffix;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<RequestListener> requestListeners;
    private final PollingOptions polling;
    private final long maxResponseBodySize;
    private final SharedHttpClient sharedHttpClient;

    private ClientOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.connectTimeoutSet = b.connectTimeoutSet;
        this.attemptTimeout = b.attemptTimeout;
        this.callTimeout = b.callTimeout;
        this.retryPolicy = b.retryPolicy;
        this.httpClient = b.httpClient;
        this.userAgentSuffix = b.userAgentSuffix;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.requestListeners = List.copyOf(b.requestListeners);
        this.polling = b.polling;
        this.maxResponseBodySize = b.maxResponseBodySize;
        this.sharedHttpClient = new SharedHttpClient(httpClient, connectTimeout, retryPolicy.retryBudget());
    }

    /**
     * Options with every default. Each call returns a new instance, so clients built from two calls do
     * not share an HTTP client; keep one instance to share.
     *
     * @return the default options
     */
    public static ClientOptions defaults() {
        return builder().build();
    }

    /**
     * Starts a builder with every default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these settings, to derive other options. The options it builds are a new
     * instance: clients built from them get an HTTP client of their own (unless one was supplied).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.connectTimeoutSet = connectTimeoutSet;
        b.attemptTimeout = attemptTimeout;
        b.callTimeout = callTimeout;
        b.retryPolicy = retryPolicy;
        b.httpClient = httpClient;
        b.userAgentSuffix = userAgentSuffix;
        b.clock = clock;
        b.sleeper = sleeper;
        b.requestListeners.addAll(requestListeners);
        b.polling = polling;
        b.maxResponseBodySize = maxResponseBodySize;
        return b;
    }

    /**
     * The TCP connect timeout of the HTTP client calm-sdk creates; not used with a supplied HTTP client.
     *
     * @return the timeout; default 10 s
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The timeout of one attempt, until the whole answer is read.
     *
     * @return the timeout; default 30 s
     */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    /**
     * The timeout of a whole call, retries and the waits between them included.
     *
     * @return the timeout; default 2 min
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * How failed idempotent calls are retried.
     *
     * @return the policy; default {@link RetryPolicy#defaults()}
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * The HTTP client supplied by the caller, if any.
     *
     * @return the supplied client; empty when calm-sdk creates (and closes) its own
     */
    public Optional<HttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /**
     * The product token appended to the {@code User-Agent} ({@code calm-sdk-java/<version> <suffix>}).
     *
     * @return the suffix; empty by default
     */
    public Optional<String> userAgentSuffix() {
        return Optional.ofNullable(userAgentSuffix);
    }

    /**
     * The clock used to read HTTP dates (in {@code Retry-After}) and token expiry.
     *
     * @return the clock; default the UTC system clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * How calls wait between retries and polls.
     *
     * @return the sleeper; default {@link Sleeper#system()}
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The listeners told about every HTTP attempt, in the order they were added.
     *
     * @return an immutable list; empty by default
     */
    public List<RequestListener> requestListeners() {
        return requestListeners;
    }

    /**
     * How long-running operations (Service Manager operations, entitlement jobs) are polled.
     *
     * @return the polling; default {@link PollingOptions#defaults()}
     */
    public PollingOptions polling() {
        return polling;
    }

    /**
     * The largest answer body read into memory; a larger one ends the call with a {@code
     * CalmClientException} naming this setting (not retried: it would be as large again).
     *
     * @return the limit in bytes; default {@value #DEFAULT_MAX_RESPONSE_BODY_SIZE} (32 MiB)
     */
    public long maxResponseBodySize() {
        return maxResponseBodySize;
    }

    /**
     * The settings; never credentials (options hold none).
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "ClientOptions{connectTimeout=" + connectTimeout + ", attemptTimeout=" + attemptTimeout
                + ", callTimeout=" + callTimeout + ", retryPolicy=" + retryPolicy
                + ", maxResponseBodySize=" + maxResponseBodySize
                + ", httpClient=" + (httpClient == null ? "shared" : "supplied")
                + (userAgentSuffix == null ? "" : ", userAgentSuffix=" + userAgentSuffix)
                + ", requestListeners=" + requestListeners.size() + "}";
    }

    /**
     * Builds {@link ClientOptions}. Setters only reject {@code null}; {@link #build()} checks the values.
     * Not thread-safe.
     */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private boolean connectTimeoutSet;
        private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private HttpClient httpClient;
        private String userAgentSuffix;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private final List<RequestListener> requestListeners = new ArrayList<>();
        private PollingOptions polling = PollingOptions.defaults();
        private long maxResponseBodySize = DEFAULT_MAX_RESPONSE_BODY_SIZE;

        private Builder() {
        }

        /**
         * Sets the TCP connect timeout of the HTTP client calm-sdk creates; default 10 s. Cannot be combined
         * with {@link #httpClient(HttpClient)}: set it on that client instead.
         *
         * @param connectTimeout the timeout, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            this.connectTimeoutSet = true;
            return this;
        }

        /**
         * Sets the timeout of one attempt, until the whole answer is read; default 30 s.
         *
         * @param attemptTimeout the timeout, positive
         * @return this builder
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = Objects.requireNonNull(attemptTimeout, "attemptTimeout");
            return this;
        }

        /**
         * Sets the timeout of a whole call, retries and waits included; default 2 min.
         *
         * @param callTimeout the timeout, positive
         * @return this builder
         */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
            return this;
        }

        /**
         * Sets how idempotent calls are retried; default {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy the policy; {@link RetryPolicy#none()} never retries
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Uses this HTTP client (for proxies, TLS settings or your own executor) instead of one calm-sdk
         * creates. calm-sdk never closes it. Redirects should stay off: calm-sdk never follows one.
         *
         * @param httpClient the HTTP client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Appends a product token to the {@code User-Agent}, so the services' logs show your application.
         *
         * @param userAgentSuffix printable ASCII without line breaks, e.g. {@code my-sync-job/1.2}
         * @return this builder
         */
        public Builder userAgentSuffix(String userAgentSuffix) {
            this.userAgentSuffix = Objects.requireNonNull(userAgentSuffix, "userAgentSuffix");
            return this;
        }

        /**
         * Sets the clock used to read HTTP dates and token expiry; default the UTC system clock. For tests.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how calls wait between retries and polls; default {@link Sleeper#system()}. For tests.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets how long-running operations are polled: first delay, growth, longest interval and the total
         * time to wait; default {@link PollingOptions#defaults()}. A service's {@code Retry-After} wins.
         *
         * @param polling the polling options
         * @return this builder
         */
        public Builder polling(PollingOptions polling) {
            this.polling = Objects.requireNonNull(polling, "polling");
            return this;
        }

        /**
         * Sets the largest answer body read into memory; default 32 MiB. A larger answer (announced by
         * {@code Content-Length} or found while reading) ends the call with a {@code CalmClientException}.
         *
         * @param bytes the limit, positive
         * @return this builder
         */
        public Builder maxResponseBodySize(long bytes) {
            this.maxResponseBodySize = bytes;
            return this;
        }

        /**
         * Adds a listener told before and after every HTTP attempt, token requests included.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder addRequestListener(RequestListener listener) {
            this.requestListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalStateException naming the setting when a timeout or the body size is not positive, the
         *     {@code userAgentSuffix} is not printable ASCII, or {@code connectTimeout} is combined with
         *     {@code httpClient}
         */
        public ClientOptions build() {
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("attemptTimeout", attemptTimeout);
            requirePositive("callTimeout", callTimeout);
            if (maxResponseBodySize < 1) {
                throw new IllegalStateException("maxResponseBodySize must be positive, was " + maxResponseBodySize);
            }
            if (userAgentSuffix != null && (userAgentSuffix.isBlank()
                    || !userAgentSuffix.chars().allMatch(c -> c >= 32 && c < 127))) {
                throw new IllegalStateException("userAgentSuffix must be printable ASCII without line breaks, was '"
                        + userAgentSuffix.replaceAll("\\p{Cntrl}", "?") + "'");
            }
            if (httpClient != null && connectTimeoutSet) {
                throw new IllegalStateException("connectTimeout cannot be combined with httpClient:"
                        + " configure the connect timeout on that HttpClient");
            }
            return new ClientOptions(this);
        }

        private static void requirePositive(String setting, Duration d) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalStateException(setting + " must be positive, was " + d);
            }
        }
    }

    /**
     * Waits for a duration. Retries and pollers wait through a sleeper so that tests can inject one that
     * returns at once and records the waits.
     */
    @FunctionalInterface
    public interface Sleeper {

        /**
         * Waits for the given duration.
         *
         * @param duration how long to wait; zero or negative returns at once
         * @throws InterruptedException if the thread is interrupted while waiting
         */
        void sleep(Duration duration) throws InterruptedException;

        /**
         * The sleeper that really waits, with {@link Thread#sleep(long)}.
         *
         * @return the system sleeper, always the same instance
         */
        static Sleeper system() {
            return io.calmsdk.core.internal.http.SystemSleeper.INSTANCE;
        }
    }
}
