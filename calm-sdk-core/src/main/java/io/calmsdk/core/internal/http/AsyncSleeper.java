package io.calmsdk.core.internal.http;

import io.calmsdk.core.ClientOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Waits without blocking a thread: the returned future completes after the duration. The async
 * counterpart of {@link io.calmsdk.core.ClientOptions.Sleeper}; tests inject one that completes at once and records
 * the waits.
 */
@FunctionalInterface
public interface AsyncSleeper {

    /**
     * Returns a future that completes after the duration.
     *
     * @param duration how long to wait; zero or negative completes at once
     * @return the future, completed normally when the wait is over
     */
    CompletableFuture<Void> delay(Duration duration);

    /**
     * The sleeper that really waits, on the JDK's shared delay scheduler: no thread is blocked while
     * waiting.
     *
     * @return the system async sleeper
     */
    static AsyncSleeper system() {
        return duration -> {
            long millis = duration.toMillis();
            if (millis <= 0) {
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
        };
    }

    /**
     * Waits as the sleeper does: without blocking a thread for {@link ClientOptions.Sleeper#system()}, otherwise (a test's
     * sleeper) by running the sleeper on a pool thread.
     *
     * @param sleeper the sleeper
     * @return the asynchronous sleeper
     */
    static AsyncSleeper of(ClientOptions.Sleeper sleeper) {
        if (sleeper == ClientOptions.Sleeper.system()) {
            return system();
        }
        return duration -> CompletableFuture.runAsync(() -> {
            try {
                sleeper.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }
}
