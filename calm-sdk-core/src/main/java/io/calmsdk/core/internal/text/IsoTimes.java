package io.calmsdk.core.internal.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the shapes Cloud ALM writes nearly always ({@code 2025-06-30}, {@code 2025-06-30T10:15:00Z},
 * {@code 2025-06-30T10:15:00.123+02:00}) by hand. {@code DateTimeFormatter} cost about a third of decoding a
 * task list; this costs a few comparisons. Anything else, a bad value included, gives {@code null}, so the
 * callers fall back to {@code java.time}'s parsers, which accept every ISO-8601 variant and word the errors.
 */
public final class IsoTimes {

    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
        10, 1};

    private IsoTimes() {
    }

    /**
     * The calendar date in the first ten characters ({@code YYYY-MM-DD}).
     *
     * @param s the text
     * @return the date, or {@code null} when the text does not start with a valid {@code YYYY-MM-DD}
     */
    public static LocalDate date(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /**
     * The instant of {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}][Z|+HH:MM|-HH:MM]}.
     *
     * @param s the text
     * @param offsetRequired whether a text without an offset is refused; when not, it is read as UTC
     * @return the instant, or {@code null} when the text is not exactly that shape or not a valid time
     */
    public static Instant instant(String s, boolean offsetRequired) {
        int n = s.length();
        if (n < 19 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        LocalDate date = date(s);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return null;
            }
            nanos = digits(s, start, i - start) * NANO_SCALE[i - start];
        }
        int offsetSeconds;
        if (i == n) {
            if (offsetRequired) {
                return null;
            }
            offsetSeconds = 0;
        } else if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long epochSecond = date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
