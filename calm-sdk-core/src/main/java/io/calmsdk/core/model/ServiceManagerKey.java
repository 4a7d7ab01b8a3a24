package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import java.net.URI;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Service Manager key (plan {@code subaccount-admin}), or the Service Manager credential the
 * Accounts API creates in one-key mode.
 *
 * <pre>{@code
 * { "clientid": "...", "clientsecret": "...", "sm_url": "https://service-manager.cfapps.<region>.hana.ondemand.com",
 *   "url": "https://<sub>.authentication.<region>.hana.ondemand.com", "xsappname": "..." }
 * }</pre>
 *
 * <p>The X.509 variant carries {@code certificate}, {@code key} and {@code certurl} instead of
 * {@code clientsecret} (and may lack {@code url}). The OAuth part is at the top level of the JSON and is
 * exposed as {@link #credentials()}. Secrets print and serialize as {@code ***}; {@link #revealJson()} is
 * the explicit way to write them. Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class ServiceManagerKey {

    static final String KIND = "Service Manager service key";

    ServiceManagerKey() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServiceManagerKey}; {@code build()} throws {@link InvalidServiceKeyException} when invalid. */
    public static final class Builder extends ImmutableServiceManagerKey.Builder {
        Builder() {
        }
    }

    /**
     * The Service Manager API base URL ({@code sm_url}); paths such as {@code /v1/service_instances}
     * are appended to it.
     *
     * @return the URL
     */
    public abstract URI smUrl();

    /**
     * The OAuth client of the key (top-level {@code clientid}, {@code clientsecret} or
     * {@code certificate} + {@code key}, {@code url}, {@code certurl}).
     *
     * @return the client credentials
     */
    public abstract OAuthClientCredentials credentials();

    /**
     * The application name of the key's client ({@code xsappname}).
     *
     * @return the xsappname
     */
    public abstract Optional<String> xsappname();

    /** The JSON the key was read from; empty for built keys. */
    @Value.Default
    @Value.Auxiliary
    RawJson raw() {
        return RawJson.empty();
    }

    /**
     * Reads any scalar field of the key by its path, including fields the SDK does not model.
     *
     * @param path the field names from the root
     * @return the value as text, empty when absent or not a scalar
     */
    public Optional<String> field(String... path) {
        return KeyJson.field(raw(), path);
    }

    @Value.Check
    void check() {
        KeyJson.checkUrl(KIND, "sm_url", smUrl());
    }

    /**
     * The key as JSON with its secrets in clear, for storing it on purpose.
     *
     * @return the full key as pretty-printed JSON text
     */
    public String revealJson() {
        return KeyJson.pretty(toJson(true));
    }

    /** Jackson: the key with secrets masked. */
    @JsonValue
    JsonNode maskedJson() {
        return toJson(false);
    }

    private ObjectNode toJson(boolean reveal) {
        ObjectNode root = raw().copy();
        KeyJson.writeClient(root, credentials(), reveal);
        root.put("sm_url", smUrl().toString());
        KeyJson.putOptional(root, "xsappname", xsappname());
        return reveal ? root : (ObjectNode) SecretMasking.mask(root);
    }

    /**
     * Jackson: reads a key from its JSON, by hand rather than through the builder (see {@link JsonIn}
     * for why).
     *
     * @param node the key JSON
     * @return the key
     * @throws InvalidServiceKeyException naming the JSON path that is missing or wrong
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ServiceManagerKey fromJsonNode(JsonNode node) {
        JsonIn root = JsonIn.root(node, KeyProblems.of(KIND));
        URI smUrl = KeyJson.requiredUrl(root, "sm_url", KIND);
        return builder()
                .smUrl(smUrl)
                .credentials(KeyJson.readClient(root, KIND))
                .xsappname(root.optText("xsappname"))
                .raw(RawJson.of(node))
                .build();
    }
}
