package io.calmsdk.btp;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.testkit.SimulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that only moves when something sleeps on it: waits take no real time, yet deadlines and
 * poll timeouts pass exactly as they would. Thread-safe.
 */
final class FakeTime extends Clock implements ClientOptions.Sleeper {

    private Instant now = Instant.now();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SimulatorClock linked;

    FakeTime() {
        this.linked = null;
    }

    private FakeTime(SimulatorClock linked) {
        this.linked = linked;
    }

    /**
     * A fake time that is the simulator's time: sleeping advances the simulator's clock, so
     * {@code Retry-After} dates and simulated durations line up with the client's waits.
     */
    static FakeTime linkedTo(SimulatorClock clock) {
        return new FakeTime(clock);
    }

    @Override
    public synchronized Instant instant() {
        return linked != null ? linked.instant() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        if (!duration.isNegative()) {
            if (linked != null) {
                linked.advance(duration);
            }
            now = now.plus(duration);
            sleeps.add(duration);
        }
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
