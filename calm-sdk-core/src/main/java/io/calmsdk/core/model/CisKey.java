package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Cloud Management service ({@code cis}) key, plan {@code central}: the credential that assigns
 * entitlements (Entitlements API) and, optionally, creates Service Manager credentials (Accounts API).
 *
 * <pre>{@code
 * { "endpoints": { "accounts_service_url": "...", "entitlements_service_url": "...", "...": "..." },
 *   "grant_type": "client_credentials",
 *   "uaa": { "clientid": "...", "clientsecret": "...", "url": "https://<sub>.authentication.<region>.hana.ondemand.com" } }
 * }</pre>
 *
 * <p>{@code endpoints.entitlements_service_url} and the {@code uaa} client are required; the other
 * endpoints are kept by name. X.509 keys carry {@code uaa.certificate}, {@code uaa.key} and
 * {@code uaa.certurl}. Secrets print and serialize as {@code ***}; {@link #revealJson()} is the explicit
 * way to write them. Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class CisKey {

    static final String KIND = "Cloud Management (cis) service key";

    CisKey() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CisKey}; {@code build()} throws {@link InvalidServiceKeyException} when invalid. */
    public static final class Builder extends ImmutableCisKey.Builder {
        Builder() {
        }
    }

    /**
     * The Entitlements API base URL ({@code endpoints.entitlements_service_url}).
     *
     * @return the URL
     */
    public abstract URI entitlementsServiceUrl();

    /**
     * The Accounts API base URL ({@code endpoints.accounts_service_url}), used to create Service Manager
     * credentials in one-key mode.
     *
     * @return the URL, when the key has one
     */
    public abstract Optional<URI> accountsServiceUrl();

    /**
     * The other scalar entries of {@code endpoints}, by name as written in the key.
     *
     * @return the other endpoints, possibly empty
     */
    public abstract Map<String, String> otherEndpoints();

    /**
     * The grant type the instance was created for ({@code grant_type}), normally {@code client_credentials}.
     *
     * @return the grant type
     */
    public abstract Optional<String> grantType();

    /**
     * The OAuth client of the key ({@code uaa}).
     *
     * @return the client credentials
     */
    public abstract OAuthClientCredentials uaa();

    /** The JSON the key was read from; empty for built keys. */
    @Value.Default
    @Value.Auxiliary
    RawJson raw() {
        return RawJson.empty();
    }

    /**
     * Reads any scalar field of the key by its path, including fields the SDK does not model.
     *
     * @param path the field names from the root, e.g. {@code "endpoints", "provisioning_service_url"}
     * @return the value as text, empty when absent or not a scalar
     */
    public Optional<String> field(String... path) {
        return KeyJson.field(raw(), path);
    }

    @Value.Check
    void check() {
        KeyJson.checkUrl(KIND, "endpoints.entitlements_service_url", entitlementsServiceUrl());
        accountsServiceUrl().ifPresent(u -> KeyJson.checkUrl(KIND, "endpoints.accounts_service_url", u));
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
        ObjectNode endpoints = KeyJson.objectAt(root, "endpoints");
        KeyJson.putAll(endpoints, otherEndpoints());
        endpoints.put("entitlements_service_url", entitlementsServiceUrl().toString());
        accountsServiceUrl().ifPresent(u -> endpoints.put("accounts_service_url", u.toString()));
        KeyJson.putOptional(root, "grant_type", grantType());
        KeyJson.writeClient(KeyJson.objectAt(root, "uaa"), uaa(), reveal);
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
    static CisKey fromJsonNode(JsonNode node) {
        JsonIn root = JsonIn.root(node, KeyProblems.of(KIND));
        JsonIn endpoints = root.object("endpoints");
        URI entitlements = KeyJson.requiredUrl(endpoints, "entitlements_service_url", KIND);
        Optional<URI> accounts = KeyJson.optionalUrl(endpoints, "accounts_service_url", KIND);
        Map<String, String> others = new LinkedHashMap<>(endpoints.textMembers());
        others.remove("entitlements_service_url");
        others.remove("accounts_service_url");
        return builder()
                .entitlementsServiceUrl(entitlements)
                .accountsServiceUrl(accounts)
                .otherEndpoints(others)
                .grantType(root.optText("grant_type"))
                .uaa(KeyJson.readClient(root.object("uaa"), KIND))
                .raw(RawJson.of(node))
                .build();
    }
}
