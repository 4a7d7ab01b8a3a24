package io.calmsdk.core.internal.http;

import io.calmsdk.core.ClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every wait and returns at once, for sync and async sends. */
final class RecordingSleeper implements ClientOptions.Sleeper, AsyncSleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        waits.add(duration);
        return CompletableFuture.completedFuture(null);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
