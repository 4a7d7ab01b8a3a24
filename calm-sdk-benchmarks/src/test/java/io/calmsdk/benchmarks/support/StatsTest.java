package io.calmsdk.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void median_oddCount_middleValue() {
        assertThat(Stats.median(List.of(9, 1, 5))).isEqualTo(5.0);
    }

    @Test
    void median_evenCount_meanOfMiddleValues() {
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void percentile_bounds_minAndMax() {
        List<Integer> values = List.of(7, 3, 11, 5);
        assertThat(Stats.percentile(values, 0)).isEqualTo(3.0);
        assertThat(Stats.percentile(values, 100)).isEqualTo(11.0);
        assertThat(Stats.min(values)).isEqualTo(3.0);
        assertThat(Stats.max(values)).isEqualTo(11.0);
    }

    @Test
    void median_noValues_refused() {
        assertThatThrownBy(() -> Stats.median(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no values");
    }
}
