package io.calmsdk.core.internal.polling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every wait. In automatic mode it advances the clock and completes at once; in manual mode
 * it hands out pending futures that the test completes with {@link #wakeUp()}.
 */
final class RecordingAsyncSleeper implements AsyncSleeper {

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
    private final ManualClock clock;
    private final boolean manual;

    private RecordingAsyncSleeper(ManualClock clock, boolean manual) {
        this.clock = clock;
        this.manual = manual;
    }

    static RecordingAsyncSleeper immediate(ManualClock clock) {
        return new RecordingAsyncSleeper(clock, false);
    }

    static RecordingAsyncSleeper manual(ManualClock clock) {
        return new RecordingAsyncSleeper(clock, true);
    }

    @Override
    public CompletionStage<Void> sleep(Duration duration) {
        waits.add(duration);
        if (!manual) {
            clock.advance(duration);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        pending.add(f);
        return f;
    }

    /** Completes the oldest pending wait, advancing the clock by it. */
    void wakeUp() {
        CompletableFuture<Void> f = pending.remove(0);
        clock.advance(waits.get(waits.size() - pending.size() - 1));
        f.complete(null);
    }
}
