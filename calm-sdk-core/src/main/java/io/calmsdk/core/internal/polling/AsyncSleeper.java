package io.calmsdk.core.internal.polling;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Waits without blocking a thread: the returned stage completes when the duration has passed.
 * Asynchronous polls wait through it so that tests can inject one that completes at once.
 */
@FunctionalInterface
public interface AsyncSleeper {

    /**
     * Starts a wait.
     *
     * @param duration how long to wait; zero or negative completes at once
     * @return a stage completing after the duration
     */
    CompletionStage<Void> sleep(Duration duration);

    /**
     * The sleeper that really waits, completing on the common fork-join pool.
     *
     * @return the system sleeper
     */
    static AsyncSleeper system() {
        return onExecutor(ForkJoinPool.commonPool());
    }

    /**
     * A sleeper that really waits and completes on the given executor, where the next poll then runs.
     *
     * @param executor the executor to complete on
     * @return the sleeper
     * @throws NullPointerException if {@code executor} is {@code null}
     */
    static AsyncSleeper onExecutor(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return duration -> {
            // Milliseconds: the precision of a poll interval, and no overflow for any sane duration.
            long millis = Math.max(0, duration.toMillis());
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, executor));
        };
    }
}
