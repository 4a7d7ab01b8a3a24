package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Service Manager service plan ({@code GET /v1/service_plans}), e.g. {@code standard} of
 * {@code SAPCloudALMAPIs}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = ServicePlan.Builder.class)
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
    @JsonProperty("id")
    public abstract String id();

    /**
     * The plan name ({@code name}).
     *
     * @return the name
     */
    @JsonProperty("name")
    public abstract String name();

    /**
     * The technical name in the broker catalog ({@code catalog_name}), e.g. {@code standard}.
     *
     * @return the catalog name
     */
    @JsonProperty("catalog_name")
    public abstract Optional<String> catalogName();

    /**
     * The id in the broker catalog ({@code catalog_id}).
     *
     * @return the catalog id
     */
    @JsonProperty("catalog_id")
    public abstract Optional<String> catalogId();

    /**
     * The description ({@code description}).
     *
     * @return the description
     */
    @JsonProperty("description")
    public abstract Optional<String> description();

    /**
     * The id of the offering the plan belongs to ({@code service_offering_id}).
     *
     * @return the offering id
     */
    @JsonProperty("service_offering_id")
    public abstract Optional<String> serviceOfferingId();

    /**
     * Whether the plan is free ({@code free}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("free")
    public abstract Optional<Boolean> free();

    /**
     * Whether instances of the plan can be bound ({@code bindable}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("bindable")
    public abstract Optional<Boolean> bindable();

    /**
     * Whether the plan is ready ({@code ready}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("ready")
    public abstract Optional<Boolean> ready();

    /**
     * The labels ({@code labels}).
     *
     * @return the labels, possibly empty
     */
    @JsonProperty("labels")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Value.Default
    public Labels labels() {
        return Labels.empty();
    }

    /**
     * Creation time ({@code created_at}).
     *
     * @return the timestamp
     */
    @JsonProperty("created_at")
    @JsonDeserialize(contentUsing = WireFormats.Timestamp.class)
    public abstract Optional<Instant> createdAt();

    /**
     * Last change ({@code updated_at}).
     *
     * @return the timestamp
     */
    @JsonProperty("updated_at")
    @JsonDeserialize(contentUsing = WireFormats.Timestamp.class)
    public abstract Optional<Instant> updatedAt();
}
