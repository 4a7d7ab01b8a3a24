package io.calmsdk.core.internal.polling;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The asynchronous wait: poll, then sleep through the {@link AsyncSleeper}, then poll again, each step
 * started by the completion of the one before, so no thread is blocked in between.
 *
 * <p>Steps that complete at once (a test sleeper, a cached answer) would nest one callback inside the
 * other and grow the stack with every poll; {@link #schedulePoll()} turns such nesting into a loop.
 * Only one step is in flight at a time, so the {@link PollRun} is never used by two threads at once.
 */
final class AsyncPollLoop<T> {

    private final PollRun<T> run;
    private final Supplier<? extends CompletionStage<PollResponse<T>>> poll;
    private final AsyncSleeper sleeper;
    private final CompletableFuture<PollResult<T>> result = new CompletableFuture<>();
    private final AtomicInteger scheduled = new AtomicInteger();
    private volatile CompletionStage<Void> pendingSleep;

    AsyncPollLoop(PollRun<T> run, Supplier<? extends CompletionStage<PollResponse<T>>> poll, AsyncSleeper sleeper) {
        this.run = run;
        this.poll = poll;
        this.sleeper = sleeper;
        // A caller that cancels (or completes) the result should not leave a timer running for nothing.
        result.whenComplete((r, e) -> {
            CompletionStage<Void> sleep = pendingSleep;
            if (sleep instanceof Future) {
                ((Future<?>) sleep).cancel(false);
            }
        });
    }

    CompletableFuture<PollResult<T>> start() {
        schedulePoll();
        return result;
    }

    private void schedulePoll() {
        if (scheduled.getAndIncrement() != 0) {
            return; // called from inside pollOnce: the loop below makes the poll once the stack unwinds
        }
        do {
            pollOnce();
        } while (scheduled.decrementAndGet() != 0);
    }

    private void pollOnce() {
        if (result.isDone()) {
            return; // cancelled by the caller
        }
        run.beforePoll();
        CompletionStage<PollResponse<T>> stage;
        try {
            stage = Objects.requireNonNull(poll.get(), "the poll function returned null instead of a stage");
        } catch (Throwable e) { // as CompletableFuture does: every failure must reach the result
            result.completeExceptionally(e);
            return;
        }
        stage.whenComplete(this::onResponse);
    }

    private void onResponse(PollResponse<T> response, Throwable error) {
        if (result.isDone()) {
            return;
        }
        if (error != null) {
            result.completeExceptionally(unwrap(error));
            return;
        }
        CompletionStage<Void> sleep;
        try {
            Duration wait = run.onResponse(response);
            if (wait == null) {
                result.complete(run.result(response));
                return;
            }
            sleep = Objects.requireNonNull(sleeper.sleep(wait), "the async sleeper returned null");
        } catch (Throwable e) {
            result.completeExceptionally(e);
            return;
        }
        pendingSleep = sleep;
        sleep.whenComplete((ignored, sleepError) -> {
            if (sleepError != null) {
                result.completeExceptionally(unwrap(sleepError));
            } else {
                schedulePoll();
            }
        });
    }

    /** The poll function's own exception, not the wrapper a stage adds around it. */
    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
