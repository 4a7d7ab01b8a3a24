package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.WireMaps;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A status event of a business service (a disruption, degradation or maintenance) from the Cloud ALM Status
 * Events API ({@code GET /bsm-service/v1/events}, scope {@code calm-api.bsm.read}, SAP's API guide). Fields
 * UNVERIFIED (from open-source clients, consetto/calmcp); every field sent is kept.
 *
 * @param id the event's key
 * @param title the title, when sent
 * @param type the type, e.g. {@code DISRUPTION}, when sent
 * @param eventType the event type, when sent
 * @param status the status, when sent
 * @param serviceName the affected service, when sent
 * @param serviceType the service type, when sent
 * @param startTime when it started, when sent
 * @param endTime when it ended, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record StatusEvent(String id, Optional<String> title, Optional<String> type, Optional<String> eventType,
                          Optional<String> status, Optional<String> serviceName, Optional<String> serviceType,
                          Optional<Instant> startTime, Optional<Instant> endTime, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param id see {@link #id()}
     * @param title see {@link #title()}
     * @param type see {@link #type()}
     * @param eventType see {@link #eventType()}
     * @param status see {@link #status()}
     * @param serviceName see {@link #serviceName()}
     * @param serviceType see {@link #serviceType()}
     * @param startTime see {@link #startTime()}
     * @param endTime see {@link #endTime()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public StatusEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static StatusEvent fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "status event");
        return new StatusEvent(f.required("id"), f.text("title", "name"), f.text("type"), f.text("eventType"),
                f.text("status"), f.text("serviceName"), f.text("serviceType"), f.instant("startTime"),
                f.instant("endTime"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("title", title).put("type", type).put("eventType", eventType)
                .put("status", status).put("serviceName", serviceName).put("serviceType", serviceType)
                .put("startTime", startTime.map(Instant::toString)).put("endTime", endTime.map(Instant::toString))
                .putOthers(otherFields).build();
    }
}
