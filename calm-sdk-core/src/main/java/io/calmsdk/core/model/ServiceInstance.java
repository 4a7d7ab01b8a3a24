package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
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
    public abstract String id();

    /**
     * The instance name ({@code name}).
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The plan id ({@code service_plan_id}).
     *
     * @return the plan id
     */
    public abstract Optional<String> servicePlanId();

    /**
     * The platform the instance was created in ({@code platform_id}), e.g. {@code service-manager}
     * for "Other" environment, or a Cloud Foundry or Kubernetes platform id.
     *
     * @return the platform id
     */
    public abstract Optional<String> platformId();

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
     * The scalar entries of the platform context ({@code context}), e.g. {@code subaccount_id},
     * {@code instance_name}, {@code origin}.
     *
     * @return the context, possibly empty
     */
    public abstract Map<String, String> context();

    /**
     * Whether the instance is ready ({@code ready}).
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> ready();

    /**
     * Whether the instance can be used ({@code usable}); false after a failed update, for example.
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> usable();

    /**
     * The last operation on the instance ({@code last_operation}).
     *
     * @return the last operation, when sent
     */
    public abstract Optional<LastOperation> lastOperation();

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

    /**
     * The subaccount the instance lives in ({@code context.subaccount_id}).
     *
     * @return the subaccount GUID, when the context carries it
     */
    public Optional<String> subaccountId() {
        return Optional.ofNullable(context().get("subaccount_id"));
    }

    @JsonValue
    JsonNode toJson() {
        JsonOut out = new JsonOut()
                .put("id", id())
                .put("name", name())
                .put("service_plan_id", servicePlanId())
                .put("platform_id", platformId());
        if (!labels().isEmpty()) {
            out.put("labels", Optional.of(labels().asMap()));
        }
        if (!context().isEmpty()) {
            out.put("context", Optional.of(context()));
        }
        return out
                .put("ready", ready())
                .put("usable", usable())
                .put("last_operation", lastOperation().map(LastOperation::toJson))
                .put("created_at", createdAt())
                .put("updated_at", updatedAt())
                .node();
    }

    /**
     * Jackson: reads an instance.
     *
     * @param node the JSON
     * @return the instance
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ServiceInstance fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("ServiceInstance"));
        return builder()
                .id(in.text("id"))
                .name(in.text("name"))
                .servicePlanId(in.optText("service_plan_id"))
                .platformId(in.optText("platform_id"))
                .labels(Labels.fromJson(in.node().get("labels")))
                .context(in.optObject("context").map(JsonIn::textMembers).orElse(Map.of()))
                .ready(in.optBoolean("ready"))
                .usable(in.optBoolean("usable"))
                .lastOperation(in.optObject("last_operation").map(o -> LastOperation.fromJson(o.node())))
                .createdAt(in.optInstant("created_at"))
                .updatedAt(in.optInstant("updated_at"))
                .build();
    }
}
