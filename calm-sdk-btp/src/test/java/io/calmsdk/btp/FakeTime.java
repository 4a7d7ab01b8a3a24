package io.calmsdk.btp;

import io.calmsdk.core.Sleeper;
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
final class FakeTime extends Clock implements Sleeper {

    private Instant now = Instant.now();
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized Instant instant() {
        return now;
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
