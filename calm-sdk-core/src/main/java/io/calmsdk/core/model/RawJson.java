package io.calmsdk.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An immutable copy of the JSON object a key was read from, so fields the SDK does not model survive a
 * read-write round trip. Its {@code toString()} masks secret-looking values.
 */
final class RawJson {

    private static final RawJson EMPTY = new RawJson(JsonNodeFactory.instance.objectNode());

    private final ObjectNode node;

    private RawJson(ObjectNode node) {
        this.node = node;
    }

    static RawJson empty() {
        return EMPTY;
    }

    static RawJson of(JsonNode node) {
        Objects.requireNonNull(node, "node");
        return node.isObject() ? new RawJson(((ObjectNode) node).deepCopy()) : EMPTY;
    }

    /** A mutable deep copy, for the caller to change. */
    ObjectNode copy() {
        return node.deepCopy();
    }

    /** The value at a path of field names, as found; not copied, never hand it out. */
    JsonNode at(String... fields) {
        JsonNode current = node;
        for (String f : fields) {
            current = current.path(f);
        }
        return current;
    }

    @Override
    public String toString() {
        return SecretMasking.mask(node).toString();
    }
}
