package io.calmsdk.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one JSON object while remembering where it is, so every problem names its JSON path.
 *
 * <p>Problems never carry the offending value: it may be a secret. Deliberately tolerant of what a
 * server may add (unknown fields are ignored), strict about what the SDK cannot work without.
 *
 * <p>Why it is kept beside the models' Jackson builders: it serves the two readers they cannot
 * express. Service keys must fail with a typed {@code InvalidServiceKeyException} naming the full
 * JSON path, read {@code endpoints.Api} in any case and the X.509 fields the contract marks
 * UNVERIFIED, and keep the fields the SDK does not model; xs-security parameters are read back
 * wrapped in {@code xs-security} or not, without the write-time checks.
 */
final class JsonIn {

    /** Turns a path and a problem description into the exception callers see. */
    @FunctionalInterface
    interface Problems {
        RuntimeException at(String path, String problem);
    }

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    private JsonIn(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Starts reading a document root, which must be a JSON object.
     *
     * @param node the root, may be {@code null}
     * @param problems the exception factory
     * @return the reader
     */
    static JsonIn root(JsonNode node, Problems problems) {
        if (node == null || !node.isObject()) {
            throw problems.at("$", "is not a JSON object");
        }
        return new JsonIn(node, "", problems);
    }

    JsonNode node() {
        return node;
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    RuntimeException problem(String field, String problem) {
        return problems.at(path(field), problem);
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** The field's name as written in the document, matched ignoring case. */
    Optional<String> fieldNameIgnoreCase(String field) {
        return KeyJson.nameIgnoreCase((ObjectNode) node, field);
    }

    JsonIn object(String field) {
        return optObject(field).orElseThrow(() -> problem(field, "is missing"));
    }

    Optional<JsonIn> optObject(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw problem(field, "is not a JSON object");
        }
        return Optional.of(new JsonIn(v, path(field), problems));
    }

    String text(String field) {
        return optText(field).orElseThrow(() -> problem(field, "is missing"));
    }

    /** A string field; numbers and booleans are accepted as their text, blank strings count as absent. */
    Optional<String> optText(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode()) {
            throw problem(field, "is not a string");
        }
        String text = v.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    Optional<Long> optLong(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Optional.of(v.longValue());
        }
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && !Double.isInfinite(v.asDouble())) {
            return Optional.of((long) v.asDouble());
        }
        if (v.isTextual()) {
            try {
                return Optional.of(Long.parseLong(v.textValue().trim()));
            } catch (NumberFormatException e) {
                throw problem(field, "is not a whole number");
            }
        }
        throw problem(field, "is not a whole number");
    }

    /** An array of scalars as text; a single scalar counts as a one-element array, absent as empty. */
    List<String> texts(String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            throw problem(field, "is not an array");
        }
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.isNull()) {
                throw problem(field, "holds an item that is not a string");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A URL; must be absolute. */
    Optional<URI> optUri(String field) {
        return optText(field).map(text -> toUri(field, text));
    }

    URI toUri(String field, String text) {
        try {
            URI uri = new URI(text.trim());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw problem(field, "is not an absolute URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw problem(field, "is not a valid URL");
        }
    }

    /** The scalar members of an object field as text, in document order; nested values are skipped. */
    Map<String, String> textMembers() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }
}
