package io.calmsdk.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Masks secret-looking values in free-form JSON (unknown key fields, binding credentials), for
 * {@code toString()} and default serialization. Typed secrets use {@link io.calmsdk.core.Secret}; this
 * is the safety net for fields the SDK does not model.
 */
final class SecretMasking {

    static final String MASK = "***";

    private SecretMasking() {
    }

    /**
     * Whether a field of this name holds a secret. Errs on the side of masking.
     *
     * @param fieldName the JSON field name
     * @return {@code true} when the value must be masked
     */
    static boolean isSecretName(String fieldName) {
        String n = fieldName.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
        return n.contains("secret") || n.contains("password") || n.contains("passwd") || n.contains("passphrase")
                || n.equals("key") || n.endsWith("privatekey") || n.endsWith("apikey") || n.endsWith("token")
                || n.endsWith("credential") || n.equals("pin") || n.equals("signature");
    }

    private static boolean looksLikeSecret(String text) {
        return text.contains("PRIVATE KEY");
    }

    /**
     * A deep copy with secret values replaced by {@code ***}.
     *
     * @param node the JSON to mask
     * @return the masked copy
     */
    static JsonNode mask(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                boolean secret = isSecretName(e.getKey()) && (v.isValueNode() && !v.isNull() || v.isContainerNode());
                out.set(e.getKey(), secret ? TextNode.valueOf(MASK) : mask(v));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).arrayNode();
            node.forEach(v -> out.add(mask(v)));
            return out;
        }
        if (node.isTextual() && looksLikeSecret(node.textValue())) {
            return TextNode.valueOf(MASK);
        }
        return node.deepCopy();
    }
}
