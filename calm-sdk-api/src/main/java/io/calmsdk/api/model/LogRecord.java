package io.calmsdk.api.model;

import io.calmsdk.api.internal.JsonFields;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of the Cloud ALM raw data outbound logs API ({@code GET /calm-logs/v1/logs}), flattened from the
 * OpenTelemetry logs JSON it answers ({@code format=protobuf-json}:
 * {@code resourceLogs[].scopeLogs[].logRecords[]}). The request parameters are SAP's (analytics Postman
 * collection); the answer is the OpenTelemetry protocol's JSON encoding. Immutable and thread-safe.
 *
 * @param time when it happened ({@code timeUnixNano}), when sent
 * @param observedTime when it was observed ({@code observedTimeUnixNano}), when sent
 * @param severityText the severity, e.g. {@code ERROR}, when sent
 * @param severityNumber the OpenTelemetry severity number (1 to 24), when sent
 * @param body the message ({@code body}; a structured body as its JSON text), when sent
 * @param attributes the record's attributes, as plain Java values
 * @param resource the attributes of the resource the record belongs to, e.g. {@code serviceId}
 * @param otherFields every other field of the record, as plain Java values, in the order sent
 */
public record LogRecord(Optional<Instant> time, Optional<Instant> observedTime, Optional<String> severityText,
                        Optional<Integer> severityNumber, Optional<String> body, Map<String, Object> attributes,
                        Map<String, Object> resource, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the maps.
     *
     * @param time see {@link #time()}
     * @param observedTime see {@link #observedTime()}
     * @param severityText see {@link #severityText()}
     * @param severityNumber see {@link #severityNumber()}
     * @param body see {@link #body()}
     * @param attributes see {@link #attributes()}
     * @param resource see {@link #resource()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public LogRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(observedTime, "observedTime");
        Objects.requireNonNull(severityText, "severityText");
        Objects.requireNonNull(severityNumber, "severityNumber");
        Objects.requireNonNull(body, "body");
        attributes = JsonFields.copy(attributes);
        resource = JsonFields.copy(resource);
        otherFields = JsonFields.copy(otherFields);
    }
}
