package io.calmsdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The java.time types as the SDK's mapper writes and reads them, the forms jsr310 accepted included. */
class TimeModuleTest {

    private final ObjectMapper json = Json.mapper();

    private <T> T read(String value, Class<T> type) throws Exception {
        return json.readValue(value, type);
    }

    @Test
    void instant_writesIsoUtc_readsIsoWithAnyOffsetAndEpochSeconds() throws Exception {
        Instant t = Instant.parse("2026-12-03T13:58:07.123Z");

        assertThat(json.writeValueAsString(t)).isEqualTo("\"2026-12-03T13:58:07.123Z\"");
        assertThat(read("\"2026-12-03T13:58:07.123Z\"", Instant.class)).isEqualTo(t);
        assertThat(read("\"2026-12-03T14:58:07.123+01:00\"", Instant.class)).isEqualTo(t);
        assertThat(read("1764770287", Instant.class)).isEqualTo(Instant.ofEpochSecond(1764770287));
        assertThat(read("1764770287.5", Instant.class)).isEqualTo(Instant.ofEpochSecond(1764770287, 500_000_000));
        assertThat(read("\"\"", Instant.class)).isNull();
    }

    @Test
    void localDate_readsDatesDateTimesAndArrays() throws Exception {
        LocalDate d = LocalDate.of(2026, 12, 3);

        assertThat(json.writeValueAsString(d)).isEqualTo("\"2026-12-03\"");
        assertThat(read("\"2026-12-03\"", LocalDate.class)).isEqualTo(d);
        assertThat(read("\"2026-12-03T00:00:00Z\"", LocalDate.class)).isEqualTo(d);
        assertThat(read("\"2026-12-03T00:00:00\"", LocalDate.class)).isEqualTo(d);
        assertThat(read("[2026,12,3]", LocalDate.class)).isEqualTo(d);
    }

    @Test
    void offsetZonedLocalDateTimeAndDuration_roundTrip() throws Exception {
        OffsetDateTime odt = OffsetDateTime.of(2026, 12, 3, 14, 0, 0, 0, ZoneOffset.ofHours(1));
        ZonedDateTime zdt = odt.toZonedDateTime();
        LocalDateTime ldt = LocalDateTime.of(2026, 12, 3, 14, 0, 5);
        Duration d = Duration.ofMillis(1500);

        assertThat(read(json.writeValueAsString(odt), OffsetDateTime.class)).isEqualTo(odt);
        assertThat(read(json.writeValueAsString(zdt), ZonedDateTime.class).toOffsetDateTime()).isEqualTo(odt);
        assertThat(json.writeValueAsString(ldt)).isEqualTo("\"2026-12-03T14:00:05\"");
        assertThat(read("[2026,12,3,14,0,5]", LocalDateTime.class)).isEqualTo(ldt);
        assertThat(json.writeValueAsString(d)).isEqualTo("\"PT1.5S\"");
        assertThat(read("\"PT1.5S\"", Duration.class)).isEqualTo(d);
        assertThat(read("1.5", Duration.class)).isEqualTo(d);
    }

    @Test
    void insideMaps_writtenAsText() throws Exception {
        Map<?, ?> back = json.readValue(json.writeValueAsString(Map.of("at", Instant.EPOCH)), Map.class);

        assertThat(back.get("at")).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void notADate_failsNamingTheTypeAndText() {
        assertThatThrownBy(() -> read("\"3rd of December\"", LocalDate.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("LocalDate").hasMessageContaining("3rd of December");
        assertThatThrownBy(() -> read("true", Instant.class)).isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> read("[2026,12]", LocalDate.class)).isInstanceOf(JsonMappingException.class);
    }
}
