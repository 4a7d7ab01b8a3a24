package io.calmsdk.api.internal;

import io.calmsdk.core.internal.text.IsoTimes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the date fields of Cloud ALM answers, which appear both as {@code 2025-06-30} and as full
 * timestamps ({@code 2025-06-30T00:00:00.000Z}) depending on the API: both give the calendar date.
 */
public final class LenientDates {

    private LenientDates() {
    }

    /**
     * Parses a date or a timestamp into its calendar date.
     *
     * @param text the wire value, may be {@code null} or blank
     * @return the date, empty for {@code null} or blank
     * @throws IllegalArgumentException when the text is neither a date nor a timestamp
     */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        LocalDate fast = IsoTimes.date(t);
        if (fast != null) {
            // Also right for a timestamp: its date as written is what both paths below return.
            return Optional.of(fast);
        }
        try {
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t));
            }
            return Optional.of(OffsetDateTime.parse(t).toLocalDate());
        } catch (DateTimeParseException e) {
            if (t.length() >= 10) {
                try {
                    // Timestamps without an offset (2025-06-30T10:00:00) still carry the calendar date.
                    return Optional.of(LocalDate.parse(t.substring(0, 10)));
                } catch (DateTimeParseException ignored) {
                    // fall through to the error below
                }
            }
            throw new IllegalArgumentException("not a date (YYYY-MM-DD) or timestamp: " + t, e);
        }
    }
}
