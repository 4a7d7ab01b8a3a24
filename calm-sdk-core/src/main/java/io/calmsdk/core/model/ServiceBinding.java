package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.internal.json.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Service Manager service binding ({@code /v1/service_bindings}): {@code id, name,
 * service_instance_id, credentials, labels, ready, last_operation, created_at, updated_at}.
 *
 * <p>The credentials are masked in {@code toString()} and in Jackson serialization; read them with
 * {@code credentials().map(Credentials::asServiceKey)}. Instances are immutable and thread-safe.
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
    public abstract Optional<Credentials> credentials();

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

    /**
     * The {@code credentials} object of a service binding, kept as received: for a binding of
     * {@code SAPCloudALMAPIs} it is the Cloud ALM service key ({@link #asServiceKey()}).
     *
     * <p>Everything here may be secret, so {@code toString()} and Jackson serialization mask secret-looking
     * values ({@code ***}); {@link #revealJson()} is the explicit way to get them in clear. Immutable and
     * thread-safe.
     */
    public static final class Credentials {

        private final RawJson json;

        private Credentials(RawJson json) {
            this.json = json;
        }

        /**
         * Credentials from a JSON object.
         *
         * @param json the credentials JSON text
         * @return the credentials
         * @throws InvalidServiceKeyException when the text is not a JSON object (the message never quotes it)
         */
        public static Credentials fromJson(String json) {
            Objects.requireNonNull(json, "json");
            try {
                JsonNode node = Json.mapper().readTree(json);
                if (node == null || !node.isObject()) {
                    throw new InvalidServiceKeyException("credentials", "binding credentials are not a JSON object");
                }
                return new Credentials(RawJson.of(node));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InvalidServiceKeyException("credentials", "binding credentials are not valid JSON");
            }
        }

        /**
         * Jackson: reads credentials.
         *
         * @param node the credentials object
         * @return the credentials
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Credentials fromJsonNode(JsonNode node) {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("binding credentials is not a JSON object");
            }
            return new Credentials(RawJson.of(node));
        }

        /**
         * Reads the credentials as a Cloud ALM service key.
         *
         * @return the key
         * @throws InvalidServiceKeyException naming the JSON path when they are not a valid Cloud ALM key
         */
        public ServiceKey asServiceKey() {
            return ServiceKey.fromJsonNode(json.copy());
        }

        /**
         * Reads the credentials as a Service Manager key (for bindings of {@code service-manager}).
         *
         * @return the key
         * @throws InvalidServiceKeyException naming the JSON path when they are not a valid key
         */
        public ServiceManagerKey asServiceManagerKey() {
            return ServiceManagerKey.fromJsonNode(json.copy());
        }

        /**
         * Reads any scalar field by its path, as written.
         *
         * @param path the field names from the root, e.g. {@code "uaa", "clientid"}
         * @return the value as text, empty when absent or not a scalar
         */
        public Optional<String> field(String... path) {
            return KeyJson.field(json, path);
        }

        /**
         * Whether the object is empty (Service Manager omits credentials it may not show).
         *
         * @return {@code true} when there are no fields
         */
        public boolean isEmpty() {
            return json.at().size() == 0;
        }

        /**
         * The credentials as JSON with secrets in clear, for storing them on purpose.
         *
         * @return pretty-printed JSON text
         */
        public String revealJson() {
            return KeyJson.pretty(json.copy());
        }

        /** Jackson: the credentials with secret-looking values masked. */
        @JsonValue
        JsonNode maskedJson() {
            return SecretMasking.mask(json.at());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Credentials && ((Credentials) o).json.at().equals(json.at());
        }

        @Override
        public int hashCode() {
            return json.at().size();
        }

        /**
         * The credentials with secret-looking values masked.
         *
         * @return masked JSON text
         */
        @Override
        public String toString() {
            return json.toString();
        }
    }
}
