package io.calmsdk.api.internal;

import io.calmsdk.core.internal.text.IsoTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads timestamps of Cloud ALM answers, which come with an offset ({@code ...Z}), without one
 * (taken as UTC) or as a bare date (midnight UTC).
 */
public final class LenientInstants {

    private LenientInstants() {
    }

    /**
     * Parses a timestamp.
     *
     * @param text the wire value, may be {@code null} or blank
     * @return the instant, empty for {@code null} or blank
     * @throws IllegalArgumentException when the text is not a timestamp or date
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        Instant fast = t.length() == 10 ? null : IsoTimes.instant(t, false);
        if (fast != null) {
            return Optional.of(fast);
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the other shapes
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try a bare date
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a timestamp: " + t, e);
        }
    }
}
