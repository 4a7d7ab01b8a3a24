package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.core.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of a query of the analytics REST data interface ({@code POST /calm-analytics/v1/analytics/providers/data}):
 * a table ({@code columns} and {@code rows}) for {@code format: table}, or a series of {@code datapoints}
 * ({@code [value, timestamp]}) for {@code format: time_series}. SAP's collection records the requests only; the
 * answer fields are UNVERIFIED (the Grafana JSON data source shape the request follows). Columns are read as
 * texts or as objects with a {@code text} or {@code name}; every field sent is kept.
 *
 * @param name the query's name (legend), from {@code name} or {@code target}, when sent
 * @param columns the column names of a table, in order
 * @param rows the rows of a table, each a list of plain Java values in column order
 * @param datapoints the points of a time series, each a list of plain Java values (value, timestamp)
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record AnalyticsSeries(Optional<String> name, List<String> columns, List<List<Object>> rows,
                              List<List<Object>> datapoints, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param name see {@link #name()}
     * @param columns see {@link #columns()}
     * @param rows see {@link #rows()}
     * @param datapoints see {@link #datapoints()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public AnalyticsSeries {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        rows = copy(rows);
        datapoints = copy(datapoints);
        otherFields = JsonFields.copy(otherFields);
    }

    private static List<List<Object>> copy(List<List<Object>> lists) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> l : lists) {
            out.add(java.util.Collections.unmodifiableList(new ArrayList<>(l)));
        }
        return List.copyOf(out);
    }

    /**
     * The value of a column in a row, by the column's name.
     *
     * @param row the row's index
     * @param column the column's name
     * @return the value, empty when the column is unknown or the value {@code null}
     * @throws IndexOutOfBoundsException if there is no such row
     */
    public Optional<Object> value(int row, String column) {
        int i = columns.indexOf(column);
        List<Object> r = rows.get(row);
        return i < 0 || i >= r.size() ? Optional.empty() : Optional.ofNullable(r.get(i));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static AnalyticsSeries fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "analytics series");
        Optional<String> name = f.text("name", "target", "refId");
        List<String> columns = new ArrayList<>();
        JsonNode cols = f.object().path("columns");
        f.text("columns");
        if (cols.isArray()) {
            cols.forEach(c -> columns.add(c.isObject() ? c.path(c.has("text") ? "text" : "name").asText() : c.asText()));
        }
        return new AnalyticsSeries(name, columns, lists(f.object().path("rows")), lists(f.object().path("datapoints")),
                withoutRead(f));
    }

    private static Map<String, Object> withoutRead(JsonFields f) {
        f.text("rows");
        f.text("datapoints");
        Map<String, Object> others = new java.util.LinkedHashMap<>(f.others());
        JsonNode cols = f.object().path("columns");
        if (cols.isArray() && cols.size() > 0 && cols.get(0).isObject()) {
            // Column objects carry more than their names (types): keep them verbatim.
            others.put("columns", Json.mapper().convertValue(cols, Object.class));
        }
        return others;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> lists(JsonNode array) {
        List<List<Object>> out = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode e : array) {
                Object v = Json.mapper().convertValue(e, Object.class);
                out.add(v instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>(java.util.Collections.singletonList(v)));
            }
        }
        return out;
    }

    @JsonValue
    private Map<String, Object> toWire() {
        Object cols = otherFields.containsKey("columns") ? otherFields.get("columns") : columns.isEmpty() ? null : columns;
        return WireMaps.object().put("name", name).put("columns", cols).put("rows", rows.isEmpty() ? null : rows)
                .put("datapoints", datapoints.isEmpty() ? null : datapoints).putOthers(otherFields).build();
    }
}
