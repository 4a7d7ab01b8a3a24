package io.calmsdk.core.internal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The deadline of a wait, computed without overflowing at the edge of {@link Instant}'s range. */
class PollRunDeadlineTest {

    private static final Instant START = Instant.parse("2026-12-03T10:15:30.5Z");

    @Test
    void deadline_ordinaryTimeout_isStartPlusTimeout() {
        assertThat(PollRun.deadline(START, Duration.ofMinutes(10))).isEqualTo(Instant.parse("2026-12-03T10:25:30.5Z"));
    }

    @Test
    void deadline_timeoutPastTheLastInstant_isInstantMax() {
        assertThat(PollRun.deadline(START, Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))).isEqualTo(Instant.MAX);
        assertThat(PollRun.deadline(Instant.MIN, Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Instant.MAX);
    }

    @Test
    void deadline_rightBelowInstantMax_isExactAndDoesNotThrow() {
        Instant nearEnd = Instant.MAX.minusSeconds(10).minusNanos(1);

        assertThat(PollRun.deadline(nearEnd, Duration.ofSeconds(9, 999_999_999))).isEqualTo(Instant.MAX.minusNanos(2));
        assertThat(PollRun.deadline(nearEnd, Duration.ofSeconds(10))).isEqualTo(Instant.MAX.minusNanos(1));
        assertThat(PollRun.deadline(nearEnd, Duration.ofSeconds(10, 2))).isEqualTo(Instant.MAX);
        assertThat(PollRun.deadline(Instant.MAX, Duration.ofNanos(1))).isEqualTo(Instant.MAX);
    }
}
