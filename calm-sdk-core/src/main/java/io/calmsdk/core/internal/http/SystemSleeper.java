package io.calmsdk.core.internal.http;

import io.calmsdk.core.ClientOptions;
import java.time.Duration;

/**
 * The sleeper that really waits. One instance, so the transport can tell it from a test's sleeper and wait
 * without blocking a thread in asynchronous calls.
 */
public enum SystemSleeper implements ClientOptions.Sleeper {
    /** The one instance. */
    INSTANCE;

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long millis = duration.toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
