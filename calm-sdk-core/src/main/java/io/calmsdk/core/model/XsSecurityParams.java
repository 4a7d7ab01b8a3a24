package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The instance parameters of an SAP Cloud ALM API instance, rendered exactly as SAP's procedure shows
 * them:
 *
 * <pre>{@code
 * { "xs-security": { "xsappname": "calm-api",
 *     "authorities": ["$XSMASTERAPPNAME.calm-api.projects.read", "$XSMASTERAPPNAME.calm-api.tasks.write"],
 *     "oauth2-configuration": { "credential-types": ["binding-secret"] } } }
 * }</pre>
 *
 * <pre>{@code
 * XsSecurityParams params = XsSecurityParams.builder()
 *         .xsappname(XsSecurityParams.xsappnameFor("calm.api"))       // calm_api
 *         .addAuthorities(CalmScope.PROJECTS_READ, CalmScope.TASKS_WRITE)
 *         .addScopes("calm-api.analytics.read")
 *         .build();
 * String json = params.toJson();          // or params.toMap() for a Service Manager client
 * }</pre>
 *
 * <p>Built parameters are validated: {@code xsappname} at most 100 characters of
 * {@code A-Z a-z 0-9 - _ / \} (no dots), well-formed scopes, credential types {@code binding-secret}
 * (the default when none is given) or {@code x509} ({@code instance-secret} is refused: SAP refuses it
 * for new bindings since 2026-01-19), {@code token-validity} 60-86400 seconds. Parameters read with
 * {@link #fromJson(String)} are taken as they are (an old instance may well use {@code instance-secret}).
 * Duplicate authorities and credential types are dropped, order is otherwise kept.
 *
 * <p>{@link #contentHash()} fingerprints the parameters for a label. Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class XsSecurityParams {

    /** The longest {@code xsappname} allowed. */
    public static final int XSAPPNAME_MAX_LENGTH = 100;
    /** The shortest {@code token-validity}, in seconds. */
    public static final int TOKEN_VALIDITY_MIN = 60;
    /** The longest {@code token-validity}, in seconds (one day). */
    public static final int TOKEN_VALIDITY_MAX = 86400;

    static final String XSAPPNAME_ALLOWED = "1-" + XSAPPNAME_MAX_LENGTH + " characters of A-Z a-z 0-9 - _ / \\ (no dots);"
            + " XsSecurityParams.xsappnameFor(instanceName) derives one";

    XsSecurityParams() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link XsSecurityParams}; {@code build()} throws {@link ValidationException} for invalid values. */
    public static final class Builder extends ImmutableXsSecurityParams.Builder {
        Builder() {
        }

        /**
         * Adds scopes by name, short ({@code calm-api.tasks.read}) or qualified.
         *
         * @param scopes the scope names
         * @return this builder
         * @throws ValidationException when a name is malformed
         */
        public Builder addScopes(String... scopes) {
            for (String s : scopes) {
                addAuthorities(CalmScope.of(s));
            }
            return this;
        }
    }

    /** Whether the parameters were built here (validated for writing) or read as found. */
    enum Origin { BUILT, READ }

    /**
     * The application name ({@code xsappname}); keep it stable over the instance's life.
     *
     * @return the xsappname
     */
    public abstract String xsappname();

    /**
     * The scopes granted to bindings ({@code authorities}).
     *
     * @return the scopes, without duplicates
     */
    public abstract List<CalmScope> authorities();

    /**
     * The credential types ({@code oauth2-configuration.credential-types}).
     *
     * @return the types; {@code [binding-secret]} when none were given
     */
    public abstract List<CredentialType> credentialTypes();

    /**
     * The access token validity in seconds ({@code oauth2-configuration.token-validity}).
     *
     * @return the validity, when set
     */
    public abstract Optional<Integer> tokenValidity();

    @Value.Default
    @Value.Auxiliary
    Origin origin() {
        return Origin.BUILT;
    }

    @Value.Check
    XsSecurityParams normalize() {
        List<CalmScope> authorities = new ArrayList<>(new LinkedHashSet<>(authorities()));
        List<CredentialType> types = new ArrayList<>(new LinkedHashSet<>(credentialTypes()));
        if (types.isEmpty()) {
            types.add(CredentialType.BINDING_SECRET);
        }
        if (origin() == Origin.BUILT) {
            validateForWrite(types);
        }
        if (authorities.equals(authorities()) && types.equals(credentialTypes())) {
            return this;
        }
        return builder().xsappname(xsappname()).authorities(authorities).credentialTypes(types)
                .tokenValidity(tokenValidity()).origin(origin()).build();
    }

    private void validateForWrite(List<CredentialType> types) {
        checkXsappname(xsappname());
        for (CredentialType t : types) {
            if (t.equals(CredentialType.INSTANCE_SECRET)) {
                throw new ValidationException("xs-security.oauth2-configuration.credential-types",
                        "contains instance-secret, which SAP refuses for new bindings since 2026-01-19",
                        "binding-secret (default) or x509");
            }
            if (!t.isKnown()) {
                throw new ValidationException("xs-security.oauth2-configuration.credential-types",
                        "contains the unknown type '" + t.value() + "'", "binding-secret (default) or x509");
            }
        }
        tokenValidity().filter(v -> v < TOKEN_VALIDITY_MIN || v > TOKEN_VALIDITY_MAX).ifPresent(v -> {
            throw new ValidationException("xs-security.oauth2-configuration.token-validity", "is " + v + " seconds",
                    TOKEN_VALIDITY_MIN + "-" + TOKEN_VALIDITY_MAX + " seconds");
        });
    }

    /**
     * Checks an {@code xsappname}: at most 100 characters of {@code A-Z a-z 0-9 - _ / \}, no dots.
     *
     * @param xsappname the candidate
     * @return the xsappname
     * @throws ValidationException naming {@code xs-security.xsappname} and what is allowed
     */
    public static String checkXsappname(String xsappname) {
        String field = "xs-security.xsappname";
        if (xsappname == null || xsappname.isEmpty()) {
            throw new ValidationException(field, "is empty", XSAPPNAME_ALLOWED);
        }
        if (xsappname.length() > XSAPPNAME_MAX_LENGTH) {
            throw new ValidationException(field, "is " + xsappname.length() + " characters long", XSAPPNAME_ALLOWED);
        }
        for (int i = 0; i < xsappname.length(); i++) {
            if (!isXsappnameChar(xsappname.charAt(i))) {
                throw new ValidationException(field, "contains " + NameRules.describe(xsappname.charAt(i))
                        + " at position " + (i + 1), XSAPPNAME_ALLOWED);
            }
        }
        return xsappname;
    }

    private static boolean isXsappnameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '/' || c == '\\';
    }

    /**
     * Derives a valid {@code xsappname} from an instance name: every character that is not allowed
     * (dots, spaces, ...) becomes {@code _}, and the result is cut to 100 characters. Deterministic, so
     * the same instance name always gives the same xsappname. For an existing instance prefer the
     * xsappname it was created with (SAP suggests the instance GUID).
     *
     * @param instanceName the instance name, e.g. {@code calm.api}
     * @return the xsappname, e.g. {@code calm_api}
     * @throws ValidationException when the instance name is empty
     */
    public static String xsappnameFor(String instanceName) {
        if (instanceName == null || instanceName.isEmpty()) {
            throw new ValidationException("instanceName", "is empty", InstanceName.ALLOWED);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < instanceName.length() && sb.length() < XSAPPNAME_MAX_LENGTH; i++) {
            char c = instanceName.charAt(i);
            sb.append(isXsappnameChar(c) ? c : '_');
        }
        return sb.toString();
    }

    /**
     * These parameters with another {@code xsappname}, e.g. the one the existing instance was created with.
     *
     * @param xsappname the xsappname to use
     * @return the new parameters
     * @throws ValidationException when the xsappname is invalid
     */
    public XsSecurityParams withXsappname(String xsappname) {
        return builder().xsappname(xsappname).authorities(authorities()).credentialTypes(credentialTypes())
                .tokenValidity(tokenValidity()).build();
    }

    /**
     * The parameters as nested maps and lists, {@code {"xs-security": {...}}}, in the order SAP's
     * procedure shows them: the instance parameters a Service Manager client takes.
     *
     * <pre>{@code
     * sm.createInstance("calm-api", planId, params.toMap(), labels);
     * }</pre>
     *
     * @return an unmodifiable map, new on every call
     */
    @JsonValue
    public Map<String, Object> toMap() {
        Map<String, Object> oauth = new LinkedHashMap<>();
        oauth.put("credential-types", credentialTypes().stream().map(CredentialType::value).collect(Collectors.toUnmodifiableList()));
        tokenValidity().ifPresent(v -> oauth.put("token-validity", v));
        Map<String, Object> xs = new LinkedHashMap<>();
        xs.put("xsappname", xsappname());
        xs.put("authorities", authorities().stream().map(CalmScope::qualifiedName).collect(Collectors.toUnmodifiableList()));
        xs.put("oauth2-configuration", Collections.unmodifiableMap(oauth));
        return Map.of("xs-security", Collections.unmodifiableMap(xs));
    }

    /**
     * The parameters as compact JSON text, {@code {"xs-security": {...}}}.
     *
     * @return the JSON text
     */
    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads parameters from JSON text, wrapped in {@code xs-security} or not. Reads them as they are:
     * no write-time checks (an existing instance may use {@code instance-secret}).
     *
     * @param json the JSON text
     * @return the parameters
     * @throws ValidationException when the text is not JSON or lacks {@code xsappname}
     */
    public static XsSecurityParams fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new ValidationException("parameters", "is empty", "a JSON object with xs-security");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException("parameters", "is not valid JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), "a JSON object with xs-security");
        }
        return fromJsonNode(node);
    }

    /**
     * Reads parameters from nested maps and lists, such as {@link #toMap()} gives, wrapped in
     * {@code xs-security} or not. Like {@link #fromJson(String)} it takes them as they are.
     *
     * @param parameters the parameters
     * @return the parameters
     * @throws ValidationException when {@code xsappname} is missing or a value is of the wrong kind
     * @throws NullPointerException if {@code parameters} is {@code null}
     */
    public static XsSecurityParams fromMap(Map<String, ?> parameters) {
        return fromJsonNode(Json.mapper().valueToTree(Objects.requireNonNull(parameters, "parameters")));
    }

    /**
     * Reads parameters from a JSON tree, wrapped in {@code xs-security} or not; Jackson's way in too.
     * By hand rather than through the builder: see {@link JsonIn}.
     *
     * @param node the tree
     * @return the parameters
     * @throws ValidationException when the tree is not an object or lacks {@code xsappname}
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static XsSecurityParams fromJsonNode(JsonNode node) {
        JsonIn root = JsonIn.root(node, (path, problem) ->
                new ValidationException("parameters" + (path.equals("$") ? "" : "." + path), problem,
                        "{\"xs-security\": {\"xsappname\": ..., \"authorities\": [...], \"oauth2-configuration\": {...}}}"));
        JsonIn xs = root.has("xs-security") ? root.object("xs-security") : root;
        Builder builder = builder().origin(Origin.READ).xsappname(xs.text("xsappname"));
        for (String scope : xs.texts("authorities")) {
            builder.addAuthorities(CalmScope.of(scope));
        }
        Optional<JsonIn> oauth = xs.optObject("oauth2-configuration");
        if (oauth.isPresent()) {
            for (String type : oauth.get().texts("credential-types")) {
                builder.addCredentialTypes(CredentialType.fromString(type));
            }
            builder.tokenValidity(oauth.get().optLong("token-validity").map(v -> (int) Math.max(Integer.MIN_VALUE,
                    Math.min(Integer.MAX_VALUE, v))));
        }
        return builder.build();
    }

    /**
     * A short, stable fingerprint of the normalised parameters: the first 16 hex digits of the SHA-256
     * of the xsappname, the sorted qualified authorities, the sorted credential types and the token
     * validity. Equal for parameters that differ only in order or prefix spelling; suited for a label.
     *
     * @return 16 lower-case hex digits
     */
    public String contentHash() {
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.put("xsappname", xsappname());
        ArrayNode a = canonical.putArray("authorities");
        sorted(authorities().stream().map(CalmScope::qualifiedName).collect(Collectors.toList())).forEach(a::add);
        ArrayNode t = canonical.putArray("credential-types");
        sorted(credentialTypes().stream().map(CredentialType::value).collect(Collectors.toList())).forEach(t::add);
        tokenValidity().ifPresent(v -> canonical.put("token-validity", v));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static Collection<String> sorted(Collection<String> values) {
        return new TreeSet<>(values);
    }
}
