package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatorClockTest {

    private static final Instant BASE = Instant.parse("2030-01-01T00:00:00Z");
    private final SimulatorClock clock = new SimulatorClock(Clock.fixed(BASE, ZoneOffset.UTC));

    @Test
    void advance_running_addsOffsetToBase() {
        clock.advance(Duration.ofHours(13));

        assertThat(clock.instant()).isEqualTo(BASE.plus(Duration.ofHours(13)));
    }

    @Test
    void freeze_thenAdvance_movesTheFrozenInstant() {
        clock.freezeAt(BASE.plusSeconds(10)).advance(Duration.ofSeconds(5));

        assertThat(clock.instant()).isEqualTo(BASE.plusSeconds(15));
        assertThat(clock.toString()).contains("frozen");
    }

    @Test
    void resume_afterFreeze_keepsTheFrozenPositionAsOffset() {
        clock.freezeAt(BASE.plusSeconds(60)).resume();

        assertThat(clock.instant()).isEqualTo(BASE.plusSeconds(60));
    }

    @Test
    void reset_dropsOffsetAndFreeze() {
        clock.advance(Duration.ofDays(3)).freeze().reset();

        assertThat(clock.instant()).isEqualTo(BASE);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneOffset.ofHours(2))).isSameAs(clock);
    }
}
