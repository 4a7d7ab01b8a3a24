package io.calmsdk.core.internal.http;

import io.calmsdk.core.CalmSdk;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.http.RetryPolicy;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
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
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

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
 * failures always (the request never left), attempt timeouts, broken connections, the retryable
 * statuses and a 2xx answer whose body is not the JSON its {@code Content-Type} claims (garbled or cut
 * short) only for idempotent requests, so a POST is never repeated once it may have reached the
 * service; the one exception is 429, which refuses a request before processing it. A service-requested wait ({@code Retry-After}) replaces the computed backoff; when it is
 * longer than {@link RetryPolicy#maxRetryAfter()} or would end after the call deadline, the call ends
 * at once with the service's error. A 401 with an authenticator invalidates exactly the refused header
 * and is retried once with a fresh one; a second 401 is final. Each retry logs one WARN line.
 *
 * <p>Every retry also draws from the retry budget shared by all calls of the same {@link ClientOptions}
 * ({@link RetryPolicy#retryBudget()}); an empty budget ends the call with its own error at once.
 *
 * <p>{@link #send(TransportRequest)} runs {@link HttpClient#send} on the caller's thread, no thread started
 * per request: {@code HttpRequest.timeout} bounds the wait for the headers and the body handler the read of
 * the body, both by the attempt budget. {@link #sendAsync(TransportRequest)} never blocks a thread.
 *
 * <p>Answers are read into memory up to {@link ClientOptions#maxResponseBodySize()}; a larger one ends
 * the call with a {@link CalmClientException} naming that setting.
 *
 * <p>Outcomes: 2xx and {@linkplain TransportRequest.Builder#accept(int...) accepted} statuses are
 * returned; other statuses throw {@link CalmServiceException#of(ServiceFailure)} with the service's
 * error code and message; no answer throws {@link CalmClientException} (naming the host), or
 * {@link CalmTimeoutException} when time ran out.
 */
public final class HttpTransport implements AutoCloseable {

    /** The header that carries the call's correlation id. */
    static final String CORRELATION_HEADER = "X-CorrelationID";

    final String api;
    final Duration attemptTimeout;
    final Duration callTimeout;
    final RetryPolicy retryPolicy;
    final Retry retry;
    final Authenticator authenticator;
    final String userAgent;
    final Clock clock;
    final LongSupplier nanoTime;
    final RequestListeners listeners;
    final long maxBodySize;
    final RetryBudget retryBudget;
    private final SharedHttpClient.Lease lease;
    private final HttpClient client;
    private final Executor asyncExecutor;
    private final ClientOptions.Sleeper sleeper;
    private final AsyncSleeper asyncSleeper;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpTransport(Builder b, ClientOptions options) {
        SharedHttpClient shared = ClientOptionsAccess.sharedHttpClient(options);
        this.lease = b.sslContext == null ? shared.lease() : shared.leaseWith(b.sslContext);
        this.retryBudget = shared.retryBudget();
        this.client = lease.client();
        this.asyncExecutor = client.executor().orElse(ForkJoinPool.commonPool());
        this.api = b.api;
        this.attemptTimeout = options.attemptTimeout();
        this.callTimeout = options.callTimeout();
        this.retryPolicy = options.retryPolicy();
        this.authenticator = b.authenticator;
        this.userAgent = "calm-sdk-java/" + CalmSdk.version() + options.userAgentSuffix().map(s -> " " + s).orElse("");
        this.clock = options.clock();
        this.sleeper = options.sleeper();
        this.asyncSleeper = b.asyncSleeper != null ? b.asyncSleeper : AsyncSleeper.of(sleeper);
        this.nanoTime = b.nanoTime;
        this.listeners = new RequestListeners(options.requestListeners());
        this.maxBodySize = options.maxResponseBodySize();
        this.retry = Retry.of("calm-sdk-http", RetryConfig.<TransportCall.Outcome>custom()
                .maxAttempts(retryPolicy.maxAttempts())
                .intervalBiFunction(waitBeforeRetry(retryPolicy))
                .retryOnResult(TransportCall.Outcome::retryable)
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
        TransportCall call = newCall(request);
        while (true) {
            HttpRequest httpRequest = call.prepareAttempt();
            HttpResponse<byte[]> response = null;
            Throwable failure = null;
            try {
                // On the caller's thread: HttpClient.send takes no detour through CompletableFuture's default
                // executor, which starts a thread per task when the common pool has one thread (2 CPUs or
                // fewer). HttpRequest.timeout bounds the wait for the headers; the handler bounds the body.
                response = client.send(httpRequest, BodyLimit.handler(maxBodySize,
                        System.nanoTime() + call.attemptBudget.toNanos()));
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CalmClientException(call.describe() + ": interrupted while waiting for the answer", e);
            }
            TransportCall.Decision decision = call.decide(response, failure);
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
        TransportCall call = newCall(request);
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

    private void attemptAsync(TransportCall call, CompletableFuture<TransportResponse> result) {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<HttpResponse<byte[]>> future = new CompletableFuture<>();
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            HttpRequest httpRequest = call.prepareAttempt();
            sent = client.sendAsync(httpRequest, BodyLimit.capturing(maxBodySize, httpRequest, future));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        // Failures before any body (connect, headers timeout) only come through sendAsync's own future.
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete(response);
            }
        });
        future.orTimeout(call.attemptBudget.toNanos(), TimeUnit.NANOSECONDS).whenComplete((r, failure) -> {
            if (failure != null) {
                sent.cancel(true);
            }
        });
        call.inFlight = sent;
        future.whenComplete((response, failure) -> {
            TransportCall.Decision decision;
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

    private TransportCall newCall(TransportRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new IllegalStateException("the HTTP transport is closed");
        }
        return new TransportCall(this, request);
    }

    /**
     * Releases this transport's lease of the HTTP client: the last transport of one {@code ClientOptions}
     * to close shuts the shared client's threads down; a client the caller supplied is left alone. Calls already running may fail; new calls
     * are refused. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            lease.close();
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

    private static IntervalBiFunction<TransportCall.Outcome> waitBeforeRetry(RetryPolicy policy) {
        return (retryNumber, outcome) -> {
            Optional<Duration> asked = outcome.isRight() ? outcome.get().retryAfter : Optional.empty();
            return asked.orElseGet(() -> policy.backoff(retryNumber)).toMillis();
        };
    }

    static Throwable unwrap(Throwable t) {
        Throwable x = t;
        while ((x instanceof java.util.concurrent.CompletionException || x instanceof ExecutionException)
                && x.getCause() != null) {
            x = x.getCause();
        }
        return x;
    }

    /**
     * Builds an {@link HttpTransport} from {@link ClientOptions}: every endpoint-independent setting comes
     * from there, so it is written once for all clients. Not thread-safe.
     */
    public static final class Builder {
        private ClientOptions options;
        private String api = "http";
        private SSLContext sslContext;
        private Authenticator authenticator;
        private AsyncSleeper asyncSleeper;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /**
         * Sets the options: timeouts, retries, HTTP client, user agent, clock, sleeper and listeners.
         *
         * @param options the options; default {@link ClientOptions#defaults()}
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Names the API this transport calls, for request listeners.
         *
         * @param api e.g. {@code cloud-alm}, {@code service-manager}, {@code token}
         * @return this builder
         */
        public Builder api(String api) {
            this.api = Objects.requireNonNull(api, "api");
            return this;
        }

        /**
         * Uses an HTTP client of its own with this TLS context (mutual TLS or another trust store) instead of
         * the options' shared or supplied one, whose TLS settings cannot carry a client certificate.
         *
         * @param ctx the TLS context
         * @return this builder
         */
        public Builder sslContext(SSLContext ctx) {
            this.sslContext = Objects.requireNonNull(ctx, "sslContext");
            return this;
        }

        /**
         * Sets how every attempt is authorised.
         *
         * @param a the authenticator
         * @return this builder
         */
        public Builder authenticator(Authenticator a) {
            this.authenticator = Objects.requireNonNull(a, "authenticator");
            return this;
        }

        /**
         * Sets how asynchronous calls wait between retries; default: the options' sleeper, or a delayed
         * executor when that is the system sleeper. For tests.
         *
         * @param s the sleeper
         * @return this builder
         */
        public Builder asyncSleeper(AsyncSleeper s) {
            this.asyncSleeper = Objects.requireNonNull(s, "asyncSleeper");
            return this;
        }

        Builder nanoTime(LongSupplier source) {
            this.nanoTime = Objects.requireNonNull(source, "nanoTime");
            return this;
        }

        /**
         * Builds the transport and leases its HTTP client.
         *
         * @return the transport; close it when done
         */
        public HttpTransport build() {
            return new HttpTransport(this, options != null ? options : ClientOptions.defaults());
        }
    }
}
