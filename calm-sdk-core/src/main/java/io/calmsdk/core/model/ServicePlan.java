package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Service Manager service plan ({@code GET /v1/service_plans}), e.g. {@code standard} of
 * {@code SAPCloudALMAPIs}. Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class ServicePlan {

    ServicePlan() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServicePlan}. */
    public static final class Builder extends ImmutableServicePlan.Builder {
        Builder() {
        }
    }

    /**
     * The plan id ({@code id}), used as {@code service_plan_id} when creating instances.
     *
     * @return the id
     */
    public abstract String id();

    /**
     * The plan name ({@code name}).
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The technical name in the broker catalog ({@code catalog_name}), e.g. {@code standard}.
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
     * The id of the offering the plan belongs to ({@code service_offering_id}).
     *
     * @return the offering id
     */
    public abstract Optional<String> serviceOfferingId();

    /**
     * Whether the plan is free ({@code free}).
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> free();

    /**
     * Whether instances of the plan can be bound ({@code bindable}).
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> bindable();

    /**
     * Whether the plan is ready ({@code ready}).
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
                .put("service_offering_id", serviceOfferingId())
                .put("free", free())
                .put("bindable", bindable())
                .put("ready", ready());
        if (!labels().isEmpty()) {
            out.put("labels", Optional.of(labels().asMap()));
        }
        return out.put("created_at", createdAt()).put("updated_at", updatedAt()).node();
    }

    /**
     * Jackson: reads a plan.
     *
     * @param node the JSON
     * @return the plan
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ServicePlan fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("ServicePlan"));
        return builder()
                .id(in.text("id"))
                .name(in.text("name"))
                .catalogName(in.optText("catalog_name"))
                .catalogId(in.optText("catalog_id"))
                .description(in.optText("description"))
                .serviceOfferingId(in.optText("service_offering_id"))
                .free(in.optBoolean("free"))
                .bindable(in.optBoolean("bindable"))
                .ready(in.optBoolean("ready"))
                .labels(Labels.fromJson(in.node().get("labels")))
                .createdAt(in.optInstant("created_at"))
                .updatedAt(in.optInstant("updated_at"))
                .build();
    }
}
