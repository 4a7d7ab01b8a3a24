package io.calmsdk.core.internal.text;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations the way people read them in messages: {@code 850 ms}, {@code 1.4 s}, {@code 10 min},
 * {@code 2 min 5 s}, {@code 2 h 10 min}; never ISO-8601 with nanoseconds ({@code PT1.411996287S}).
 */
public final class HumanDuration {

    private HumanDuration() {
    }

    /**
     * Formats a duration for a message.
     *
     * @param d the duration; negative counts as zero
     * @return e.g. {@code 1.4 s}
     */
    public static String of(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        long minutes = seconds % 3600 / 60;
        return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
