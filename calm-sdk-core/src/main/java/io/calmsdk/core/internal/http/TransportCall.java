package io.calmsdk.core.internal.http;

import com.fasterxml.jackson.core.exc.StreamReadException;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.http.RequestListener;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One call: its correlation id, deadline, attempt count and retry state. Used by one thread at a time. */
final class TransportCall {
    // The transport's logger: users configure one logger for all of calm-sdk's HTTP lines.
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final TransportRequest request;
    final Authenticator auth;
    private final String correlationId;
    private final long startNanos;
    private final long deadlineNanos;
    private final HttpTransport t;
    private final Retry.AsyncContext<Outcome> retryContext;
    private RequestListener.Event attemptEvent;
    private int attempts;
    private boolean reauthorized;
    private AuthHeader sentAuth;
    private long attemptStartNanos;
    Duration attemptBudget;
    private boolean budgetCutByDeadline;
    private String lastProblem;
    private boolean stoppedByDeadline;
    volatile CompletableFuture<?> inFlight;

    TransportCall(HttpTransport transport, TransportRequest request) {
        this.t = transport;
        this.retryContext = transport.retry.asyncContext();
        this.request = request;
        switch (request.authMode()) {
            case NONE:
                this.auth = null;
                break;
            case OVERRIDE:
                this.auth = request.authenticator();
                break;
            default:
                this.auth = t.authenticator;
        }
        this.correlationId = request.header(HttpTransport.CORRELATION_HEADER)
                .orElseGet(TransportCall::newCorrelationId);
        this.startNanos = t.nanoTime.getAsLong();
        this.deadlineNanos = startNanos + t.callTimeout.toNanos();
    }

    /**
     * A random (version 4) UUID. The id only has to be unique enough to find one call in the service's logs, not
     * unguessable, so it comes from {@link ThreadLocalRandom} rather than {@code UUID.randomUUID()}'s
     * {@code SecureRandom}, which costs more than the rest of building the request.
     */
    static String newCorrelationId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    HttpRequest prepareAttempt() {
        long remaining = deadlineNanos - t.nanoTime.getAsLong();
        if (remaining <= 0) {
            throw callTimedOut(null);
        }
        attemptBudget = Duration.ofNanos(Math.min(t.attemptTimeout.toNanos(), remaining));
        budgetCutByDeadline = attemptBudget.compareTo(t.attemptTimeout) < 0;
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
            if (!h.getKey().equalsIgnoreCase(HttpTransport.CORRELATION_HEADER)) {
                b.header(h.getKey(), h.getValue());
            }
            hasAccept |= h.getKey().equalsIgnoreCase("Accept");
        }
        request.secretHeaders().forEach((name, value) -> b.setHeader(name, value.reveal()));
        if (!hasAccept) {
            b.setHeader("Accept", "application/json");
        }
        request.contentType().ifPresent(type -> b.setHeader("Content-Type", type));
        b.setHeader("User-Agent", t.userAgent);
        b.setHeader(HttpTransport.CORRELATION_HEADER, correlationId);
        if (sentAuth != null) {
            b.setHeader(sentAuth.name(), sentAuth.value().reveal());
        }
        if (!t.listeners.isEmpty()) {
            attemptEvent = RequestListener.Event.sending(t.api, request.method(), request.redactedUrl(), attempts,
                    correlationId);
            t.listeners.beforeAttempt(attemptEvent, b);
        }
        HttpRequest httpRequest = b.build();
        if (LOG.isDebugEnabled()) {
            LOG.debug("--> {} attempt {}/{}{}", describe(), attempts, t.retryPolicy.maxAttempts(),
                    HeaderLog.format(httpRequest.headers()));
        }
        attemptStartNanos = t.nanoTime.getAsLong();
        return httpRequest;
    }

    Decision decide(HttpResponse<byte[]> response, Throwable failure) {
        long elapsedNanos = t.nanoTime.getAsLong() - attemptStartNanos;
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
        Decision decision;
        try {
            decision = failure == null ? decideOnAnswer(response, elapsedMillis) : decideOnFailure(failure, elapsedMillis);
        } catch (RuntimeException e) {
            tellListeners(RequestListener.Event.Outcome.FAILED, response, failure, elapsedNanos);
            throw e;
        }
        tellListeners(decision.response != null ? RequestListener.Event.Outcome.SUCCEEDED
                : decision.error != null ? RequestListener.Event.Outcome.FAILED : RequestListener.Event.Outcome.RETRYING,
                response, failure, elapsedNanos);
        return decision;
    }

    private void tellListeners(RequestListener.Event.Outcome outcome, HttpResponse<byte[]> response, Throwable failure,
            long elapsedNanos) {
        if (t.listeners.isEmpty()) {
            return;
        }
        t.listeners.afterAttempt(attemptEvent.ended(outcome, response == null ? -1 : response.statusCode(),
                Duration.ofNanos(elapsedNanos), failure == null ? null : FailureKind.of(failure).describe(failure)));
    }

    private Decision decideOnAnswer(HttpResponse<byte[]> response, long elapsedMillis) {
        int status = response.statusCode();
        if (LOG.isDebugEnabled()) {
            LOG.debug("<-- {} {} attempt {}/{} in {} ms{}", status, describe(), attempts,
                    t.retryPolicy.maxAttempts(), elapsedMillis, HeaderLog.format(response.headers()));
        }
        if (status / 100 == 2 || request.accepts(status)) {
            Optional<String> malformed;
            Object decoded = null;
            Exception decodeFailure = null;
            boolean decode = status / 100 == 2 && request.decoder() != null;
            if (decode) {
                byte[] body = response.body() == null ? new byte[0] : response.body();
                try {
                    decoded = request.decoder().decode(body);
                    malformed = Optional.empty();
                } catch (StreamReadException e) {
                    // What JsonCheck would have found: the same retry, without a second pass over every answer.
                    boolean garbled = request.idempotent() && body.length > 0 && JsonCheck.isJson(response.headers());
                    malformed = garbled ? Optional.of(JsonCheck.describe(e, body.length)) : Optional.empty();
                    decodeFailure = e;
                } catch (IOException | RuntimeException e) {
                    malformed = Optional.empty();
                    decodeFailure = e;
                }
            } else {
                malformed = status / 100 == 2 && request.idempotent()
                        ? JsonCheck.problem(response.headers(), response.body()) : Optional.empty();
            }
            if (malformed.isEmpty()) {
                t.retryBudget.onSuccess();
                return Decision.done(new TransportResponse(request.method(), request.uri(), status,
                        response.headers(), response.body(), attempts, correlationId, decode, decoded, decodeFailure));
            }
            // A garbled or cut-short answer to a read: the next attempt is as harmless as after a broken connection.
            lastProblem = "HTTP " + status + ", but the body is " + malformed.get();
            Optional<Duration> wait = nextWait(new Outcome(true, Optional.empty()), RetryBudget.RETRY_COST);
            if (wait.isPresent()) {
                warnRetry(lastProblem, wait.get());
                return Decision.retryAfter(wait.get());
            }
            return Decision.fail(new CalmClientException(describe() + ": the answer (HTTP " + status + ") is "
                    + malformed.get() + (attempts == 1 ? "" : " after " + attempts + " attempts")
                    + " [correlation id " + correlationId + "]"));
        }
        if (status == 401 && auth != null && !reauthorized) {
            reauthorized = true;
            auth.invalidate(sentAuth);
            LOG.warn("{}: HTTP 401, the credential was refused; retrying once with a fresh one [correlation id {}]",
                    describe(), correlationId);
            return Decision.retryAfter(Duration.ZERO);
        }
        lastProblem = "HTTP " + status;
        Optional<Duration> asked = RetryAfter.parse(response.headers(), t.clock);
        // A 429 means the rate limiter refused the request before it was processed, so even a POST
        // is safe to send again; other statuses are retried only for idempotent requests.
        boolean retryable = t.retryPolicy.isRetryableStatus(status) && (request.idempotent() || status == 429);
        if (retryable && asked.map(a -> a.compareTo(t.retryPolicy.maxRetryAfter()) <= 0).orElse(true)) {
            Optional<Duration> wait = nextWait(new Outcome(true, asked), RetryBudget.RETRY_COST);
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
                    t.retryPolicy.maxAttempts(), elapsedMillis, kind.describe(failure));
        }
        if (kind == FailureKind.ATTEMPT_TIMEOUT && budgetCutByDeadline) {
            return Decision.fail(callTimedOut(failure));
        }
        boolean retryable = kind == FailureKind.CONNECT_FAILED
                || (request.idempotent() && (kind == FailureKind.ATTEMPT_TIMEOUT || kind == FailureKind.IO_FAILURE));
        if (retryable) {
            Optional<Duration> wait = nextWait(new Outcome(true, Optional.empty()),
                    kind == FailureKind.ATTEMPT_TIMEOUT ? RetryBudget.TIMEOUT_RETRY_COST : RetryBudget.RETRY_COST);
            if (wait.isPresent()) {
                warnRetry(kind.describe(failure), wait.get());
                return Decision.retryAfter(wait.get());
            }
            if (stoppedByDeadline) {
                // Retries were left but the deadline leaves no room for the wait.
                return Decision.fail(callTimedOut(failure));
            }
        }
        return Decision.fail(clientException(kind, failure));
    }

    /**
     * The wait before the next attempt, or empty when retries are exhausted, the deadline forbids it
     * ({@link #stoppedByDeadline}) or the retry budget of the options is empty.
     *
     * <p>Resilience4j decides whether and how long: attempts, the result predicate, the interval function
     * (full-jitter backoff, or the service's {@code Retry-After} read from the result) and its events. This
     * loop, not Resilience4j's executors, does the waiting, because they cannot express what the call needs:
     * the sync executor sleeps with {@code Thread.sleep} instead of the options' {@code Sleeper}, neither
     * executor can stop at the whole-call deadline or on a {@code Retry-After} over {@code maxRetryAfter}
     * with the service's own error, and {@code decorateCompletionStage} waits on a
     * {@code ScheduledExecutorService} calm-sdk would have to own and shut down, where the JDK's shared delay
     * scheduler (or a test's {@code AsyncSleeper}) serves today.
     */
    private Optional<Duration> nextWait(Outcome outcome, int budgetCost) {
        long millis = retryContext.onResult(outcome);
        if (millis < 0) {
            return Optional.empty();
        }
        Duration wait = Duration.ofMillis(millis);
        if (t.nanoTime.getAsLong() + wait.toNanos() >= deadlineNanos) {
            stoppedByDeadline = true;
            return Optional.empty();
        }
        if (!t.retryBudget.tryAcquire(budgetCost)) {
            LOG.warn("{}: {} on attempt {}; not retried: the retry budget of these ClientOptions is spent by a"
                    + " storm of failures, it refills as calls succeed [correlation id {}]", describe(), lastProblem,
                    attempts, correlationId);
            return Optional.empty();
        }
        return Optional.of(wait);
    }

    private void warnRetry(String reason, Duration wait) {
        LOG.warn("{}: {} on attempt {} of {}; retrying in {} ms [correlation id {}]", describe(), reason,
                attempts, t.retryPolicy.maxAttempts(), wait.toMillis(), correlationId);
    }

    private CalmServiceException serviceException(HttpResponse<byte[]> response, Duration retryAfter) {
        ErrorEnvelopes.Parsed parsed = ErrorEnvelopes.read(response.body(), !request.sensitive());
        String id = parsed.correlationId != null ? parsed.correlationId
                : response.headers().firstValue(HttpTransport.CORRELATION_HEADER).orElse(correlationId);
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
                        + t.attemptTimeout.toMillis() + " ms" + after + notRetried + tail, t.attemptTimeout, failure);
            case CONNECT_FAILED:
                return new CalmClientException(describe() + ": could not connect to " + hostAndPort() + after
                        + " (" + kind.describe(failure) + "); check the URL, the network and proxy settings" + tail,
                        failure);
            case BODY_TOO_LARGE:
                return new CalmClientException(describe() + ": the answer is larger than the limit of " + t.maxBodySize
                        + " bytes (ClientOptions.maxResponseBodySize); raise the limit if an answer this large is"
                        + " expected" + tail, failure);
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
                + t.callTimeout.toMillis() + " ms (" + attempts + (attempts == 1 ? " attempt" : " attempts")
                + (lastProblem == null ? "" : ", last: " + lastProblem)
                + ") [correlation id " + correlationId + "]", t.callTimeout, lastFailure);
    }

    private String hostAndPort() {
        URI uri = request.uri();
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    String describe() {
        return request.method() + " " + request.redactedUrl() + request.operation().map(o -> " (" + o + ")").orElse("");
    }

    /** What one attempt gave, as Resilience4j sees it. */
    static final class Outcome {
        private final boolean retryable;
        final Optional<Duration> retryAfter;

        Outcome(boolean retryable, Optional<Duration> retryAfter) {
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        boolean retryable() {
            return retryable;
        }
    }

    /** The end of one attempt: an answer to return, an error to throw, or a wait before the next attempt. */
    static final class Decision {
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
}
