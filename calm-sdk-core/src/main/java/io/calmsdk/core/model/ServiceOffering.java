package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Service Manager service offering ({@code GET /v1/service_offerings}), e.g. {@code SAPCloudALMAPIs}.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = ServiceOffering.Builder.class)
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
    @JsonProperty("id")
    public abstract String id();

    /**
     * The offering name ({@code name}).
     *
     * @return the name
     */
    @JsonProperty("name")
    public abstract String name();

    /**
     * The technical name in the broker catalog ({@code catalog_name}), e.g. {@code SAPCloudALMAPIs}.
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
     * The id of the broker offering it ({@code broker_id}).
     *
     * @return the broker id
     */
    @JsonProperty("broker_id")
    public abstract Optional<String> brokerId();

    /**
     * Whether instances can be bound ({@code bindable}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("bindable")
    public abstract Optional<Boolean> bindable();

    /**
     * Whether instance parameters can be read back ({@code instances_retrievable}); drift detection
     * needs it.
     *
     * @return the flag, when sent
     */
    @JsonProperty("instances_retrievable")
    public abstract Optional<Boolean> instancesRetrievable();

    /**
     * Whether bindings can be read back ({@code bindings_retrievable}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("bindings_retrievable")
    public abstract Optional<Boolean> bindingsRetrievable();

    /**
     * Whether an instance may change plan ({@code plan_updateable}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("plan_updateable")
    public abstract Optional<Boolean> planUpdateable();

    /**
     * Whether the offering is ready ({@code ready}).
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
