package io.calmsdk.cli;

import io.calmsdk.core.ClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when something sleeps on it: waits take no real time, deadlines still pass. */
final class FakeTime extends Clock implements ClientOptions.Sleeper {

    private Instant now = Instant.parse("2026-11-24T09:00:00Z");

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
        }
    }
}
