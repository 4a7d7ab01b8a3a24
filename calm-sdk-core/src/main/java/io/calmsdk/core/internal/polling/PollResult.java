package io.calmsdk.core.internal.polling;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a successful wait ended: the final value, the final state, how many polls it took and how long.
 *
 * <p>Immutable and thread-safe when the value is.
 *
 * @param <T> the value type
 */
public final class PollResult<T> {

    private final T value;
    private final String state;
    private final int attempts;
    private final Duration elapsed;

    PollResult(T value, String state, int attempts, Duration elapsed) {
        this.value = value;
        this.state = Objects.requireNonNull(state, "state");
        this.attempts = attempts;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * The value of the final, successful poll.
     *
     * @return the value, or empty when the poll function reported none
     */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /**
     * The service's final state in words.
     *
     * @return e.g. {@code succeeded}
     */
    public String state() {
        return state;
    }

    /**
     * How many times the state was read, including the final read.
     *
     * @return at least 1
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The time from the start of the wait to the final poll, by the poller's clock.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * Describes the result without its value.
     *
     * @return e.g. {@code PollResult{state=succeeded, attempts=4, elapsed=PT4.375S}}
     */
    @Override
    public String toString() {
        return "PollResult{state=" + state + ", attempts=" + attempts + ", elapsed=" + elapsed + "}";
    }
}
