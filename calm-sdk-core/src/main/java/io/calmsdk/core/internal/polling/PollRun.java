package io.calmsdk.core.internal.polling;

import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.exception.PollingTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of one wait, shared by the blocking and the asynchronous poller: after each response,
 * finish, fail, time out, or say how long to wait. Holds the attempt count and the last state; used
 * by one thread at a time (the asynchronous loop hands it from callback to callback).
 */
final class PollRun<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final String awaited;
    private final PollingOptions options;
    private final Clock clock;
    private final PollListener listener;
    private final Instant start;
    private final Instant deadline;
    private int attempts;
    private String lastState = "not yet polled";

    PollRun(String awaited, PollingOptions options, Clock clock, PollListener listener) {
        this.awaited = awaited;
        this.options = options;
        this.clock = clock;
        this.listener = listener;
        this.start = clock.instant();
        this.deadline = deadline(start, options.timeout());
    }

    /**
     * When a wait that starts at {@code start} runs out: {@link Instant#MAX} when that is past the last instant.
     * Compared in whole seconds: {@code Duration.between(start, Instant.MAX)} overflows its nanosecond count
     * and catches the {@code ArithmeticException} inside, on every call, which the JIT compiles into a
     * deoptimization trap taken by every poll.
     */
    static Instant deadline(Instant start, Duration timeout) {
        long secondsLeft = Instant.MAX.getEpochSecond() - start.getEpochSecond();
        boolean fits = timeout.getSeconds() < secondsLeft || timeout.getSeconds() == secondsLeft
                && start.getNano() + timeout.getNano() < 1_000_000_000;
        return fits ? start.plus(timeout) : Instant.MAX;
    }

    /** Counts a poll about to be made. */
    void beforePoll() {
        attempts++;
    }

    /**
     * Decides what follows a response.
     *
     * @return the wait before the next poll, or {@code null} when the operation succeeded (see {@link #result})
     * @throws OperationFailedException if the response reports a failure
     * @throws PollingTimeoutException if the operation is still running at the deadline
     */
    Duration onResponse(PollResponse<T> response) {
        Objects.requireNonNull(response, () -> "the poll function returned null on poll " + attempts);
        lastState = response.state();
        Instant now = clock.instant();
        Duration elapsed = elapsed(now);
        Duration wait = response.status() == PollStatus.IN_PROGRESS ? nextWait(response, now) : null;
        if (LOG.isDebugEnabled()) {
            LOG.debug("Waiting for {}: poll {} found {} ({}) after {} ms{}", awaited, attempts, response.state(),
                    response.status(), elapsed.toMillis(), wait == null ? "" : "; next poll in " + wait.toMillis() + " ms");
        }
        notifyListener(new PollProgress(awaited, attempts, response.status(), response.state(), elapsed, wait));
        switch (response.status()) {
            case SUCCEEDED:
                return null;
            case FAILED:
                throw new OperationFailedException(awaited, response.state(), response.resourceId().orElse(null),
                        response.description().orElse(null));
            default:
                if (wait == null) {
                    throw new PollingTimeoutException(awaited, response.state(), attempts, options.timeout());
                }
                return wait;
        }
    }

    /** The result of a wait whose last response succeeded. */
    PollResult<T> result(PollResponse<T> response) {
        return new PollResult<>(response.value().orElse(null), response.state(), attempts, elapsed(clock.instant()));
    }

    /** The failure for an interrupted wait; the caller restores the interrupt flag. */
    CalmClientException interrupted(InterruptedException cause) {
        return new CalmClientException("interrupted while waiting for " + awaited + " (last state " + lastState
                + " after " + attempts + (attempts == 1 ? " poll" : " polls") + ")", cause);
    }

    /**
     * The wait before the next poll: the service's {@code Retry-After} when it gave a positive one,
     * else the computed interval; cut to the time left. {@code null} when no time is left.
     */
    private Duration nextWait(PollResponse<T> response, Instant now) {
        Duration wait = response.retryAfter().filter(d -> !d.isZero()).orElseGet(() -> options.interval(attempts));
        if (deadline == Instant.MAX) {
            // No deadline to cut to (and Duration.between up to Instant.MAX would overflow, see deadline()).
            return wait;
        }
        Duration left = Duration.between(now, deadline);
        if (left.isZero() || left.isNegative()) {
            return null;
        }
        return wait.compareTo(left) > 0 ? left : wait;
    }

    private Duration elapsed(Instant now) {
        Duration elapsed = Duration.between(start, now);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    private void notifyListener(PollProgress progress) {
        if (listener == null) {
            return;
        }
        try {
            listener.onPoll(progress);
        } catch (RuntimeException e) {
            LOG.warn("The poll listener failed on poll {} of {}; polling goes on", progress.attempt(), awaited, e);
        }
    }
}
