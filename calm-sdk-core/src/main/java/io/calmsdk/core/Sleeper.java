package io.calmsdk.core;

import java.time.Duration;

/**
 * Waits for a duration. Retries and pollers wait through a sleeper so that tests can inject one that
 * returns at once and records the waits.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given duration.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The sleeper that really waits, with {@link Thread#sleep(long)}.
     *
     * @return the system sleeper, always the same instance
     */
    static Sleeper system() {
        return io.calmsdk.core.internal.http.SystemSleeper.INSTANCE;
    }
}
