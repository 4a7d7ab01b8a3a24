package io.calmsdk.core.internal.http;

import io.calmsdk.core.CalmSdk;
import io.calmsdk.core.Sleeper;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.http.AuthHeader;
import io.calmsdk.core.http.Authenticator;
import io.calmsdk.core.http.RetryPolicy;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link TransportRequest}s over java.net.http with timeouts, retries, authentication, a
 * correlation id and safe logging. Immutable, thread-safe, one shared {@link HttpClient} per transport.
 *
 * <p>Per call: a fresh {@code X-CorrelationID} (a UUID, the same on every attempt of the call), a
 * {@code User-Agent: calm-sdk-java/<version>}, the whole-call deadline ({@code callTimeout}, waits
 * included). Per attempt: a fresh credential from the {@link Authenticator}, the attempt timeout, a
 * DEBUG line for the request and one for the answer (allow-listed headers only, never a body).
 *
 * <p>Retries follow the {@link RetryPolicy} (driven by a Resilience4j {@link Retry} inside): connect
 * failures always (the request never left), attempt timeouts, broken connections and the retryable
 * statuses only for idempotent requests, so a POST is never repeated once it may have reached the
 * service; the one exception is 429, which refuses a request before processing it. A service-requested wait ({@code Retry-After}) replaces the computed backoff; when it is
 * longer than {@link RetryPolicy#maxRetryAfter()} or would end after the call deadline, the call ends
 * at once with the service's error. A 401 with an authenticator invalidates exactly the refused header
 * and is retried once with a fresh one; a second 401 is final. Each retry logs one WARN line.
 *
 * <p>Outcomes: 2xx and {@linkplain TransportRequest.Builder#accept(int...) accepted} statuses are
 * returned; other statuses throw {@link CalmServiceException#of(ServiceFailure)} with the service's
 * error code and message; no answer throws {@link CalmClientException} (naming the host), or
 * {@link CalmTimeoutException} when time ran out.
 */
public final class HttpTransport implements AutoCloseable {

    static final String CORRELATION_HEADER = "X-CorrelationID";
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final AtomicInteger THREAD_COUNTER = new AtomicInteger();

    private final HttpClient client;
    private final ExecutorService ownedExecutor;
    private final Executor asyncExecutor;
    private final Duration attemptTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final Retry retry;
    private final Authenticator authenticator;
    private final String userAgent;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AsyncSleeper asyncSleeper;
    private final LongSupplier nanoTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpTransport(Builder b) {
        if (b.httpClient != null) {
            this.client = b.httpClient;
            this.ownedExecutor = null;
        } else {
            this.ownedExecutor = Executors.newCachedThreadPool(daemonThreads());
            HttpClient.Builder cb = HttpClient.newBuilder()
                    .connectTimeout(b.connectTimeout)
                    // HTTP/1.1: whether a failed request reached the service is clear-cut, which the
                    // never-repeat-a-POST rule depends on.
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    // Honours the https.proxyHost / http.proxyHost system properties.
                    .proxy(ProxySelector.getDefault())
                    .executor(ownedExecutor);
            if (b.sslContext != null) {
                cb.sslContext(b.sslContext);
            }
            this.client = cb.build();
        }
        this.asyncExecutor = client.executor().orElse(ForkJoinPool.commonPool());
        this.attemptTimeout = b.attemptTimeout;
        this.callTimeout = b.callTimeout;
        this.retryPolicy = b.retryPolicy;
        this.authenticator = b.authenticator;
        this.userAgent = "calm-sdk-java/" + CalmSdk.version() + (b.userAgentSuffix == null ? "" : " " + b.userAgentSuffix);
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.asyncSleeper = b.asyncSleeper;
        this.nanoTime = b.nanoTime;
        this.retry = Retry.of("calm-sdk-http", RetryConfig.<Outcome>custom()
                .maxAttempts(retryPolicy.maxAttempts())
                .intervalBiFunction(waitBeforeRetry(retryPolicy))
                .retryOnResult(Outcome::retryable)
                .failAfterMaxAttempts(false)
                .build());
    }

    /**
     * Starts a builder.
     *
     * @return a new builder with the documented defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the request, retrying as the policy allows, and waits for the outcome.
     *
     * @param request the request
     * @return the answer, for a 2xx or accepted status
     * @throws CalmServiceException (a subclass matching the status) for any other status
     * @throws CalmTimeoutException if the attempt or call timeout ran out
     * @throws CalmClientException if no answer was obtained or the thread was interrupted
     * @throws IllegalStateException if the transport is closed
     */
    public TransportResponse send(TransportRequest request) {
        Call call = newCall(request);
        while (true) {
            HttpRequest httpRequest = call.prepareAttempt();
            HttpResponse<byte[]> response = null;
            Throwable failure = null;
            CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(httpRequest,
                    HttpResponse.BodyHandlers.ofByteArray());
            try {
                // HttpRequest.timeout covers the wait for the headers; this covers the body as well.
                response = future.get(call.attemptBudget.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause() == null ? e : e.getCause();
            } catch (TimeoutException e) {
                future.cancel(true);
                failure = e;
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new CalmClientException(call.describe() + ": interrupted while waiting for the answer", e);
            }
            Decision decision = call.decide(response, failure);
            if (decision.response != null) {
                return decision.response;
            }
            if (decision.error != null) {
                throw decision.error;
            }
            if (decision.wait.isZero()) {
                continue;
            }
            try {
                sleeper.sleep(decision.wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CalmClientException(call.describe() + ": interrupted while waiting to retry", e);
            }
        }
    }

    /**
     * Sends the request asynchronously, retrying as the policy allows. No thread is blocked while
     * waiting for answers or between retries, and the authenticator is never called on the caller's
     * thread. Cancelling the returned future stops further attempts.
     *
     * @param request the request
     * @return a future completed with the answer (2xx or accepted status), or exceptionally with the
     *     same exceptions {@link #send(TransportRequest)} throws
     * @throws IllegalStateException if the transport is closed
     */
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
        Call call = newCall(request);
        CompletableFuture<TransportResponse> result = new CompletableFuture<>();
        result.whenComplete((r, e) -> {
            CompletableFuture<?> inFlight = call.inFlight;
            if (result.isCancelled() && inFlight != null) {
                inFlight.cancel(true);
            }
        });
        if (call.auth == null) {
            attemptAsync(call, result);
        } else {
            // Authenticator.authorize() may block while it fetches a token: not on the caller's thread.
            asyncExecutor.execute(() -> attemptAsync(call, result));
        }
        return result;
    }

    private void attemptAsync(Call call, CompletableFuture<TransportResponse> result) {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            HttpRequest httpRequest = call.prepareAttempt();
            future = client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
                    .orTimeout(call.attemptBudget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        call.inFlight = future;
        future.whenComplete((response, failure) -> {
            Decision decision;
            try {
                decision = call.decide(response, failure == null ? null : unwrap(failure));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            if (decision.response != null) {
                result.complete(decision.response);
            } else if (decision.error != null) {
                result.completeExceptionally(decision.error);
            } else {
                CompletableFuture<Void> wait = decision.wait.isZero()
                        ? CompletableFuture.completedFuture(null) : asyncSleeper.delay(decision.wait);
                wait.whenCompleteAsync((ignored, waitFailure) -> {
                    if (waitFailure != null) {
                        result.completeExceptionally(new CalmClientException(
                                call.describe() + ": the wait before the next attempt failed", unwrap(waitFailure)));
                    } else {
                        attemptAsync(call, result);
                    }
                }, asyncExecutor);
            }
        });
    }

    private Call newCall(TransportRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new IllegalStateException("the HTTP transport is closed");
        }
        return new Call(request);
    }

    /**
     * Releases the threads of the HTTP client this transport created; a client passed to
     * {@link Builder#httpClient(HttpClient)} is left alone. Calls already running may fail; new calls
     * are refused. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    /**
     * The settings, never the credentials.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "HttpTransport{userAgent=" + userAgent + ", attemptTimeout=" + attemptTimeout + ", callTimeout="
                + callTimeout + ", retryPolicy=" + retryPolicy + ", authenticator="
                + (authenticator == null ? "none" : authenticator.getClass().getSimpleName()) + "}";
    }

    private static IntervalBiFunction<Outcome> waitBeforeRetry(RetryPolicy policy) {
        return (retryNumber, outcome) -> {
            Optional<Duration> asked = outcome.isRight() ? outcome.get().retryAfter : Optional.empty();
            return asked.orElseGet(() -> policy.backoff(retryNumber)).toMillis();
        };
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread t = new Thread(runnable, "calm-sdk-http-" + THREAD_COUNTER.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static Throwable unwrap(Throwable t) {
        Throwable x = t;
        while ((x instanceof java.util.concurrent.CompletionException || x instanceof ExecutionException)
                && x.getCause() != null) {
            x = x.getCause();
        }
        return x;
    }

    /** One call: its correlation id, deadline, attempt count and retry state. Used by one thread at a time. */
    private final class Call {
        private final TransportRequest request;
        private final Authenticator auth;
        private final String correlationId;
        private final long startNanos;
        private final long deadlineNanos;
        private final Retry.AsyncContext<Outcome> retryContext = retry.asyncContext();
        private int attempts;
        private boolean reauthorized;
        private AuthHeader sentAuth;
        private long attemptStartNanos;
        private Duration attemptBudget;
        private boolean budgetCutByDeadline;
        private String lastProblem;
        private volatile CompletableFuture<?> inFlight;

        Call(TransportRequest request) {
            this.request = request;
            switch (request.authMode()) {
                case NONE:
                    this.auth = null;
                    break;
                case OVERRIDE:
                    this.auth = request.authenticator();
                    break;
                default:
                    this.auth = authenticator;
            }
            this.correlationId = request.header(CORRELATION_HEADER).orElseGet(() -> UUID.randomUUID().toString());
            this.startNanos = nanoTime.getAsLong();
            this.deadlineNanos = startNanos + callTimeout.toNanos();
        }

        HttpRequest prepareAttempt() {
            long remaining = deadlineNanos - nanoTime.getAsLong();
            if (remaining <= 0) {
                throw callTimedOut(null);
            }
            attemptBudget = Duration.ofNanos(Math.min(attemptTimeout.toNanos(), remaining));
            budgetCutByDeadline = attemptBudget.compareTo(attemptTimeout) < 0;
            attempts++;
            sentAuth = null;
            if (auth != null) {
                sentAuth = Objects.requireNonNull(auth.authorize(), "Authenticator.authorize() returned null");
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(attemptBudget);
            byte[] body = request.bodyBytes();
            b.method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            boolean hasAccept = false;
            for (var h : request.plainHeaders()) {
                if (!h.getKey().equalsIgnoreCase(CORRELATION_HEADER)) {
                    b.header(h.getKey(), h.getValue());
                }
                hasAccept |= h.getKey().equalsIgnoreCase("Accept");
            }
            request.secretHeaders().forEach((name, value) -> b.setHeader(name, value.reveal()));
            if (!hasAccept) {
                b.setHeader("Accept", "application/json");
            }
            request.contentType().ifPresent(type -> b.setHeader("Content-Type", type));
            b.setHeader("User-Agent", userAgent);
            b.setHeader(CORRELATION_HEADER, correlationId);
            if (sentAuth != null) {
                b.setHeader(sentAuth.name(), sentAuth.value().reveal());
            }
            HttpRequest httpRequest = b.build();
            if (LOG.isDebugEnabled()) {
                LOG.debug("--> {} attempt {}/{}{}", describe(), attempts, retryPolicy.maxAttempts(),
                        HeaderLog.format(httpRequest.headers()));
            }
            attemptStartNanos = nanoTime.getAsLong();
            return httpRequest;
        }

        Decision decide(HttpResponse<byte[]> response, Throwable failure) {
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - attemptStartNanos);
            return failure == null ? decideOnAnswer(response, elapsedMillis) : decideOnFailure(failure, elapsedMillis);
        }

        private Decision decideOnAnswer(HttpResponse<byte[]> response, long elapsedMillis) {
            int status = response.statusCode();
            if (LOG.isDebugEnabled()) {
                LOG.debug("<-- {} {} attempt {}/{} in {} ms{}", status, describe(), attempts,
                        retryPolicy.maxAttempts(), elapsedMillis, HeaderLog.format(response.headers()));
            }
            if (status / 100 == 2 || request.accepts(status)) {
                return Decision.done(new TransportResponse(request.method(), request.uri(), status,
                        response.headers(), response.body(), attempts, correlationId));
            }
            if (status == 401 && auth != null && !reauthorized) {
                reauthorized = true;
                auth.invalidate(sentAuth);
                LOG.warn("{}: HTTP 401, the credential was refused; retrying once with a fresh one [correlation id {}]",
                        describe(), correlationId);
                return Decision.retryAfter(Duration.ZERO);
            }
            lastProblem = "HTTP " + status;
            Optional<Duration> asked = RetryAfter.parse(response.headers(), clock);
            // A 429 means the rate limiter refused the request before it was processed, so even a POST
            // is safe to send again; other statuses are retried only for idempotent requests.
            boolean retryable = retryPolicy.isRetryableStatus(status) && (request.idempotent() || status == 429);
            if (retryable && asked.map(a -> a.compareTo(retryPolicy.maxRetryAfter()) <= 0).orElse(true)) {
                Optional<Duration> wait = nextWait(new Outcome(true, asked));
                if (wait.isPresent()) {
                    warnRetry("HTTP " + status, wait.get());
                    return Decision.retryAfter(wait.get());
                }
            }
            return Decision.fail(serviceException(response, asked.orElse(null)));
        }

        private Decision decideOnFailure(Throwable failure, long elapsedMillis) {
            FailureKind kind = FailureKind.of(failure);
            lastProblem = kind.describe(failure);
            if (LOG.isDebugEnabled()) {
                LOG.debug("<-- failed {} attempt {}/{} after {} ms: {}", describe(), attempts,
                        retryPolicy.maxAttempts(), elapsedMillis, kind.describe(failure));
            }
            if (kind == FailureKind.ATTEMPT_TIMEOUT && budgetCutByDeadline) {
                return Decision.fail(callTimedOut(failure));
            }
            boolean retryable = kind == FailureKind.CONNECT_FAILED
                    || (request.idempotent() && (kind == FailureKind.ATTEMPT_TIMEOUT || kind == FailureKind.IO_FAILURE));
            if (retryable) {
                Optional<Duration> wait = nextWait(new Outcome(true, Optional.empty()));
                if (wait.isPresent()) {
                    warnRetry(kind.describe(failure), wait.get());
                    return Decision.retryAfter(wait.get());
                }
                if (attempts < retryPolicy.maxAttempts()) {
                    // Retries were left but the deadline leaves no room for the wait.
                    return Decision.fail(callTimedOut(failure));
                }
            }
            return Decision.fail(clientException(kind, failure));
        }

        /** The wait before the next attempt, or empty when retries are exhausted or the deadline forbids it. */
        private Optional<Duration> nextWait(Outcome outcome) {
            long millis = retryContext.onResult(outcome);
            if (millis < 0) {
                return Optional.empty();
            }
            Duration wait = Duration.ofMillis(millis);
            if (nanoTime.getAsLong() + wait.toNanos() >= deadlineNanos) {
                return Optional.empty();
            }
            return Optional.of(wait);
        }

        private void warnRetry(String reason, Duration wait) {
            LOG.warn("{}: {} on attempt {} of {}; retrying in {} ms [correlation id {}]", describe(), reason,
                    attempts, retryPolicy.maxAttempts(), wait.toMillis(), correlationId);
        }

        private CalmServiceException serviceException(HttpResponse<byte[]> response, Duration retryAfter) {
            ErrorEnvelopes.Parsed parsed = ErrorEnvelopes.read(response.body(), !request.sensitive());
            String id = parsed.correlationId != null ? parsed.correlationId
                    : response.headers().firstValue(CORRELATION_HEADER).orElse(correlationId);
            return CalmServiceException.of(ServiceFailure.builder()
                    .operation(request.operation().orElse(null))
                    .status(response.statusCode())
                    .method(request.method())
                    .url(request.uri())
                    .errorCode(parsed.code)
                    .errorMessage(parsed.message)
                    .correlationId(id)
                    .attempts(attempts)
                    .retryAfter(retryAfter)
                    .build());
        }

        private CalmClientException clientException(FailureKind kind, Throwable failure) {
            String after = attempts == 1 ? "" : " after " + attempts + " attempts";
            boolean mayHaveArrived = kind == FailureKind.ATTEMPT_TIMEOUT || kind == FailureKind.IO_FAILURE;
            String notRetried = request.idempotent() || !mayHaveArrived ? ""
                    : "; not retried because the request may have reached the service and " + request.method()
                    + " is not idempotent: check whether it took effect before sending it again";
            String tail = " [correlation id " + correlationId + "]";
            switch (kind) {
                case ATTEMPT_TIMEOUT:
                    return new CalmTimeoutException(describe() + ": no answer within the attempt timeout of "
                            + attemptTimeout.toMillis() + " ms" + after + notRetried + tail, attemptTimeout, failure);
                case CONNECT_FAILED:
                    return new CalmClientException(describe() + ": could not connect to " + hostAndPort() + after
                            + " (" + kind.describe(failure) + "); check the URL, the network and proxy settings" + tail,
                            failure);
                case TLS_FAILURE:
                    return new CalmClientException(describe() + ": the TLS handshake with " + hostAndPort()
                            + " failed (" + kind.describe(failure) + "); check the trust store and, for X.509 keys,"
                            + " the client certificate" + tail, failure);
                case IO_FAILURE:
                    return new CalmClientException(describe() + ": the connection to " + hostAndPort()
                            + " failed" + after + " (" + kind.describe(failure) + ")" + notRetried + tail, failure);
                default:
                    return new CalmClientException(describe() + ": the request to " + hostAndPort() + " failed ("
                            + kind.describe(failure) + ")" + tail, failure);
            }
        }

        private CalmTimeoutException callTimedOut(Throwable lastFailure) {
            return new CalmTimeoutException(describe() + ": did not complete within the call timeout of "
                    + callTimeout.toMillis() + " ms (" + attempts + (attempts == 1 ? " attempt" : " attempts")
                    + (lastProblem == null ? "" : ", last: " + lastProblem)
                    + ") [correlation id " + correlationId + "]", callTimeout, lastFailure);
        }

        private String hostAndPort() {
            URI uri = request.uri();
            return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        }

        String describe() {
            return request.method() + " " + request.redactedUrl() + request.operation().map(o -> " (" + o + ")").orElse("");
        }
    }

    /** What one attempt gave, as Resilience4j sees it. */
    static final class Outcome {
        private final boolean retryable;
        private final Optional<Duration> retryAfter;

        Outcome(boolean retryable, Optional<Duration> retryAfter) {
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        boolean retryable() {
            return retryable;
        }
    }

    /** The end of one attempt: an answer to return, an error to throw, or a wait before the next attempt. */
    private static final class Decision {
        final TransportResponse response;
        final RuntimeException error;
        final Duration wait;

        private Decision(TransportResponse response, RuntimeException error, Duration wait) {
            this.response = response;
            this.error = error;
            this.wait = wait;
        }

        static Decision done(TransportResponse response) {
            return new Decision(response, null, null);
        }

        static Decision fail(RuntimeException error) {
            return new Decision(null, error, null);
        }

        static Decision retryAfter(Duration wait) {
            return new Decision(null, null, wait);
        }
    }

    /**
     * Builds an {@link HttpTransport}. Not thread-safe. Every setting has a default; {@link #build()}
     * checks them all.
     */
    public static final class Builder {
        private HttpClient httpClient;
        private SSLContext sslContext;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean connectTimeoutSet;
        private Duration attemptTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofMinutes(2);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Authenticator authenticator;
        private String userAgentSuffix;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private AsyncSleeper asyncSleeper = AsyncSleeper.system();
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /**
         * Uses this client instead of creating one. The transport then neither configures nor closes it:
         * its connect timeout, TLS, proxy, HTTP version and redirect settings apply as they are.
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /**
         * Sets the TLS context of the created client, e.g. with a client certificate for mutual TLS
         * (X.509 service keys). Default: the JVM's default context.
         *
         * @param ctx the TLS context
         * @return this builder
         */
        public Builder sslContext(SSLContext ctx) {
            this.sslContext = Objects.requireNonNull(ctx, "sslContext");
            return this;
        }

        /**
         * Sets how long opening a connection may take. Default 10 s.
         *
         * @param d positive
         * @return this builder
         */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d, "connectTimeout");
            this.connectTimeoutSet = true;
            return this;
        }

        /**
         * Sets how long one attempt may take, from sending to the last byte of the answer. Default 30 s.
         *
         * @param d positive
         * @return this builder
         */
        public Builder attemptTimeout(Duration d) {
            this.attemptTimeout = Objects.requireNonNull(d, "attemptTimeout");
            return this;
        }

        /**
         * Sets how long a whole call may take, all attempts and waits included. Default 2 min.
         *
         * @param d positive
         * @return this builder
         */
        public Builder callTimeout(Duration d) {
            this.callTimeout = Objects.requireNonNull(d, "callTimeout");
            return this;
        }

        /**
         * Sets the retry policy. Default {@link RetryPolicy#defaults()}.
         *
         * @param p the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy p) {
            this.retryPolicy = Objects.requireNonNull(p, "retryPolicy");
            return this;
        }

        /**
         * Sets the authenticator used for every request that does not override it. Default: none.
         *
         * @param a the authenticator
         * @return this builder
         */
        public Builder authenticator(Authenticator a) {
            this.authenticator = Objects.requireNonNull(a, "authenticator");
            return this;
        }

        /**
         * Appends a product token to the {@code User-Agent}, e.g. {@code my-tool/1.2}.
         *
         * @param s printable ASCII without line breaks
         * @return this builder
         */
        public Builder userAgentSuffix(String s) {
            this.userAgentSuffix = s;
            return this;
        }

        /**
         * Sets the clock that {@code Retry-After} dates are compared with. Default: system UTC.
         *
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * Sets how {@link #send(TransportRequest)} waits between attempts. Default: {@link Sleeper#system()}.
         *
         * @param s the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        /**
         * Sets how {@link #sendAsync(TransportRequest)} waits between attempts without blocking a thread.
         * Default: {@link AsyncSleeper#system()}.
         *
         * @param s the async sleeper
         * @return this builder
         */
        public Builder asyncSleeper(AsyncSleeper s) {
            this.asyncSleeper = Objects.requireNonNull(s, "asyncSleeper");
            return this;
        }

        /** For tests: the monotonic time source of deadlines and elapsed times, in nanoseconds. */
        Builder nanoTime(LongSupplier source) {
            this.nanoTime = Objects.requireNonNull(source, "nanoTime");
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return the transport; close it to release the threads of the client it created
         * @throws IllegalStateException naming the setting when a timeout is not positive, the
         *     user-agent suffix is not printable, or {@code sslContext} or {@code connectTimeout} is
         *     combined with {@code httpClient}
         */
        public HttpTransport build() {
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("attemptTimeout", attemptTimeout);
            requirePositive("callTimeout", callTimeout);
            if (userAgentSuffix != null && (userAgentSuffix.isBlank()
                    || !userAgentSuffix.chars().allMatch(c -> c >= 32 && c < 127))) {
                throw new IllegalStateException("userAgentSuffix must be printable ASCII without line breaks, was '"
                        + userAgentSuffix.replaceAll("\\p{Cntrl}", "?") + "'");
            }
            if (httpClient != null && sslContext != null) {
                throw new IllegalStateException("sslContext cannot be combined with httpClient:"
                        + " configure the SSLContext on that HttpClient");
            }
            if (httpClient != null && connectTimeoutSet) {
                throw new IllegalStateException("connectTimeout cannot be combined with httpClient:"
                        + " configure the connect timeout on that HttpClient");
            }
            return new HttpTransport(this);
        }

        private static void requirePositive(String setting, Duration d) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalStateException(setting + " must be positive, was " + d);
            }
        }
    }
}
