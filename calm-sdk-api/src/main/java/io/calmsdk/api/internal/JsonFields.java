package io.calmsdk.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a model from the JSON object Cloud ALM sent: each field under every spelling the sources use (the
 * first one present wins), and every field the model does not read kept as plain Java values (maps,
 * lists, text, numbers, booleans) so that nothing Cloud ALM sends is lost. Not thread-safe; one per object.
 */
public final class JsonFields {

    private final JsonNode node;
    private final Set<String> read = new HashSet<>();

    private JsonFields(JsonNode node) {
        this.node = node;
    }

    /**
     * Starts reading an object.
     *
     * @param node the JSON, an object
     * @param what what the object is, for messages
     * @return the reader
     * @throws IllegalArgumentException if the JSON is not an object
     */
    public static JsonFields of(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object: "
                    + (node == null ? "missing" : node.getNodeType()));
        }
        return new JsonFields(node);
    }

    private JsonNode first(String... names) {
        JsonNode found = null;
        for (String name : names) {
            read.add(name);
            JsonNode v = node.get(name);
            if (found == null && v != null && !v.isNull()) {
                found = v;
            }
        }
        return found;
    }

    /**
     * A text field that must be present.
     *
     * @param names the spellings, SAP's first
     * @return the text
     * @throws IllegalArgumentException if no spelling is present
     */
    public String required(String... names) {
        return text(names).orElseThrow(() -> new IllegalArgumentException("missing required field '" + names[0]
                + "'"));
    }

    /**
     * A text field; numbers and booleans are given as their text.
     *
     * @param names the spellings, SAP's first
     * @return the text, if present and not {@code null}
     */
    public Optional<String> text(String... names) {
        JsonNode v = first(names);
        return v == null || v.isContainerNode() ? Optional.empty() : Optional.of(v.asText());
    }

    /**
     * A whole-number field, also when sent as text.
     *
     * @param names the spellings, SAP's first
     * @return the number, if present
     * @throws IllegalArgumentException if the value is not a whole number
     */
    public Optional<Integer> integer(String... names) {
        JsonNode v = first(names);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isIntegralNumber()) {
            return Optional.of(v.intValue());
        }
        try {
            return Optional.of(Integer.parseInt(v.asText().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + names[0] + "' is not a whole number: " + v.asText(), e);
        }
    }

    /**
     * A decimal-number field, also when sent as text.
     *
     * @param names the spellings, SAP's first
     * @return the number, if present
     * @throws IllegalArgumentException if the value is not a number
     */
    public Optional<Double> decimal(String... names) {
        JsonNode v = first(names);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(v.doubleValue());
        }
        try {
            return Optional.of(Double.parseDouble(v.asText().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + names[0] + "' is not a number: " + v.asText(), e);
        }
    }

    /**
     * A boolean field, also when sent as {@code "true"}/{@code "false"}.
     *
     * @param names the spellings, SAP's first
     * @return the value, if present
     */
    public Optional<Boolean> bool(String... names) {
        JsonNode v = first(names);
        return v == null ? Optional.empty() : Optional.of(v.isBoolean() ? v.booleanValue()
                : Boolean.parseBoolean(v.asText().strip()));
    }

    /**
     * A timestamp field, with or without offset, or a bare date.
     *
     * @param names the spellings, SAP's first
     * @return the instant, if present
     * @throws IllegalArgumentException if the value is not a timestamp
     */
    public Optional<Instant> instant(String... names) {
        return text(names).flatMap(LenientInstants::parse);
    }

    /**
     * A list of texts; a single text is read as a list of one.
     *
     * @param names the spellings, SAP's first
     * @return the texts, empty when absent
     */
    public List<String> texts(String... names) {
        JsonNode v = first(names);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(e -> {
                if (!e.isNull()) {
                    out.add(e.isObject() && e.has("name") ? e.get("name").asText() : e.asText());
                }
            });
        } else {
            out.add(v.asText());
        }
        return List.copyOf(out);
    }

    /**
     * A list of objects of a model type.
     *
     * @param type the element type
     * @param names the spellings, SAP's first
     * @param <T> the element type
     * @return the elements, empty when absent
     * @throws IllegalArgumentException if an element cannot be decoded
     */
    public <T> List<T> list(Class<T> type, String... names) {
        JsonNode v = first(names);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (JsonNode e : v) {
            try {
                out.add(Json.mapper().treeToValue(e, type));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalArgumentException("field '" + names[0] + "' holds an element that is not a "
                        + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Every field not read so far, as plain Java values, in the order sent; OData annotations
     * ({@code @odata.context}, {@code @odata.etag}) included.
     *
     * @return the other fields, unmodifiable
     */
    public Map<String, Object> others() {
        Map<String, Object> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!read.contains(e.getKey())) {
                out.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * The object itself, for models that keep parts of it verbatim.
     *
     * @return the object
     */
    public ObjectNode object() {
        return (ObjectNode) node;
    }

    /**
     * Copies a map of other fields for a model's component: unmodifiable, order kept.
     *
     * @param others the fields, not {@code null}
     * @return the copy
     */
    public static Map<String, Object> copy(Map<String, Object> others) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(java.util.Objects.requireNonNull(others, "otherFields")));
    }

    /**
     * A model's kept field as text, by the name Cloud ALM sends.
     *
     * @param others the model's other fields
     * @param name the field's name
     * @return its value as text (numbers and booleans as their text), empty when absent, {@code null} or a structure
     */
    public static Optional<String> scalarText(Map<String, Object> others, String name) {
        Object v = others.get(name);
        return v == null || v instanceof Map || v instanceof List ? Optional.empty() : Optional.of(v.toString());
    }

    /**
     * The id of the first of a model's kept links ({@code {"id": ..., "uri": ...}}) that is sent with one.
     *
     * @param others the model's other fields
     * @param links the links' names, the first that has an id wins
     * @return the id, if one is sent
     */
    public static Optional<String> linkId(Map<String, Object> others, String... links) {
        for (String link : links) {
            if (others.get(link) instanceof Map<?, ?> m && m.get("id") != null) {
                return Optional.of(m.get("id").toString());
            }
        }
        return Optional.empty();
    }
}
