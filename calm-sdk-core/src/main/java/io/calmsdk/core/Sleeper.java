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
     * @return the system sleeper
     */
    static Sleeper system() {
        return duration -> {
            long millis = duration.toMillis();
            if (millis > 0) {
                Thread.sleep(millis);
            }
        };
    }
}
