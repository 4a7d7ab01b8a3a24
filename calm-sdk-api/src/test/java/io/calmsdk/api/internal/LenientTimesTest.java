package io.calmsdk.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LenientTimesTest {

    @Test
    void dates_acceptDatesAndTimestamps() {
        assertThat(LenientDates.parse("2025-02-03")).contains(LocalDate.of(2025, 2, 3));
        assertThat(LenientDates.parse("2025-02-03T23:00:00+02:00")).contains(LocalDate.of(2025, 2, 3));
        assertThat(LenientDates.parse("2025-02-03T10:00:00")).contains(LocalDate.of(2025, 2, 3));
        assertThat(LenientDates.parse(" ")).isEmpty();
        assertThat(LenientDates.parse(null)).isEmpty();
        assertThatThrownBy(() -> LenientDates.parse("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("soon");
    }

    @Test
    void instants_acceptOffsetsLocalTimesAndDates() {
        assertThat(LenientInstants.parse("2025-02-03T10:00:00Z")).contains(Instant.parse("2025-02-03T10:00:00Z"));
        assertThat(LenientInstants.parse("2025-02-03T10:00:00")).contains(Instant.parse("2025-02-03T10:00:00Z"));
        assertThat(LenientInstants.parse("2025-02-03")).contains(Instant.parse("2025-02-03T00:00:00Z"));
        assertThat(LenientInstants.parse("")).isEmpty();
        assertThatThrownBy(() -> LenientInstants.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lenientParsersGiveTheSameAnswersThroughTheFastPath() {
        assertThat(LenientInstants.parse("2025-02-03T10:00:00.5+02:00"))
                .contains(Instant.parse("2025-02-03T08:00:00.500Z"));
        assertThat(LenientInstants.parse("2025-02-03t10:00:00z")).contains(Instant.parse("2025-02-03T10:00:00Z"));
        assertThat(LenientInstants.parse("2025-02-03T10:00Z")).contains(Instant.parse("2025-02-03T10:00:00Z"));
        assertThat(LenientDates.parse("2025-02-03T23:30:00-05:00")).contains(LocalDate.of(2025, 2, 3));
        assertThat(LenientDates.parse("2025-02-03T10:00:00Zjunk")).contains(LocalDate.of(2025, 2, 3));
    }

    @Test
    void queryString_keepsODataCharactersAndEncodesSeparators() {
        assertThat(new QueryString().add("$filter", "title eq 'A&B+C=D#1%'").add("x", "é").toString())
                .isEqualTo("$filter=title%20eq%20'A%26B%2BC%3DD%231%25'&x=%C3%A9");
        assertThat(new QueryString().isEmpty()).isTrue();
    }
}
