package io.calmsdk.examples.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them: {@code 87 ms}, {@code 1.4 s}, {@code 2 min 5 s}. */
final class Durations {

    private Durations() {
    }

    static String human(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }
}
