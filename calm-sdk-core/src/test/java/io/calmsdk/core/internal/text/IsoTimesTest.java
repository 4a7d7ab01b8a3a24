package io.calmsdk.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTest {

    @Test
    void agreesWithJavaTimeOnGeneratedTimestamps() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long epochSecond = random.nextLong() % 4_000_000_000L + 1_000_000_000L;
            LocalDateTime local = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
            int fractionDigits = random.nextInt(10);
            StringBuilder text = new StringBuilder(local.toLocalDate().toString()).append('T')
                    .append(String.format("%02d:%02d:%02d", local.getHour(), local.getMinute(), local.getSecond()));
            if (fractionDigits > 0) {
                text.append('.');
                for (int d = 0; d < fractionDigits; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            int offsetMinutes = (random.nextInt(37) - 18) * 60 + (random.nextBoolean() ? 0 : 30);
            if (Math.abs(offsetMinutes) > 18 * 60) {
                offsetMinutes = 0;
            }
            switch (random.nextInt(3)) {
                case 0 -> text.append('Z');
                case 1 -> text.append(ZoneOffset.ofTotalSeconds(offsetMinutes * 60).getId().replace("Z", "+00:00"));
                default -> { }
            }
            String s = text.toString();
            Instant expected = s.length() > 19 && (s.endsWith("Z") || s.charAt(s.length() - 6) == '+'
                    || s.charAt(s.length() - 6) == '-')
                    ? OffsetDateTime.parse(s).toInstant() : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            assertThat(IsoTimes.instant(s, false)).as(s).isEqualTo(expected);
            assertThat(IsoTimes.date(s)).as(s).isEqualTo(LocalDate.parse(s.substring(0, 10)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30T10:00:00Z", "2025-02-03T24:00:00Z", "2025-02-03T10:00:60Z",
        "2025-2-03T10:00:00Z", "2025-02-03t10:00:00Z", "2025-02-03T10:00:00z", "2025-02-03T10:00:00.Z",
        "2025-02-03T10:00:00.1234567891Z", "2025-02-03T10:00:00+5:30", "2025-02-03T10:00:00+19:00",
        "2025-02-03T10:00:00+18:30", "2025-02-03T10:00Z", "2025-02-03T10:00:00+05:30:15", "+12025-02-03T10:00:00Z",
        "2025-02-03T10:00:00Zjunk", "2025-02-03 10:00:00Z"})
    void leavesEverythingElseToJavaTime(String text) {
        assertThat(IsoTimes.instant(text, false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2025-13-01", "2025-00-10", "25-02-03", "2025/02/03", "+2025-02-03",
        "2025-02-3"})
    void leavesBadDatesToJavaTime(String text) {
        assertThat(IsoTimes.date(text)).isNull();
    }

    @Test
    void offsetRequired_refusesALocalTimestamp() {
        assertThat(IsoTimes.instant("2025-02-03T10:00:00", true)).isNull();
        assertThat(IsoTimes.instant("2025-02-03T10:00:00", false)).isEqualTo(Instant.parse("2025-02-03T10:00:00Z"));
        assertThat(IsoTimes.instant("2025-02-03T10:00:00-01:30", true)).isEqualTo(Instant.parse("2025-02-03T11:30:00Z"));
    }
}
