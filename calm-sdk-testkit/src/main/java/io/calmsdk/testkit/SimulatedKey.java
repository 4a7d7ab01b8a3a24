package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.json.JsonSupport;

/**
 * A service key the simulator handed out, as the JSON a user would paste from the cockpit. The key is
 * real: its client id and secret (or certificate) work against the simulated XSUAA. Immutable.
 *
 * <p>{@link #toString()} never shows secrets; {@link #json()} does, because it is the key.
 */
public final class SimulatedKey {

    private final String kind;
    private final ObjectNode key;

    SimulatedKey(String kind, ObjectNode key) {
        this.kind = kind;
        this.key = key.deepCopy();
    }

    /**
     * The key as compact JSON text, ready for any key parser.
     *
     * @return the JSON
     */
    public String json() {
        return JsonSupport.text(key);
    }

    /**
     * The key as indented JSON text.
     *
     * @return the JSON
     */
    public String prettyJson() {
        return JsonSupport.pretty(key);
    }

    /**
     * The key as a Jackson tree; a fresh copy on every call, so changing it changes nothing here.
     *
     * @return the tree
     */
    public ObjectNode tree() {
        return key.deepCopy();
    }

    /**
     * The OAuth client id: {@code uaa.clientid} for nested keys, {@code clientid} for Service Manager keys.
     *
     * @return the client id
     */
    public String clientId() {
        JsonNode uaa = key.get("uaa");
        return (uaa != null ? uaa : key).path("clientid").asText();
    }

    /**
     * Describes the key without its secrets.
     *
     * @return e.g. {@code SimulatedKey[cis central, clientid=sb-ut-...]}
     */
    @Override
    public String toString() {
        return "SimulatedKey[" + kind + ", clientid=" + clientId() + ", secrets masked]";
    }
}
