package io.calmsdk.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

    @ParameterizedTest
    @CsvSource({"PT0S, 0 ms", "PT0.087S, 87 ms", "PT1.411996287S, 1.4 s", "PT30S, 30 s", "PT10M, 10 min",
        "PT2M5S, 2 min 5 s", "PT2H10M, 2 h 10 min", "PT3H, 3 h", "PT-5S, 0 ms"})
    void of_readsAsPeopleWriteIt(String iso, String human) {
        assertThat(HumanDuration.of(Duration.parse(iso))).isEqualTo(human);
    }
}
