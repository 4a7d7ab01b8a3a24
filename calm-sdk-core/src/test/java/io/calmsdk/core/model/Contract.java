package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import io.calmsdk.core.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** Test access to the contract's JSON examples (src/test/resources/contract) and tree comparison. */
public final class Contract {

    /** Numbers compare by value (2 equals 2.0); everything else by JsonNode equality. */
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a instanceof NumericNode && b instanceof NumericNode) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private Contract() {
    }

    /**
     * The text of a contract example.
     *
     * @param name file name under /contract
     * @return its text
     */
    public static String text(String name) {
        try (InputStream in = Contract.class.getResourceAsStream("/contract/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /contract/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A contract example as a tree.
     *
     * @param name file name under /contract
     * @return the tree
     */
    public static JsonNode tree(String name) {
        try {
            return Json.mapper().readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts two trees are equal, numbers compared by value.
     *
     * @param actual the tree produced
     * @param expected the tree expected
     */
    public static void assertSameJson(JsonNode actual, JsonNode expected) {
        assertThat(actual.equals(NUMERIC, expected))
                .as("JSON%n  actual:   %s%n  expected: %s", actual, expected)
                .isTrue();
    }

    /**
     * Reads a contract example into {@code type} with the SDK's mapper and writes it back.
     *
     * @param name file name under /contract
     * @param type the model type
     * @param <T> the model type
     * @return the value read
     */
    public static <T> T assertRoundTrip(String name, Class<T> type) {
        JsonNode expected = tree(name);
        try {
            T value = Json.mapper().treeToValue(expected, type);
            assertSameJson(Json.mapper().valueToTree(value), expected);
            // And through text, as a transport would do.
            T again = Json.mapper().readValue(Json.mapper().writeValueAsString(value), type);
            assertThat(again).isEqualTo(value);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
