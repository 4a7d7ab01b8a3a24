package io.calmsdk.testkit.internal.http;

import io.calmsdk.testkit.SimulatorBuilder.RetryAfterFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats {@code Retry-After} values in the forms the contract names. */
public final class HttpDates {

    private static final DateTimeFormatter GO_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /**
     * Formats the moment a client may retry.
     *
     * @param format the wanted form
     * @param now the simulator's current time
     * @param retryAt when the client may retry
     * @return the header value
     */
    public static String retryAfter(RetryAfterFormat format, Instant now, Instant retryAt) {
        // Whole seconds, rounded up: a client that waits exactly this long must not be refused again.
        Instant rounded = retryAt.getNano() == 0 ? retryAt : Instant.ofEpochSecond(retryAt.getEpochSecond() + 1);
        switch (format) {
            case SECONDS:
                long millis = Duration.between(now, retryAt).toMillis();
                return Long.toString(Math.max(1, (millis + 999) / 1000));
            case GO_DATE:
                return GO_DATE.format(rounded);
            case HTTP_DATE:
            default:
                return DateTimeFormatter.RFC_1123_DATE_TIME.format(rounded.atOffset(ZoneOffset.UTC));
        }
    }
}
