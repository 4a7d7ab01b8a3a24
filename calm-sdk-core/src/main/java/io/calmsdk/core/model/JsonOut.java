package io.calmsdk.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.internal.json.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/** Writes model fields to a JSON object: absent optionals are omitted, numbers stay whole when whole. */
final class JsonOut {

    private final ObjectNode node = JsonNodeFactory.instance.objectNode();

    ObjectNode node() {
        return node;
    }

    JsonOut put(String field, String value) {
        node.put(field, value);
        return this;
    }

    JsonOut put(String field, Optional<?> value) {
        value.ifPresent(v -> node.set(field, toNode(v)));
        return this;
    }

    <T> JsonOut array(String field, Collection<T> items, Function<T, JsonNode> writer) {
        ArrayNode array = node.putArray(field);
        items.forEach(i -> array.add(writer.apply(i)));
        return this;
    }

    /** Like {@link #array} but omits the field when there are no items. */
    <T> JsonOut arrayIfAny(String field, Collection<T> items, Function<T, JsonNode> writer) {
        return items.isEmpty() ? this : array(field, items, writer);
    }

    static JsonNode toNode(Object v) {
        if (v instanceof JsonNode) {
            return (JsonNode) v;
        }
        if (v instanceof String) {
            return JsonNodeFactory.instance.textNode((String) v);
        }
        if (v instanceof Boolean) {
            return JsonNodeFactory.instance.booleanNode((Boolean) v);
        }
        if (v instanceof Long || v instanceof Integer) {
            return JsonNodeFactory.instance.numberNode(((Number) v).longValue());
        }
        if (v instanceof Double) {
            double d = (Double) v;
            return d == Math.rint(d) && Math.abs(d) < 1e15
                    ? JsonNodeFactory.instance.numberNode((long) d)
                    : JsonNodeFactory.instance.numberNode(d);
        }
        if (v instanceof Instant) {
            return JsonNodeFactory.instance.textNode(v.toString());
        }
        return Json.mapper().valueToTree(v);
    }
}
