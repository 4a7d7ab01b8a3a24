package io.calmsdk.testkit.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's own Jackson handling. It works on trees only: the simulator must not share model
 * classes with the SDK it checks, and trees keep unknown fields visible exactly as a client sent them.
 */
public final class JsonSupport {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonSupport() {
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** @return a new empty array node */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Parses JSON text.
     *
     * @param bytes UTF-8 JSON
     * @return the tree
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty body");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * Parses JSON text.
     *
     * @param text JSON
     * @return the tree
     */
    public static JsonNode parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Serialises a tree compactly.
     *
     * @param node the tree
     * @return UTF-8 bytes
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serialises a tree compactly.
     *
     * @param node the tree
     * @return the JSON text
     */
    public static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    /**
     * Serialises a tree for humans.
     *
     * @param node the tree
     * @return indented JSON text
     */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text field, when present and textual.
     *
     * @param node object
     * @param field field name
     * @return the value
     */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * A list of strings from an array of text nodes.
     *
     * @param node array node or null
     * @return the strings; non-text members are skipped
     */
    public static List<String> strings(JsonNode node) {
        List<String> result = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> {
                if (item.isTextual()) {
                    result.add(item.asText());
                }
            });
        }
        return result;
    }

    /**
     * Formats a time the way the simulated services do: ISO-8601 UTC with milliseconds.
     *
     * @param instant time
     * @return text such as {@code 2024-05-01T10:15:30.123Z}
     */
    public static String time(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
        String text = truncated.toString();
        return text.contains(".") ? text : text.replace("Z", ".000Z");
    }
}
