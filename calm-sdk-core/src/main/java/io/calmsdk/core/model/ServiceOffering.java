package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Service Manager service offering ({@code GET /v1/service_offerings}), e.g. {@code SAPCloudALMAPIs}.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class ServiceOffering {

    ServiceOffering() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServiceOffering}. */
    public static final class Builder extends ImmutableServiceOffering.Builder {
        Builder() {
        }
    }

    /**
     * The offering id ({@code id}).
     *
     * @return the id
     */
    public abstract String id();

    /**
     * The offering name ({@code name}).
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The technical name in the broker catalog ({@code catalog_name}), e.g. {@code SAPCloudALMAPIs}.
     *
     * @return the catalog name
     */
    public abstract Optional<String> catalogName();

    /**
     * The id in the broker catalog ({@code catalog_id}).
     *
     * @return the catalog id
     */
    public abstract Optional<String> catalogId();

    /**
     * The description ({@code description}).
     *
     * @return the description
     */
    public abstract Optional<String> description();

    /**
     * The id of the broker offering it ({@code broker_id}).
     *
     * @return the broker id
     */
    public abstract Optional<String> brokerId();

    /**
     * Whether instances can be bound ({@code bindable}).
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> bindable();

    /**
     * Whether instance parameters can be read back ({@code instances_retrievable}); drift detection
     * needs it.
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> instancesRetrievable();

    /**
     * Whether bindings can be read back ({@code bindings_retrievable}).
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> bindingsRetrievable();

    /**
     * Whether an instance may change plan ({@code plan_updateable}).
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> planUpdateable();

    /**
     * Whether the offering is ready ({@code ready}).
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> ready();

    /**
     * The labels ({@code labels}).
     *
     * @return the labels, possibly empty
     */
    @Value.Default
    public Labels labels() {
        return Labels.empty();
    }

    /**
     * Creation time ({@code created_at}).
     *
     * @return the timestamp
     */
    public abstract Optional<Instant> createdAt();

    /**
     * Last change ({@code updated_at}).
     *
     * @return the timestamp
     */
    public abstract Optional<Instant> updatedAt();

    @JsonValue
    JsonNode toJson() {
        JsonOut out = new JsonOut()
                .put("id", id())
                .put("name", name())
                .put("catalog_name", catalogName())
                .put("catalog_id", catalogId())
                .put("description", description())
                .put("broker_id", brokerId())
                .put("bindable", bindable())
                .put("instances_retrievable", instancesRetrievable())
                .put("bindings_retrievable", bindingsRetrievable())
                .put("plan_updateable", planUpdateable())
                .put("ready", ready());
        if (!labels().isEmpty()) {
            out.put("labels", Optional.of(labels().asMap()));
        }
        return out.put("created_at", createdAt()).put("updated_at", updatedAt()).node();
    }

    /**
     * Jackson: reads an offering.
     *
     * @param node the JSON
     * @return the offering
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ServiceOffering fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("ServiceOffering"));
        return builder()
                .id(in.text("id"))
                .name(in.text("name"))
                .catalogName(in.optText("catalog_name"))
                .catalogId(in.optText("catalog_id"))
                .description(in.optText("description"))
                .brokerId(in.optText("broker_id"))
                .bindable(in.optBoolean("bindable"))
                .instancesRetrievable(in.optBoolean("instances_retrievable"))
                .bindingsRetrievable(in.optBoolean("bindings_retrievable"))
                .planUpdateable(in.optBoolean("plan_updateable"))
                .ready(in.optBoolean("ready"))
                .labels(Labels.fromJson(in.node().get("labels")))
                .createdAt(in.optInstant("created_at"))
                .updatedAt(in.optInstant("updated_at"))
                .build();
    }
}
