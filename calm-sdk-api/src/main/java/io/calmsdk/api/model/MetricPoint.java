package io.calmsdk.api.model;

import io.calmsdk.api.internal.JsonFields;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One data point of the Cloud ALM raw data outbound metrics API ({@code GET /calm-metrics/v1/metrics}, scope
 * {@code calm-api.metrics.read}), flattened from the OpenTelemetry metrics JSON it answers
 * ({@code format=protobuf-json}: {@code resourceMetrics[].scopeMetrics[].metrics[].<gauge|sum|histogram>.dataPoints[]}).
 * The request parameters are SAP's (analytics Postman collection); the answer is the OpenTelemetry protocol's JSON
 * encoding, which SAP's raw data API guide names. Immutable and thread-safe.
 *
 * @param metric the metric's name, e.g. {@code hm.value}
 * @param unit the metric's unit, when sent
 * @param kind the kind of metric, e.g. {@code gauge}, {@code sum}, {@code histogram}
 * @param time the point's time ({@code timeUnixNano}), when sent
 * @param value the point's value ({@code asDouble}, {@code asInt}, or a histogram's {@code sum}), when sent
 * @param attributes the point's attributes (dimensions), as plain Java values
 * @param resource the attributes of the resource the point belongs to, e.g. {@code serviceId}
 * @param otherFields every other field of the data point, as plain Java values, in the order sent
 */
public record MetricPoint(String metric, Optional<String> unit, String kind, Optional<Instant> time,
                          Optional<Double> value, Map<String, Object> attributes, Map<String, Object> resource,
                          Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the maps.
     *
     * @param metric see {@link #metric()}
     * @param unit see {@link #unit()}
     * @param kind see {@link #kind()}
     * @param time see {@link #time()}
     * @param value see {@link #value()}
     * @param attributes see {@link #attributes()}
     * @param resource see {@link #resource()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public MetricPoint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(value, "value");
        attributes = JsonFields.copy(attributes);
        resource = JsonFields.copy(resource);
        otherFields = JsonFields.copy(otherFields);
    }
}
