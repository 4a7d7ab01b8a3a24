package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.WireMaps;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of the Cloud ALM analytics {@code DataSet} ({@code /calm-analytics/v1/odata/v4/analytics/DataSet}, as
 * SAP's analytics Postman collection reads it): a {@code date}, numbered dimensions ({@code d1k}/{@code d1v},
 * {@code d2k}/{@code d2v}, ...) and numbered measures ({@code m1k}/{@code m1v}, ...), whose meaning the data
 * provider defines. Every field sent is kept, the dimensions and measures in {@link #otherFields()}.
 *
 * @param date the row's date or time bucket, when sent
 * @param otherFields the dimensions, measures and every other field sent, as plain Java values
 */
public record DataSetRow(Optional<String> date, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null}.
     *
     * @param date see {@link #date()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public DataSetRow {
        Objects.requireNonNull(date, "date");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static DataSetRow fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "data set row");
        return new DataSetRow(f.text("date"), f.others());
    }

    /**
     * The key of a dimension ({@code d<n>k}), e.g. a status code.
     *
     * @param n the dimension's number, from 1
     * @return the key, if sent
     */
    public Optional<String> dimensionKey(int n) {
        return text("d" + n + "k");
    }

    /**
     * The value (label) of a dimension ({@code d<n>v}).
     *
     * @param n the dimension's number, from 1
     * @return the value, if sent
     */
    public Optional<String> dimensionValue(int n) {
        return text("d" + n + "v");
    }

    /**
     * The key of a measure ({@code m<n>k}).
     *
     * @param n the measure's number, from 1
     * @return the key, if sent
     */
    public Optional<String> measureKey(int n) {
        return text("m" + n + "k");
    }

    /**
     * The value of a measure ({@code m<n>v}), also when sent as text.
     *
     * @param n the measure's number, from 1
     * @return the value, if sent and numeric
     */
    public Optional<Double> measureValue(int n) {
        Object v = otherFields.get("m" + n + "v");
        if (v instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        try {
            return v == null ? Optional.empty() : Optional.of(Double.parseDouble(v.toString()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String name) {
        Object v = otherFields.get(name);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("date", date).putOthers(otherFields).build();
    }
}
