package io.calmsdk.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.model.LogRecord;
import io.calmsdk.api.model.MetricPoint;
import io.calmsdk.core.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flattens the OpenTelemetry JSON encoding ({@code protobuf-json}) the raw data APIs answer into one item per
 * metric data point or log record, each carrying its resource's attributes. Reads the spellings the OpenTelemetry
 * JSON mapping allows: lowerCamelCase field names (and the snake_case of older exporters), 64-bit numbers as
 * strings or numbers. Thread-safe.
 */
public final class Otlp {

    private static final Set<String> KINDS = Set.of("gauge", "sum", "histogram", "exponentialHistogram", "summary");
    /** A data point's fields that {@link MetricPoint} types; the others are kept as sent. */
    private static final Set<String> TYPED_POINT_FIELDS = Set.of("attributes", "timeUnixNano", "time_unix_nano",
            "asDouble", "as_double", "asInt", "as_int");
    /** A log record's fields that {@link LogRecord} types; the others are kept as sent. */
    private static final Set<String> TYPED_LOG_FIELDS = Set.of("timeUnixNano", "time_unix_nano",
            "observedTimeUnixNano", "observed_time_unix_nano", "severityText", "severity_text", "severityNumber",
            "severity_number", "body", "attributes");

    private Otlp() {
    }

    /**
     * The metric data points of a page.
     *
     * @param page the answer, {@code {"resourceMetrics": [...]}}
     * @return the points, in order
     */
    public static List<MetricPoint> metricPoints(JsonNode page) {
        List<MetricPoint> out = new ArrayList<>();
        for (JsonNode rm : field(page, "resourceMetrics", "resource_metrics")) {
            Map<String, Object> resource = attributes(rm.path("resource").path("attributes"));
            for (JsonNode sm : field(rm, "scopeMetrics", "scope_metrics", "instrumentationLibraryMetrics")) {
                for (JsonNode metric : field(sm, "metrics")) {
                    String name = metric.path("name").asText("");
                    Optional<String> unit = text(metric, "unit");
                    for (String kind : KINDS) {
                        JsonNode data = metric.path(kind);
                        for (JsonNode point : field(data, "dataPoints", "data_points")) {
                            out.add(point(name, unit, kind, point, resource));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static MetricPoint point(String name, Optional<String> unit, String kind, JsonNode point,
                                     Map<String, Object> resource) {
        Map<String, Object> others = others(point, TYPED_POINT_FIELDS);
        Optional<Double> value = number(point, "asDouble", "as_double");
        if (value.isEmpty()) {
            value = number(point, "asInt", "as_int");
        }
        if (value.isEmpty()) {
            value = number(point, "sum");
        }
        return new MetricPoint(name, unit, kind, nanos(point, "timeUnixNano", "time_unix_nano"), value,
                attributes(point.path("attributes")), resource, others);
    }

    /**
     * The log records of a page.
     *
     * @param page the answer, {@code {"resourceLogs": [...]}}
     * @return the records, in order
     */
    public static List<LogRecord> logRecords(JsonNode page) {
        List<LogRecord> out = new ArrayList<>();
        for (JsonNode rl : field(page, "resourceLogs", "resource_logs")) {
            Map<String, Object> resource = attributes(rl.path("resource").path("attributes"));
            for (JsonNode sl : field(rl, "scopeLogs", "scope_logs", "instrumentationLibraryLogs")) {
                for (JsonNode r : field(sl, "logRecords", "log_records")) {
                    Map<String, Object> others = others(r, TYPED_LOG_FIELDS);
                    Object body = r.has("body") ? anyValue(r.get("body")) : null;
                    Optional<String> bodyText = body == null ? Optional.empty() : Optional.of(body instanceof String s
                            ? s : Json.mapper().valueToTree(body).toString());
                    Optional<Integer> severity = number(r, "severityNumber", "severity_number").map(Double::intValue);
                    out.add(new LogRecord(nanos(r, "timeUnixNano", "time_unix_nano"),
                            nanos(r, "observedTimeUnixNano", "observed_time_unix_nano"),
                            text(r, "severityText").or(() -> text(r, "severity_text")), severity, bodyText,
                            attributes(r.path("attributes")), resource, others));
                }
            }
        }
        return out;
    }

    /** The fields of {@code node} not in {@code typed}, as plain Java values, in the order sent. */
    private static Map<String, Object> others(JsonNode node, Set<String> typed) {
        Map<String, Object> others = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!typed.contains(e.getKey())) {
                others.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class));
            }
        });
        return others;
    }

    private static Iterable<JsonNode> field(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.path(name);
            if (v.isArray()) {
                return v;
            }
        }
        return List.of();
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode v = node.path(name);
        return v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static Optional<Double> number(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.path(name);
            if (v.isNumber()) {
                return Optional.of(v.doubleValue());
            }
            if (v.isTextual()) {
                try {
                    return Optional.of(Double.parseDouble(v.asText().strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("field '" + name + "' is not a number: " + v.asText(), e);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> nanos(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.path(name);
            if (v.isNumber() || v.isTextual()) {
                String text = v.asText().strip();
                if (text.isEmpty() || text.equals("0")) {
                    return Optional.empty();
                }
                try {
                    long n = Long.parseLong(text);
                    return Optional.of(Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("field '" + name + "' is not a time in nanoseconds: " + text, e);
                }
            }
        }
        return Optional.empty();
    }

    /** OpenTelemetry key-value list {@code [{"key":..,"value":{"stringValue":..}}]} as plain Java values. */
    static Map<String, Object> attributes(JsonNode list) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (list.isArray()) {
            for (JsonNode kv : list) {
                out.put(kv.path("key").asText(), anyValue(kv.path("value")));
            }
        }
        return out;
    }

    private static Object anyValue(JsonNode v) {
        if (v.isValueNode()) {
            return v.isNull() ? null : Json.mapper().convertValue(v, Object.class);
        }
        if (v.has("stringValue") || v.has("string_value")) {
            return v.has("stringValue") ? v.get("stringValue").asText() : v.get("string_value").asText();
        }
        if (v.has("boolValue")) {
            return v.get("boolValue").asBoolean();
        }
        if (v.has("intValue")) {
            return Long.parseLong(v.get("intValue").asText().strip());
        }
        if (v.has("doubleValue")) {
            return v.get("doubleValue").asDouble();
        }
        if (v.has("arrayValue")) {
            List<Object> values = new ArrayList<>();
            v.path("arrayValue").path("values").forEach(e -> values.add(anyValue(e)));
            return values;
        }
        if (v.has("kvlistValue")) {
            return attributes(v.path("kvlistValue").path("values"));
        }
        if (v.isMissingNode() || v.isNull() || v.isEmpty()) {
            return null;
        }
        // bytesValue, or a shape the mapping does not know: kept as sent.
        return Json.mapper().convertValue(v, Object.class);
    }
}
