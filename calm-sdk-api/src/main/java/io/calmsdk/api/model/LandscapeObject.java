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
 * A landscape object of the Cloud ALM landscape API ({@code /calm-landscape/v1/landscapeObjects}): a cloud
 * service, technical or logical system. Path, filters and fields UNVERIFIED (from open-source clients,
 * consetto/calmcp).
 *
 * @param id the object's key
 * @param name the name
 * @param objectType the type, e.g. {@code CloudService}, when sent
 * @param role the system role, e.g. {@code PROD}, when sent
 * @param serviceType the service type, when sent
 * @param externalId the id in the source, when sent
 * @param source where it was registered from, when sent
 * @param deploymentModel the deployment model, when sent
 * @param description the description, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record LandscapeObject(String id, String name, Optional<String> objectType, Optional<String> role,
                              Optional<String> serviceType, Optional<String> externalId, Optional<String> source,
                              Optional<String> deploymentModel, Optional<String> description,
                              Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param objectType see {@link #objectType()}
     * @param role see {@link #role()}
     * @param serviceType see {@link #serviceType()}
     * @param externalId see {@link #externalId()}
     * @param source see {@link #source()}
     * @param deploymentModel see {@link #deploymentModel()}
     * @param description see {@link #description()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public LandscapeObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(deploymentModel, "deploymentModel");
        Objects.requireNonNull(description, "description");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static LandscapeObject fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "landscape object");
        return new LandscapeObject(f.required("id"), f.text("name").orElse(""), f.text("objectType"),
                f.text("role"), f.text("serviceType"), f.text("externalId"), f.text("source"),
                f.text("deploymentModel"), f.text("description"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("name", name).put("objectType", objectType).put("role", role)
                .put("serviceType", serviceType).put("externalId", externalId).put("source", source)
                .put("deploymentModel", deploymentModel).put("description", description)
                .putOthers(otherFields).build();
    }
}
