package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Cloud ALM service key: the credentials of a binding of {@code SAPCloudALMAPIs}, as shown by the
 * cockpit's "View" button.
 *
 * <pre>{@code
 * { "endpoints": { "Api": "https://<tenant>.<region>.alm.cloud.sap/api" },
 *   "uaa": { "clientid": "sb-...", "clientsecret": "...", "url": "https://<sub>.authentication...",
 *            "identityzone": "<sub>", "credential-type": "binding-secret", "xsappname": "..." } }
 * }</pre>
 *
 * <p>{@code endpoints.Api} is read ignoring case ({@code Api}, {@code API}, {@code api}). X.509 keys
 * carry {@code uaa.certificate}, {@code uaa.key} and {@code uaa.certurl} instead of the secret. Fields
 * the SDK does not model are kept: {@link #field(String...)} reads them and {@link #revealJson()} writes
 * them back, so a key read and written again loses nothing.
 *
 * <p>A key is valid when {@code endpoints.Api} and {@code uaa.url} are absolute https URLs (http only
 * for loopback hosts), {@code uaa.clientid} is present and either {@code uaa.clientsecret} or
 * {@code uaa.certificate} + {@code uaa.key} are; otherwise reading or building it throws
 * {@link InvalidServiceKeyException} naming the JSON path.
 *
 * <p>Secrets never show: {@code toString()} prints {@code ***} for them, and Jackson serialization
 * (for example in debug output) writes {@code ***}. Read keys with {@code io.calmsdk.core.keys.ServiceKeys}.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class ServiceKey {

    static final String KIND = "Cloud ALM service key";

    ServiceKey() {
    }

    /**
     * A new builder, for keys assembled in code (tests, simulators).
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServiceKey}; {@code build()} throws {@link InvalidServiceKeyException} when invalid. */
    public static final class Builder extends ImmutableServiceKey.Builder {
        Builder() {
        }
    }

    /**
     * The Cloud ALM API base URL, {@code endpoints.Api}. It already ends in {@code /api}: append
     * {@code /calm-projects/v1/...}.
     *
     * @return the API base URL
     */
    public abstract URI apiEndpoint();

    /**
     * The other scalar entries of {@code endpoints}, by name as written in the key.
     *
     * @return the endpoints besides {@code Api}, possibly empty
     */
    public abstract Map<String, String> otherEndpoints();

    /**
     * The OAuth client of the key ({@code uaa}): client id, secret or certificate, token URLs.
     *
     * @return the client credentials
     */
    public abstract OAuthClientCredentials uaa();

    /**
     * The identity zone ({@code uaa.identityzone}), usually the subaccount subdomain.
     *
     * @return the identity zone
     */
    public abstract Optional<String> identityZone();

    /**
     * The application name the key's client belongs to ({@code uaa.xsappname}).
     *
     * @return the xsappname
     */
    public abstract Optional<String> xsappname();

    /**
     * The credential type ({@code uaa.credential-type}), e.g. {@code binding-secret} or {@code x509}.
     *
     * @return the credential type as written in the key
     */
    public abstract Optional<String> credentialType();

    /** The JSON the key was read from; empty for built keys. Kept for the fields not modelled. */
    @Value.Default
    @Value.Auxiliary
    RawJson raw() {
        return RawJson.empty();
    }

    /**
     * Reads any scalar field of the key by its path, including fields the SDK does not model, e.g.
     * {@code field("uaa", "tenantid")}. Returns the value as written: secret fields are better read
     * through {@link #uaa()}, which wraps them in {@link io.calmsdk.core.Secret}.
     *
     * @param path the field names from the root, e.g. {@code "uaa", "uaadomain"}
     * @return the value as text, empty when absent or not a scalar
     */
    public Optional<String> field(String... path) {
        return KeyJson.field(raw(), path);
    }

    /**
     * The field names present in the object at {@code path} of the key as read, e.g.
     * {@code fieldNames("uaa")}; lets callers discover fields the SDK does not model.
     *
     * @param path the field names from the root; none for the root itself
     * @return the field names in document order, empty when absent or not an object
     */
    public List<String> fieldNames(String... path) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = raw().at(path).fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return List.copyOf(names);
    }

    @Value.Check
    void check() {
        KeyJson.checkUrl(KIND, "endpoints.Api", apiEndpoint());
    }

    /**
     * The key as JSON with its secrets in clear, for storing it on purpose (for example with
     * {@code ServiceKeys.write}). Fields the SDK does not model are written back as read.
     *
     * @return the full key as pretty-printed JSON text
     */
    public String revealJson() {
        return KeyJson.pretty(toJson(true));
    }

    /** Jackson: the key with secrets masked, so debug serialization shows no secret. */
    @JsonValue
    JsonNode maskedJson() {
        return toJson(false);
    }

    private ObjectNode toJson(boolean reveal) {
        ObjectNode root = raw().copy();
        ObjectNode endpoints = KeyJson.objectAt(root, "endpoints");
        KeyJson.putAll(endpoints, otherEndpoints());
        String apiField = KeyJson.nameIgnoreCase(endpoints, "Api").orElse("Api");
        endpoints.put(apiField, apiEndpoint().toString());
        ObjectNode uaa = KeyJson.objectAt(root, "uaa");
        KeyJson.writeClient(uaa, uaa(), reveal);
        KeyJson.putOptional(uaa, "identityzone", identityZone());
        KeyJson.putOptional(uaa, "xsappname", xsappname());
        KeyJson.putOptional(uaa, "credential-type", credentialType());
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
    static ServiceKey fromJsonNode(JsonNode node) {
        JsonIn root = JsonIn.root(node, KeyProblems.of(KIND));
        JsonIn endpoints = root.object("endpoints");
        String apiField = endpoints.fieldNameIgnoreCase("Api")
                .orElseThrow(() -> KeyProblems.invalid(KIND, "endpoints.Api", "is missing"));
        URI api = KeyJson.requiredUrl(endpoints, apiField, KIND);
        Map<String, String> others = new LinkedHashMap<>(endpoints.textMembers());
        others.remove(apiField);
        JsonIn uaa = root.object("uaa");
        return builder()
                .apiEndpoint(api)
                .otherEndpoints(others)
                .uaa(KeyJson.readClient(uaa, KIND))
                .identityZone(uaa.optText("identityzone"))
                .xsappname(uaa.optText("xsappname"))
                .credentialType(uaa.optText("credential-type"))
                .raw(RawJson.of(node))
                .build();
    }
}
