package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.LenientDates;
import io.calmsdk.api.internal.WireMaps;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A timebox (phase, sprint or release) of a Cloud ALM project, as returned by
 * {@code /calm-projects/v1/projects/{id}/timeboxes}.
 *
 * @param id the timebox's id
 * @param name the timebox's name
 * @param type the timebox's type as Cloud ALM spells it (e.g. a phase or sprint code), when sent
 * @param startDate the first day of the timebox, when sent
 * @param endDate the last day of the timebox, when sent
 */
public record Timebox(String id, String name, Optional<String> type, Optional<LocalDate> startDate,
                      Optional<LocalDate> endDate) {

    /**
     * Checks that required fields are present.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param type see {@link #type()}
     * @param startDate see {@link #startDate()}
     * @param endDate see {@link #endDate()}
     * @throws NullPointerException if any argument is {@code null} (use {@link Optional#empty()})
     */
    public Timebox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
    }

    /**
     * Creates a timebox from its JSON fields; used by the SDK's JSON decoding. Dates may be dates or
     * timestamps.
     *
     * @param id the id
     * @param name the name
     * @param type the type, may be {@code null}
     * @param startDate the start date, may be {@code null}
     * @param endDate the end date, may be {@code null}
     * @return the timebox
     * @throws NullPointerException if {@code id} or {@code name} is missing
     * @throws IllegalArgumentException if a date cannot be read
     */
    @JsonCreator
    public static Timebox fromJson(@JsonProperty("id") String id, @JsonProperty("name") String name,
                                   @JsonProperty("type") String type,
                                   @JsonProperty("startDate") String startDate,
                                   @JsonProperty("endDate") String endDate) {
        return new Timebox(id, name, Optional.ofNullable(type), LenientDates.parse(startDate),
                LenientDates.parse(endDate));
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("name", name).put("type", type)
                .put("startDate", startDate).put("endDate", endDate).build();
    }
}
