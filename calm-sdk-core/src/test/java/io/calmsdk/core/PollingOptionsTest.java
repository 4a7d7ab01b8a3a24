package io.calmsdk.core;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollingOptionsTest {

    @Test
    void defaults_areOneSecondOneAndAHalfFifteenSecondsTenMinutes() {
        PollingOptions d = PollingOptions.defaults();

        assertThat(d.initialDelay()).isEqualTo(ofSeconds(1));
        assertThat(d.multiplier()).isEqualTo(1.5);
        assertThat(d.maxInterval()).isEqualTo(ofSeconds(15));
        assertThat(d.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(PollingOptions.builder().build()).isEqualTo(d);
    }

    @Test
    void interval_growsByMultiplierAndIsCappedAtMaxInterval() {
        PollingOptions o = PollingOptions.builder().initialDelay(ofMillis(500)).multiplier(2)
                .maxInterval(ofSeconds(3)).build();

        assertThat(o.interval(1)).isEqualTo(ofMillis(500));
        assertThat(o.interval(2)).isEqualTo(ofSeconds(1));
        assertThat(o.interval(3)).isEqualTo(ofSeconds(2));
        assertThat(o.interval(4)).isEqualTo(ofSeconds(3));
        assertThat(o.interval(5)).isEqualTo(ofSeconds(3));
        assertThat(o.interval(Integer.MAX_VALUE)).isEqualTo(ofSeconds(3));
    }

    @Test
    void interval_attemptBelowOne_throws() {
        assertThatThrownBy(() -> PollingOptions.defaults().interval(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempt must be at least 1, was 0");
    }

    @Test
    void builder_nonPositiveDurations_throwNamingTheSetting() {
        assertThatThrownBy(() -> PollingOptions.builder().initialDelay(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("initialDelay must be positive, was PT0S");
        assertThatThrownBy(() -> PollingOptions.builder().maxInterval(ofSeconds(-1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("maxInterval must be positive, was PT-1S");
        assertThatThrownBy(() -> PollingOptions.builder().timeout(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("timeout must be positive, was PT0S");
    }

    @Test
    void builder_nullDurations_throwNamingTheSetting() {
        PollingOptions.Builder b = PollingOptions.builder();

        assertThatThrownBy(() -> b.initialDelay(null)).isInstanceOf(NullPointerException.class).hasMessage("initialDelay");
        assertThatThrownBy(() -> b.maxInterval(null)).isInstanceOf(NullPointerException.class).hasMessage("maxInterval");
        assertThatThrownBy(() -> b.timeout(null)).isInstanceOf(NullPointerException.class).hasMessage("timeout");
    }

    @Test
    void builder_badMultiplier_throwsNamingTheSetting() {
        for (double bad : new double[] {0.99, 0, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> PollingOptions.builder().multiplier(bad).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("multiplier must be a finite number of at least 1.0, was");
        }
        assertThat(PollingOptions.builder().multiplier(1.0).build().multiplier()).isEqualTo(1.0);
    }

    @Test
    void build_maxIntervalShorterThanInitialDelay_throwsNamingBoth() {
        PollingOptions.Builder b = PollingOptions.builder().initialDelay(ofSeconds(20));

        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("maxInterval must be at least initialDelay (PT20S), was PT15S");
    }

    @Test
    void toBuilder_copiesEverySetting() {
        PollingOptions o = PollingOptions.builder().initialDelay(ofSeconds(2)).multiplier(3)
                .maxInterval(ofSeconds(20)).timeout(Duration.ofMinutes(1)).build();

        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o.toBuilder().timeout(Duration.ofMinutes(2)).build()).isNotEqualTo(o);
    }

    @Test
    void equals_comparesEverySetting() {
        PollingOptions d = PollingOptions.defaults();

        assertThat(d).isEqualTo(d)
                .isNotEqualTo(d.toBuilder().initialDelay(ofSeconds(2)).build())
                .isNotEqualTo(d.toBuilder().multiplier(2).build())
                .isNotEqualTo(d.toBuilder().maxInterval(ofSeconds(16)).build())
                .isNotEqualTo(d.toBuilder().timeout(ofSeconds(16)).build())
                .isNotEqualTo("options");
    }

    @Test
    void toString_listsEverySetting() {
        assertThat(PollingOptions.defaults().toString())
                .isEqualTo("PollingOptions{initialDelay=PT1S, multiplier=1.5, maxInterval=PT15S, timeout=PT10M}");
    }
}
