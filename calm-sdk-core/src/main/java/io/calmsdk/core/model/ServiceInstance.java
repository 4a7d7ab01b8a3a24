package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Service Manager service instance ({@code /v1/service_instances}): {@code id, name,
 * service_plan_id, platform_id, labels, context, ready, usable, last_operation, created_at,
 * updated_at}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = ServiceInstance.Builder.class)
public abstract class ServiceInstance {

    ServiceInstance() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServiceInstance}. */
    public static final class Builder extends ImmutableServiceInstance.Builder {
        Builder() {
        }
    }

    /**
     * The instance id ({@code id}); SAP's docs recommend it as the stable {@code xsappname} of an
     * existing instance.
     *
     * @return the id
     */
    @JsonProperty("id")
    public abstract String id();

    /**
     * The instance name ({@code name}).
     *
     * @return the name
     */
    @JsonProperty("name")
    public abstract String name();

    /**
     * The plan id ({@code service_plan_id}).
     *
     * @return the plan id
     */
    @JsonProperty("service_plan_id")
    public abstract Optional<String> servicePlanId();

    /**
     * The platform the instance was created in ({@code platform_id}), e.g. {@code service-manager}
     * for "Other" environment, or a Cloud Foundry or Kubernetes platform id.
     *
     * @return the platform id
     */
    @JsonProperty("platform_id")
    public abstract Optional<String> platformId();

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
     * The scalar entries of the platform context ({@code context}), e.g. {@code subaccount_id},
     * {@code instance_name}, {@code origin}.
     *
     * @return the context, possibly empty
     */
    @JsonProperty("context")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonDeserialize(using = WireFormats.ScalarMembers.class)
    public abstract Map<String, String> context();

    /**
     * Whether the instance is ready ({@code ready}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("ready")
    public abstract Optional<Boolean> ready();

    /**
     * Whether the instance can be used ({@code usable}); false after a failed update, for example.
     *
     * @return the flag, when sent
     */
    @JsonProperty("usable")
    public abstract Optional<Boolean> usable();

    /**
     * The last operation on the instance ({@code last_operation}).
     *
     * @return the last operation, when sent
     */
    @JsonProperty("last_operation")
    public abstract Optional<LastOperation> lastOperation();

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

    /**
     * The subaccount the instance lives in ({@code context.subaccount_id}).
     *
     * @return the subaccount GUID, when the context carries it
     */
    public Optional<String> subaccountId() {
        return Optional.ofNullable(context().get("subaccount_id"));
    }
}
