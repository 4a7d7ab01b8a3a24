package io.calmsdk.btp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of instance parameters that calm-sdk stores as a label on the instances it
 * creates or updates, and the semantic comparison of parameters read back from the service.
 *
 * <p>Both ignore key order and the order of string arrays ({@code authorities},
 * {@code credential-types}), which carry sets: the service may hand them back in another order, and a
 * reordering must not be taken for drift.
 */
public final class ParametersHash {

    private ParametersHash() {
    }

    /**
     * The SHA-256 of the canonical form, hex, 64 characters.
     *
     * @param parameters the parameters
     * @return the fingerprint
     */
    public static String of(JsonNode parameters) {
        try {
            byte[] canonical = Json.mapper().writeValueAsBytes(canonical(parameters));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint instance parameters", e);
        }
    }

    /**
     * Whether two parameter documents mean the same.
     *
     * @param a one document
     * @param b the other
     * @return {@code true} when their canonical forms are equal
     */
    public static boolean sameMeaning(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }

    /**
     * The canonical form: object keys sorted, arrays of plain strings sorted and de-duplicated.
     *
     * @param node the document
     * @return a new canonical document
     */
    static JsonNode canonical(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    sorted.put(e.getKey(), canonical(e.getValue()));
                }
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            boolean allText = true;
            for (JsonNode n : node) {
                allText &= n.isTextual();
            }
            if (allText) {
                List<String> values = new ArrayList<>();
                node.forEach(n -> values.add(n.asText()));
                values.stream().distinct().sorted().forEach(out::add);
            } else {
                node.forEach(n -> out.add(canonical(n)));
            }
            return out;
        }
        return node;
    }
}
