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
 * An external reference of a feature, an entity of {@code /calm-features/v1/ExternalReferences} (shape
 * UNVERIFIED: from an open-source client, consetto/sap-cloud-alm-odata-mcp). Other fields are kept in
 * {@link #otherFields()}.
 *
 * @param id the reference's id
 * @param parentUuid the feature it belongs to
 * @param name the display name, when sent
 * @param url where it points, when sent
 * @param otherFields every other field sent
 */
public record FeatureReference(String id, String parentUuid, Optional<String> name, Optional<String> url,
                               Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null}.
     *
     * @param id see {@link #id()}
     * @param parentUuid see {@link #parentUuid()}
     * @param name see {@link #name()}
     * @param url see {@link #url()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public FeatureReference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentUuid, "parentUuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static FeatureReference fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "feature reference");
        return new FeatureReference(f.required("id", "uuid"), f.text("parentUuid", "parentUUID", "parent_ID")
                .orElse(""), f.text("name"), f.text("url"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("parentUuid", parentUuid).put("name", name).put("url", url)
                .putOthers(otherFields).build();
    }
}
