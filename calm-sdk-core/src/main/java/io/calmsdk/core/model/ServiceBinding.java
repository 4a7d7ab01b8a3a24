package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
@JsonModel
@JsonDeserialize(builder = ServiceBinding.Builder.class)
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
    @JsonProperty("id")
    public abstract String id();

    /**
     * The binding name ({@code name}).
     *
     * @return the name
     */
    @JsonProperty("name")
    public abstract String name();

    /**
     * The instance the binding belongs to ({@code service_instance_id}).
     *
     * @return the instance id
     */
    @JsonProperty("service_instance_id")
    public abstract Optional<String> serviceInstanceId();

    /**
     * The credentials ({@code credentials}); present on {@code GET /v1/service_bindings/{id}}.
     *
     * @return the credentials
     */
    @JsonProperty("credentials")
    @Value.Redacted
    public abstract Optional<BindingCredentials> credentials();

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
     * Whether the binding is ready ({@code ready}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("ready")
    public abstract Optional<Boolean> ready();

    /**
     * The last operation on the binding ({@code last_operation}).
     *
     * @return the last operation, when sent
     */
    @JsonProperty("last_operation")
    public abstract Optional<LastOperation> lastOperation();

    /**
     * Creation time ({@code created_at}); binding rotation uses it to judge a binding's age.
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
