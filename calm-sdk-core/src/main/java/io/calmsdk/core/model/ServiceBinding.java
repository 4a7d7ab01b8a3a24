package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Service Manager service binding ({@code /v1/service_bindings}): {@code id, name,
 * service_instance_id, credentials, labels, ready, last_operation, created_at, updated_at}.
 *
 * <p>The credentials are masked in {@code toString()} and in Jackson serialization; read them with
 * {@code credentials().map(BindingCredentials::asServiceKey)}. Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class ServiceBinding {

    ServiceBinding() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServiceBinding}. */
    public static final class Builder extends ImmutableServiceBinding.Builder {
        Builder() {
        }
    }

    /**
     * The binding id ({@code id}).
     *
     * @return the id
     */
    public abstract String id();

    /**
     * The binding name ({@code name}).
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The instance the binding belongs to ({@code service_instance_id}).
     *
     * @return the instance id
     */
    public abstract Optional<String> serviceInstanceId();

    /**
     * The credentials ({@code credentials}); present on {@code GET /v1/service_bindings/{id}}.
     *
     * @return the credentials
     */
    @Value.Redacted
    public abstract Optional<BindingCredentials> credentials();

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
     * Whether the binding is ready ({@code ready}).
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> ready();

    /**
     * The last operation on the binding ({@code last_operation}).
     *
     * @return the last operation, when sent
     */
    public abstract Optional<LastOperation> lastOperation();

    /**
     * Creation time ({@code created_at}); binding rotation uses it to judge a binding's age.
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
                .put("service_instance_id", serviceInstanceId())
                .put("credentials", credentials().map(BindingCredentials::maskedJson));
        if (!labels().isEmpty()) {
            out.put("labels", Optional.of(labels().asMap()));
        }
        return out
                .put("ready", ready())
                .put("last_operation", lastOperation().map(LastOperation::toJson))
                .put("created_at", createdAt())
                .put("updated_at", updatedAt())
                .node();
    }

    /**
     * Jackson: reads a binding.
     *
     * @param node the JSON
     * @return the binding
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ServiceBinding fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("ServiceBinding"));
        return builder()
                .id(in.text("id"))
                .name(in.text("name"))
                .serviceInstanceId(in.optText("service_instance_id"))
                .credentials(in.optObject("credentials").map(o -> BindingCredentials.fromJsonNode(o.node())))
                .labels(Labels.fromJson(in.node().get("labels")))
                .ready(in.optBoolean("ready"))
                .lastOperation(in.optObject("last_operation").map(o -> LastOperation.fromJson(o.node())))
                .createdAt(in.optInstant("created_at"))
                .updatedAt(in.optInstant("updated_at"))
                .build();
    }
}
