package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.internal.http.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Label maps and label patches ({@code [{"op":"add|remove|add_values|remove_values","key","values"}]}). */
final class LabelOps {

    private static final Set<String> OPERATIONS = Set.of("add", "add_values", "remove", "remove_values");

    private LabelOps() {
    }

    /**
     * Reads a create request's label map.
     *
     * @param node {@code {"key": ["value", ...]}} or null
     * @return the labels
     */
    static Map<String, List<String>> read(JsonNode node) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return labels;
        }
        if (!node.isObject()) {
            throw new ApiError(400, "BadRequest", "labels must be an object of string arrays");
        }
        node.properties().forEach(e -> {
            if (e.getKey().isBlank() || !e.getValue().isArray()) {
                throw new ApiError(400, "BadRequest", "label '" + e.getKey() + "' must have an array of strings");
            }
            labels.put(e.getKey(), values(e.getKey(), e.getValue()));
        });
        return labels;
    }

    private static List<String> values(String key, JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            if (!v.isTextual() || v.asText().isEmpty()) {
                throw new ApiError(400, "BadRequest", "label '" + key + "' values must be non-empty strings");
            }
            if (!values.contains(v.asText())) {
                values.add(v.asText());
            }
        }
        return values;
    }

    /**
     * Applies label operations to a copy of the labels, validating all of them first. The four operations of
     * SAP's open-source Service Manager (Peripli) and the SAP BTP service operator:
     * <ul>
     *   <li>{@code add}: adds the key with its values; values the key already has are kept once;</li>
     *   <li>{@code add_values}: adds values to the key (creating it when missing); needs values;</li>
     *   <li>{@code remove}: drops the key, or only the listed values when some are given;</li>
     *   <li>{@code remove_values}: removes the listed values from the key; needs values.</li>
     * </ul>
     * A key left without values disappears. Every operation needs {@code op} and {@code key}.
     *
     * @param current current labels
     * @param ops the operations
     * @return the new labels
     * @throws ApiError 400 for an unknown operation, a missing key, or missing values where they are required
     */
    static Map<String, List<String>> apply(Map<String, List<String>> current, JsonNode ops) {
        if (!ops.isArray()) {
            throw new ApiError(400, "BadRequest", "labels of an update must be an array of label operations");
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        current.forEach((k, v) -> result.put(k, new ArrayList<>(v)));
        for (JsonNode op : ops) {
            String kind = op.path("op").asText("");
            String key = op.path("key").asText("");
            if (key.isEmpty() || kind.isEmpty()) {
                throw new ApiError(400, "BadRequest", "both key and operation are required for label change");
            }
            if (!OPERATIONS.contains(kind)) {
                throw new ApiError(400, "BadRequest", "unknown label operation '" + kind
                        + "'; use add, remove, add_values or remove_values");
            }
            JsonNode given = op.get("values");
            List<String> values = given == null || given.isNull() ? List.of() : values(key, arrayOf(key, given));
            if (values.isEmpty() && !kind.equals("remove")) {
                throw new ApiError(400, "BadRequest", "operation " + kind + " requires values to be provided");
            }
            if (kind.startsWith("add")) {
                List<String> target = result.computeIfAbsent(key, k -> new ArrayList<>());
                values.stream().filter(v -> !target.contains(v)).forEach(target::add);
            } else if (values.isEmpty()) {
                result.remove(key);
            } else if (result.containsKey(key)) {
                result.get(key).removeAll(values);
                if (result.get(key).isEmpty()) {
                    result.remove(key);
                }
            }
        }
        return result;
    }

    private static JsonNode arrayOf(String key, JsonNode values) {
        if (!values.isArray()) {
            throw new ApiError(400, "BadRequest", "label '" + key + "' values must be an array of strings");
        }
        return values;
    }
}
