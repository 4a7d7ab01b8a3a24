package io.calmsdk.btp.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The overall deadline of one provisioning call, read from an injected clock so tests never wait.
 * Immutable.
 */
public final class Deadline {

    private final Clock clock;
    private final Instant start;
    private final Instant end;
    private final Duration budget;

    private Deadline(Clock clock, Duration budget) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.start = clock.instant();
        this.end = start.plus(budget);
    }

    /**
     * Starts a deadline now.
     *
     * @param clock the clock
     * @param budget the time allowed
     * @return the deadline
     */
    public static Deadline start(Clock clock, Duration budget) {
        return new Deadline(clock, budget);
    }

    /**
     * The time left, never negative.
     *
     * @return the remaining time
     */
    public Duration remaining() {
        Duration d = Duration.between(clock.instant(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * The time left, at least {@code floor}: pollers need a positive timeout even at the very end.
     *
     * @param floor the minimum to return
     * @return the remaining time or the floor
     */
    public Duration remainingAtLeast(Duration floor) {
        Duration r = remaining();
        return r.compareTo(floor) < 0 ? floor : r;
    }

    /**
     * Whether the deadline has passed.
     *
     * @return {@code true} when no time is left
     */
    public boolean expired() {
        return remaining().isZero();
    }

    /**
     * The time since the start.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return Duration.between(start, clock.instant());
    }

    /**
     * The whole budget.
     *
     * @return the budget
     */
    public Duration budget() {
        return budget;
    }

    /**
     * The clock the deadline reads.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }
}
