package io.calmsdk.testkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.testkit.SimulatorBuilder.RetryAfterFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    private static final Instant NOW = Instant.parse("2024-05-07T10:15:30.200Z");
    private static final Instant RETRY = Instant.parse("2024-05-07T10:16:00.100Z");

    @Test
    void retryAfter_httpDate_isRfc1123RoundedUp() {
        assertThat(HttpDates.retryAfter(RetryAfterFormat.HTTP_DATE, NOW, RETRY))
                .isEqualTo("Tue, 7 May 2024 10:16:01 GMT");
    }

    @Test
    void retryAfter_goDate_isTheFieldForm() {
        assertThat(HttpDates.retryAfter(RetryAfterFormat.GO_DATE, NOW, RETRY)).isEqualTo("2024-05-07 10:16:01 +0000 UTC");
    }

    @Test
    void retryAfter_seconds_isRoundedUpAndAtLeastOne() {
        assertThat(HttpDates.retryAfter(RetryAfterFormat.SECONDS, NOW, RETRY)).isEqualTo("30");
        assertThat(HttpDates.retryAfter(RetryAfterFormat.SECONDS, NOW, NOW)).isEqualTo("1");
    }

    @Test
    void forms_decodePlusAndPercentAndKeepRepeatedParameters() {
        assertThat(Forms.parse("a=1+2&b=x%20y&a=3")).containsEntry("a", java.util.List.of("1 2", "3"))
                .containsEntry("b", java.util.List.of("x y"));
        assertThat(Forms.decodePath("/a+b%2Fc")).isEqualTo("/a+b/c");
        assertThat(Forms.decode("%zz")).isEqualTo("%zz");
    }
}
