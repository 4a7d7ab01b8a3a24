package io.calmsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The simulator's notion of time: token issue and expiry, operation and entitlement durations, rate-limit
 * windows, certificate validity. It follows the system clock plus an offset that tests move forward with
 * {@link #advance(Duration)}, or stands still after {@link #freeze()}, so a test can cross a twelve-hour
 * token lifetime or a five-minute operation in no time.
 *
 * <p>It is a {@link Clock}, so a client under test can be handed the very same clock. Thread-safe.
 */
public final class SimulatorClock extends Clock {

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    /**
     * A clock that follows the system UTC clock until moved.
     */
    public SimulatorClock() {
        this(Clock.systemUTC());
    }

    /**
     * A clock that follows the given base clock until moved.
     *
     * @param base the clock to follow
     */
    public SimulatorClock(Clock base) {
        this.system = Objects.requireNonNull(base, "base").withZone(ZoneOffset.UTC);
    }

    /**
     * The current simulated instant.
     *
     * @return the frozen instant, or the base clock's instant plus the offset
     */
    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : system.instant().plus(offset);
    }

    /**
     * Always UTC.
     *
     * @return {@link ZoneOffset#UTC}
     */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * This clock only works in UTC.
     *
     * @param zone ignored
     * @return this clock
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /**
     * Moves time forward (or backward, with a negative duration).
     *
     * @param duration how far to move
     * @return this clock
     */
    public synchronized SimulatorClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        Instant frozen = frozenAt;
        if (frozen != null) {
            frozenAt = frozen.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
        return this;
    }

    /**
     * Stops time at the current instant until {@link #resume()}.
     *
     * @return this clock
     */
    public synchronized SimulatorClock freeze() {
        frozenAt = instant();
        return this;
    }

    /**
     * Stops time at the given instant until {@link #resume()}.
     *
     * @param instant the instant to stand still at
     * @return this clock
     */
    public synchronized SimulatorClock freezeAt(Instant instant) {
        frozenAt = Objects.requireNonNull(instant, "instant");
        return this;
    }

    /**
     * Lets time run again from where it stands (the offset to the base clock is kept).
     *
     * @return this clock
     */
    public synchronized SimulatorClock resume() {
        Instant frozen = frozenAt;
        if (frozen != null) {
            offset = Duration.between(system.instant(), frozen);
            frozenAt = null;
        }
        return this;
    }

    /**
     * Back to the base clock: no offset, not frozen.
     *
     * @return this clock
     */
    public synchronized SimulatorClock reset() {
        frozenAt = null;
        offset = Duration.ZERO;
        return this;
    }

    /**
     * Describes the clock state.
     *
     * @return e.g. {@code SimulatorClock[2024-05-07T10:15:30Z, frozen]}
     */
    @Override
    public String toString() {
        return "SimulatorClock[" + instant() + (frozenAt != null ? ", frozen" : ", offset " + offset) + "]";
    }
}
