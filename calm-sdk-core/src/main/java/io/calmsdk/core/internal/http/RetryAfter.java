package io.calmsdk.core.internal.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a service asked the caller to wait, from {@code Retry-After} or {@code X-Ratelimit-Reset}.
 *
 * <p>{@code Retry-After} is accepted as delta seconds ({@code 120}), as an RFC 1123 HTTP-date
 * ({@code Tue, 24 Nov 2026 10:00:05 GMT}), in the form Service Manager is seen to send
 * ({@code 2026-11-24 10:00:05 +0000 UTC}, fractional seconds allowed) and as ISO-8601
 * ({@code 2026-11-24T10:00:05Z}). Without it, {@code X-Ratelimit-Reset} (cis: epoch milliseconds) is
 * read: values of at least 10^11 are epoch milliseconds, of at least 10^9 epoch seconds, smaller
 * ones delta seconds. Dates in the past give {@link Duration#ZERO}; unreadable values are ignored.
 * Used by the transport and by pollers.
 */
public final class RetryAfter {

    /** Header names, as sent by SAP services; HttpHeaders looks them up case-insensitively. */
    static final String RETRY_AFTER = "Retry-After";
    static final String RATELIMIT_RESET = "X-Ratelimit-Reset";

    private static final Pattern DELTA_SECONDS = Pattern.compile("\\d{1,10}");
    private static final Pattern GO_DATE = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?\\s*([+-]\\d{2}:?\\d{2}|Z)?(?:\\s+[A-Za-z]{1,5})?");
    private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;
    private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

    private RetryAfter() {
    }

    /**
     * Reads the wait the answer asks for.
     *
     * @param headers the response headers
     * @param clock the clock that dates are compared with
     * @return the wait, never negative; empty if the answer asks for none or the value is unreadable
     */
    public static Optional<Duration> parse(HttpHeaders headers, Clock clock) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(clock, "clock");
        Optional<Duration> retryAfter = headers.firstValue(RETRY_AFTER).flatMap(v -> parseRetryAfter(v, clock));
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        return headers.firstValue(RATELIMIT_RESET).flatMap(v -> parseRateLimitReset(v, clock));
    }

    /**
     * Reads one {@code Retry-After} value.
     *
     * @param value the header value
     * @param clock the clock that dates are compared with
     * @return the wait, never negative; empty if unreadable
     */
    public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (DELTA_SECONDS.matcher(v).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        return parseDate(v).map(instant -> until(instant, clock));
    }

    private static Optional<Duration> parseRateLimitReset(String value, Clock clock) {
        String v = value.trim();
        if (!DELTA_SECONDS.matcher(v).matches() && !v.matches("\\d{11,16}")) {
            return Optional.empty();
        }
        long n = Long.parseLong(v);
        if (n >= EPOCH_MILLIS_THRESHOLD) {
            return Optional.of(until(Instant.ofEpochMilli(n), clock));
        }
        if (n >= EPOCH_SECONDS_THRESHOLD) {
            return Optional.of(until(Instant.ofEpochSecond(n), clock));
        }
        return Optional.of(Duration.ofSeconds(n));
    }

    private static Optional<Instant> parseDate(String v) {
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notRfc1123) {
            // try the other forms
        }
        Matcher m = GO_DATE.matcher(v);
        if (m.matches()) {
            try {
                LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2)
                        + (m.group(3) == null ? "" : m.group(3)));
                ZoneOffset offset = m.group(4) == null || m.group(4).equals("Z") ? ZoneOffset.UTC
                        : ZoneOffset.of(m.group(4).length() == 5
                                ? m.group(4).substring(0, 3) + ":" + m.group(4).substring(3) : m.group(4));
                return Optional.of(local.toInstant(offset));
            } catch (DateTimeException invalid) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Duration until(Instant instant, Clock clock) {
        Duration d = Duration.between(clock.instant(), instant);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
