package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.internal.json.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code credentials} object of a service binding, kept as received: for a binding of
 * {@code SAPCloudALMAPIs} it is the Cloud ALM service key ({@link #asServiceKey()}).
 *
 * <p>Everything here may be secret, so {@code toString()} and Jackson serialization mask secret-looking
 * values ({@code ***}); {@link #revealJson()} is the explicit way to get them in clear. Immutable and
 * thread-safe.
 */
public final class BindingCredentials {

    private final RawJson json;

    private BindingCredentials(RawJson json) {
        this.json = json;
    }

    /**
     * Credentials from a JSON object.
     *
     * @param json the credentials JSON text
     * @return the credentials
     * @throws InvalidServiceKeyException when the text is not a JSON object (the message never quotes it)
     */
    public static BindingCredentials fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            JsonNode node = Json.mapper().readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidServiceKeyException("credentials", "binding credentials are not a JSON object");
            }
            return new BindingCredentials(RawJson.of(node));
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
    static BindingCredentials fromJsonNode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("binding credentials is not a JSON object");
        }
        return new BindingCredentials(RawJson.of(node));
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
        return o instanceof BindingCredentials && ((BindingCredentials) o).json.at().equals(json.at());
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
