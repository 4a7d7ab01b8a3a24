package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code xs-security} parameters of a Cloud ALM API instance, validated the way the XSUAA broker
 * does: xsappname of at most 100 characters of {@code A-Z a-z 0-9 - _ / \} (no dots), authorities as
 * strings, credential types {@code binding-secret} or {@code x509} ({@code instance-secret} is refused
 * for new bindings), token validity 60..86400 seconds. Immutable.
 *
 * @param xsappname application name
 * @param authorities requested authorities as written
 * @param credentialTypes allowed credential types, first is the default
 * @param credentialTypesExplicit whether the instance listed them (else both are allowed)
 * @param tokenValidity token validity in seconds, or null
 */
public record XsSecurity(String xsappname, List<String> authorities, List<String> credentialTypes,
                         boolean credentialTypesExplicit, Integer tokenValidity) {

    /** Placeholder XSUAA replaces by the master application name. */
    public static final String MASTER_PLACEHOLDER = "$XSMASTERAPPNAME.";

    private static final Pattern XSAPPNAME = Pattern.compile("[A-Za-z0-9_\\-/\\\\]{1,100}");
    private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9_\\-/\\\\:.$!|]+");
    private static final Set<String> KNOWN_TYPES = Set.of("binding-secret", "x509", "instance-secret");

    /**
     * Validates instance parameters.
     *
     * @param parameters the {@code parameters} object, or null
     * @param defaultXsappname xsappname to use when none is given
     * @return the normalised configuration
     * @throws BrokerRejection when the broker would refuse the parameters
     */
    static XsSecurity parse(JsonNode parameters, String defaultXsappname) {
        if (parameters == null || parameters.isNull()) {
            return new XsSecurity(defaultXsappname, List.of(), List.of("binding-secret"), false, null);
        }
        if (!parameters.isObject()) {
            throw new BrokerRejection("parameters must be a JSON object");
        }
        JsonNode xs = parameters.get("xs-security");
        if (xs == null || xs.isNull()) {
            return new XsSecurity(defaultXsappname, List.of(), List.of("binding-secret"), false, null);
        }
        if (!xs.isObject()) {
            throw new BrokerRejection("xs-security must be a JSON object");
        }
        String xsappname = defaultXsappname;
        JsonNode nameNode = xs.get("xsappname");
        if (nameNode != null && !nameNode.isNull()) {
            if (!nameNode.isTextual() || !XSAPPNAME.matcher(nameNode.asText()).matches()) {
                throw new BrokerRejection("Invalid xsappname '" + nameNode.asText() + "': it must have 1 to 100"
                        + " characters of A-Z, a-z, 0-9, '-', '_', '/' and '\\' (no dots or spaces)");
            }
            xsappname = nameNode.asText();
        }
        List<String> authorities = new ArrayList<>();
        JsonNode authNode = xs.get("authorities");
        if (authNode != null && !authNode.isNull()) {
            if (!authNode.isArray()) {
                throw new BrokerRejection("authorities must be an array of strings");
            }
            for (JsonNode a : authNode) {
                if (!a.isTextual() || !AUTHORITY.matcher(a.asText()).matches()) {
                    throw new BrokerRejection("Invalid authority " + a + ": authorities are strings of A-Z, a-z,"
                            + " 0-9, '-', '_', '/', '\\', ':' and '.'");
                }
                authorities.add(a.asText());
            }
        }
        checkArray(xs, "scopes");
        checkArray(xs, "role-templates");
        List<String> types = List.of("binding-secret");
        boolean explicit = false;
        Integer validity = null;
        JsonNode oauth = xs.get("oauth2-configuration");
        if (oauth != null && !oauth.isNull()) {
            if (!oauth.isObject()) {
                throw new BrokerRejection("oauth2-configuration must be a JSON object");
            }
            JsonNode typesNode = oauth.get("credential-types");
            if (typesNode != null && !typesNode.isNull()) {
                types = credentialTypes(typesNode);
                explicit = true;
            }
            JsonNode validityNode = oauth.get("token-validity");
            if (validityNode != null && !validityNode.isNull()) {
                if (!validityNode.isIntegralNumber() || validityNode.asInt() < 60 || validityNode.asInt() > 86400) {
                    throw new BrokerRejection("token-validity must be an integer between 60 and 86400 seconds");
                }
                validity = validityNode.asInt();
            }
        }
        return new XsSecurity(xsappname, List.copyOf(authorities), types, explicit, validity);
    }

    private static void checkArray(JsonNode xs, String field) {
        JsonNode node = xs.get(field);
        if (node != null && !node.isNull() && !node.isArray()) {
            throw new BrokerRejection(field + " must be an array");
        }
    }

    private static List<String> credentialTypes(JsonNode typesNode) {
        if (!typesNode.isArray() || typesNode.isEmpty()) {
            throw new BrokerRejection("credential-types must be a non-empty array");
        }
        List<String> types = new ArrayList<>();
        for (JsonNode t : typesNode) {
            String type = t.asText();
            if (!t.isTextual() || !KNOWN_TYPES.contains(type)) {
                throw new BrokerRejection("Unknown credential-type " + t + "; use binding-secret or x509");
            }
            if (type.equals("instance-secret")) {
                throw new BrokerRejection("credential-type instance-secret is no longer supported for new"
                        + " bindings; use binding-secret or x509");
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    /**
     * The scopes XSUAA grants the instance's client: each {@code $XSMASTERAPPNAME.x} authority becomes
     * {@code <master>.x}; authorities already naming the master application are kept; others grant
     * nothing (they reference scopes nobody defined). Plus {@code uaa.resource}, as on every
     * client-credentials token.
     *
     * @param masterApp master application, e.g. {@code calm-api!b1234}
     * @return the scopes
     */
    List<String> grantedScopes(String masterApp) {
        List<String> scopes = new ArrayList<>();
        for (String authority : authorities) {
            String scope = null;
            if (authority.startsWith(MASTER_PLACEHOLDER)) {
                scope = masterApp + "." + authority.substring(MASTER_PLACEHOLDER.length());
            } else if (authority.startsWith(masterApp + ".")) {
                scope = authority;
            }
            if (scope != null && !scopes.contains(scope)) {
                scopes.add(scope);
            }
        }
        scopes.add("uaa.resource");
        return scopes;
    }

    /**
     * Whether a binding may use a credential type.
     *
     * @param type binding-secret or x509
     * @return whether allowed
     */
    boolean allows(String type) {
        return !credentialTypesExplicit ? (type.equals("binding-secret") || type.equals("x509"))
                : credentialTypes.contains(type);
    }
}
