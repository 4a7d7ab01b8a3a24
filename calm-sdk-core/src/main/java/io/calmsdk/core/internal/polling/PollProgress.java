package io.calmsdk.core.internal.polling;

import io.calmsdk.core.internal.text.HumanDuration;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a wait, reported to a {@link PollListener} after every poll: what is awaited, the poll's
 * number, the state found, the time elapsed and the wait before the next poll.
 *
 * <p>Immutable and thread-safe.
 */
public final class PollProgress {

    private final String awaited;
    private final int attempt;
    private final PollStatus status;
    private final String state;
    private final Duration elapsed;
    private final Duration nextWait;

    PollProgress(String awaited, int attempt, PollStatus status, String state, Duration elapsed, Duration nextWait) {
        this.awaited = Objects.requireNonNull(awaited, "awaited");
        this.attempt = attempt;
        this.status = Objects.requireNonNull(status, "status");
        this.state = Objects.requireNonNull(state, "state");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.nextWait = nextWait;
    }

    /**
     * What is being waited for, as given to the poller.
     *
     * @return e.g. {@code "create service instance calm-api"}
     */
    public String awaited() {
        return awaited;
    }

    /**
     * The number of this poll, from 1.
     *
     * @return the attempt
     */
    public int attempt() {
        return attempt;
    }

    /**
     * Where the operation stands after this poll.
     *
     * @return the status
     */
    public PollStatus status() {
        return status;
    }

    /**
     * The service's state in words.
     *
     * @return e.g. {@code PROCESSING}
     */
    public String state() {
        return state;
    }

    /**
     * The time since the wait started, by the poller's clock.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * The wait before the next poll.
     *
     * @return the wait, or empty when this was the last poll (finished, failed or out of time)
     */
    public Optional<Duration> nextWait() {
        return Optional.ofNullable(nextWait);
    }

    /**
     * Describes the step, e.g. for a progress line.
     *
     * @return e.g. {@code "entitlement: poll 3, PROCESSING after 2.5 s, next poll in 2.3 s"}
     */
    @Override
    public String toString() {
        return awaited + ": poll " + attempt + ", " + state + " after " + HumanDuration.of(elapsed)
                + (nextWait == null ? "" : ", next poll in " + HumanDuration.of(nextWait));
    }
}
