package io.calmsdk.core.internal.polling;

import io.calmsdk.core.ClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Returns at once, records every wait and moves the clock on by it, so waits cost no real time. */
final class RecordingSleeper implements ClientOptions.Sleeper {

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final ManualClock clock;

    RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        clock.advance(duration);
    }
}
