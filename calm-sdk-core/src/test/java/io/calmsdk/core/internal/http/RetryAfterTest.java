package io.calmsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }

    @Test
    void parse_deltaSeconds_isThatManySeconds() {
        assertThat(RetryAfter.parse(headers("Retry-After", "120"), CLOCK)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(headers("retry-after", " 0 "), CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void parse_httpDate_isTimeUntilThatDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(7).atZone(ZoneOffset.UTC));

        assertThat(RetryAfter.parse(headers("Retry-After", date), CLOCK)).contains(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-24 10:00:05 +0000 UTC|5000",
        "2026-11-24 10:00:05.250 +0000 UTC|5250",
        "2026-11-24 11:00:05 +0100 CET|5000",
        "2026-11-24 10:00:05 +00:00|5000",
        "2026-11-24 10:00:05|5000",
        "2026-11-24T10:00:05Z|5000",
        "2026-11-24T10:00:05.5Z|5500"
    })
    void parse_serviceManagerAndIsoDates_areTimeUntilThatDate(String value, long expectedMillis) {
        assertThat(RetryAfter.parse(headers("Retry-After", value), CLOCK)).contains(Duration.ofMillis(expectedMillis));
    }

    @Test
    void parse_dateInThePast_isZero() {
        assertThat(RetryAfter.parse(headers("Retry-After", "2026-11-24 09:00:00 +0000 UTC"), CLOCK))
                .contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "2026-13-45 10:00:05 +0000 UTC", "", "Tue, 99 Nov 2026 10:00:05 GMT",
        "99999999999"})
    void parse_unreadableRetryAfter_isEmpty(String value) {
        assertThat(RetryAfter.parse(headers("Retry-After", value), CLOCK)).isEmpty();
    }

    @Test
    void parse_rateLimitResetEpochMillis_isTimeUntilThen() {
        String millis = String.valueOf(NOW.plusMillis(2500).toEpochMilli());

        assertThat(RetryAfter.parse(headers("X-Ratelimit-Reset", millis), CLOCK)).contains(Duration.ofMillis(2500));
    }

    @Test
    void parse_rateLimitResetEpochSeconds_isTimeUntilThen() {
        String seconds = String.valueOf(NOW.plusSeconds(9).getEpochSecond());

        assertThat(RetryAfter.parse(headers("x-ratelimit-reset", seconds), CLOCK)).contains(Duration.ofSeconds(9));
    }

    @Test
    void parse_rateLimitResetSmallNumber_isDeltaSeconds() {
        assertThat(RetryAfter.parse(headers("X-Ratelimit-Reset", "30"), CLOCK)).contains(Duration.ofSeconds(30));
    }

    @Test
    void parse_rateLimitResetGarbage_isEmpty() {
        assertThat(RetryAfter.parse(headers("X-Ratelimit-Reset", "later"), CLOCK)).isEmpty();
    }

    @Test
    void parse_bothHeaders_retryAfterWins() {
        HttpHeaders h = HttpHeaders.of(Map.of("Retry-After", List.of("3"),
                "X-Ratelimit-Reset", List.of(String.valueOf(NOW.plusSeconds(50).toEpochMilli()))), (a, b) -> true);

        assertThat(RetryAfter.parse(h, CLOCK)).contains(Duration.ofSeconds(3));
    }

    @Test
    void parse_unreadableRetryAfterWithReset_fallsBackToReset() {
        HttpHeaders h = HttpHeaders.of(Map.of("Retry-After", List.of("soon"),
                "X-Ratelimit-Reset", List.of("4")), (a, b) -> true);

        assertThat(RetryAfter.parse(h, CLOCK)).contains(Duration.ofSeconds(4));
    }

    @Test
    void parse_noHeaders_isEmpty() {
        assertThat(RetryAfter.parse(HttpHeaders.of(Map.of(), (a, b) -> true), CLOCK)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parseRetryAfter(null, CLOCK)).isEmpty();
    }
}
