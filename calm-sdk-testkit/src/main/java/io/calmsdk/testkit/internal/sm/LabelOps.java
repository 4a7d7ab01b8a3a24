package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.internal.http.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Label maps and label patches ({@code [{"op":"add|remove|add_values|remove_values","key","values"}]}). */
final class LabelOps {

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
     * Applies label operations to a copy of the labels, validating all of them first.
     *
     * @param current current labels
     * @param ops the operations
     * @return the new labels
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
            if (key.isEmpty()) {
                throw new ApiError(400, "BadRequest", "label operation without key");
            }
            List<String> values = op.has("values") ? values(key, op.get("values")) : List.of();
            switch (kind) {
                case "add":
                case "add_values":
                    if (values.isEmpty()) {
                        throw new ApiError(400, "BadRequest", "label operation '" + kind + "' needs values");
                    }
                    List<String> target = result.computeIfAbsent(key, k -> new ArrayList<>());
                    values.stream().filter(v -> !target.contains(v)).forEach(target::add);
                    break;
                case "remove":
                case "remove_values":
                    if (values.isEmpty()) {
                        result.remove(key);
                    } else if (result.containsKey(key)) {
                        result.get(key).removeAll(values);
                        if (result.get(key).isEmpty()) {
                            result.remove(key);
                        }
                    }
                    break;
                default:
                    throw new ApiError(400, "BadRequest", "unknown label operation '" + kind
                            + "'; use add, remove, add_values or remove_values");
            }
        }
        return result;
    }
}
