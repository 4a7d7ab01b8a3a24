package io.calmsdk.reliability.support;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.testkit.SimulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's clock as seen by the SDK, and a sleeper that moves it instead of waiting: every
 * backoff, poll interval and {@code Retry-After} the SDK honours takes no real time, yet deadlines,
 * token lifetimes and HTTP-date {@code Retry-After} values line up exactly as they would in real time.
 * Thread-safe.
 */
public final class SimTime extends Clock implements ClientOptions.Sleeper {

    private final SimulatorClock clock;
    private final AtomicLong sleptNanos = new AtomicLong();
    private final AtomicLong sleeps = new AtomicLong();

    private SimTime(SimulatorClock clock) {
        this.clock = clock;
    }

    /**
     * Links to a simulator clock.
     *
     * @param clock the simulator's clock
     * @return a clock and sleeper over it
     */
    public static SimTime of(SimulatorClock clock) {
        return new SimTime(clock);
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        clock.advance(duration);
        sleptNanos.addAndGet(duration.toNanos());
        sleeps.incrementAndGet();
    }

    /** @return the simulated time all sleeps added up to */
    public Duration slept() {
        return Duration.ofNanos(sleptNanos.get());
    }

    /** @return how many times something slept */
    public long sleeps() {
        return sleeps.get();
    }
}
