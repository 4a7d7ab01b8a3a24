package io.calmsdk.cli;

import io.calmsdk.core.internal.text.HumanDuration;
import java.time.Duration;

/** Durations as people read them, as calm-sdk's own messages write them: {@code 87 ms}, {@code 1.4 s}, {@code 2 min 5 s}. */
final class Durations {

    private Durations() {
    }

    static String human(Duration d) {
        return HumanDuration.of(d);
    }
}
