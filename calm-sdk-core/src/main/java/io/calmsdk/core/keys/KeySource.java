package io.calmsdk.core.keys;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.internal.json.Json;

/**
 * Turns text from some place into a JSON tree, with messages that say where the text came from and
 * never quote it (it holds secrets).
 */
final class KeySource {

    private static final ObjectReader READER = Json.mapper().reader()
            .without(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
            .with(JsonParser.Feature.ALLOW_COMMENTS);

    private KeySource() {
    }

    /**
     * Parses JSON text, skipping leading non-JSON lines such as the {@code Getting key ... as user...}
     * header of {@code cf service-key}.
     *
     * @param text the text
     * @param kind the key kind, for messages
     * @param source where the text came from, for messages
     * @return the tree
     * @throws InvalidServiceKeyException when the text holds no JSON object
     */
    static JsonNode parse(String text, String kind, String source) {
        if (text == null || text.isBlank()) {
            throw new InvalidServiceKeyException("$", kind + " from " + source + " is empty");
        }
        if (text.length() > KeyFileReader.MAX_BYTES) {
            // The same bound as for key files: a 10 MB "key" is a mistake, and its fields would end up in
            // HTTP headers and messages.
            throw new InvalidServiceKeyException("$", kind + " from " + source + " is " + text.length()
                    + " characters long; a service key is a few kilobytes of JSON");
        }
        String json = skipLeadingText(text);
        if (json == null) {
            throw new InvalidServiceKeyException("$", kind + " from " + source + " holds no JSON object");
        }
        try {
            JsonNode node = READER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidServiceKeyException("$", kind + " from " + source + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's own message can quote the offending token, which may be part of a secret.
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            throw new InvalidServiceKeyException("$", kind + " from " + source + " is not valid JSON" + where);
        }
    }

    /** The text from the first line that starts with '{', or {@code null} when there is none. */
    private static String skipLeadingText(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            return trimmed;
        }
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            String line = end < 0 ? text.substring(from) : text.substring(from, end);
            if (line.strip().startsWith("{")) {
                return text.substring(from).strip();
            }
            if (end < 0) {
                break;
            }
            from = end + 1;
        }
        return null;
    }
}
