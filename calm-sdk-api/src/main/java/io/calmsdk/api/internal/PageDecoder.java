package io.calmsdk.api.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.internal.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes one page of a collection with a streaming parser, item by item, straight into typed
 * objects: no tree of the whole page is ever built. Understands the two shapes Cloud ALM uses:
 * a bare JSON array (REST APIs) and an object with a {@code value} array plus optional
 * {@code @odata.count} / {@code @count} and {@code @odata.nextLink} / {@code @nextLink} (OData v4 and
 * {@code {value:[...]}} REST APIs). Thread-safe.
 *
 * @param <T> the item type
 */
public final class PageDecoder<T> {

    private final ObjectReader reader;
    private final String what;
    private final java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, List<T>> tree;

    private PageDecoder(Class<T> type, String what) {
        this.reader = Json.mapper().readerFor(type);
        this.what = what;
        this.tree = null;
    }

    private PageDecoder(String what, java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, List<T>> tree) {
        this.reader = null;
        this.what = what;
        this.tree = tree;
    }

    /**
     * A decoder of pages whose items are nested deeper than a {@code value} array, e.g. the OpenTelemetry
     * {@code resourceLogs[].scopeLogs[].logRecords[]} of the raw data APIs: the page (one page only) is read as a
     * tree and the function picks its items.
     *
     * @param what what the items are, for error messages, e.g. {@code log records}
     * @param items picks the items of a page; may throw {@link IllegalArgumentException} for a malformed page
     * @param <T> the item type
     * @return the decoder
     */
    public static <T> PageDecoder<T> ofTree(String what,
            java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, List<T>> items) {
        return new PageDecoder<>(Objects.requireNonNull(what, "what"), Objects.requireNonNull(items, "items"));
    }

    /**
     * A decoder of items of this type.
     *
     * @param type the item type; must be decodable by the SDK's JSON mapper
     * @param what what the items are, for error messages, e.g. {@code tasks}
     * @param <T> the item type
     * @return the decoder
     */
    public static <T> PageDecoder<T> of(Class<T> type, String what) {
        return new PageDecoder<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(what, "what"));
    }

    /**
     * Decodes a page.
     *
     * @param body the response body
     * @param source where the body came from, for error messages (method and redacted URL)
     * @return the page's items, count and next link
     * @throws CalmClientException if the body is not a JSON array or an object with a {@code value} array,
     *         or an item cannot be decoded
     */
    public DecodedPage<T> decode(byte[] body, String source) {
        if (tree != null) {
            return decodeTree(body, source);
        }
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return new DecodedPage<>(readArray(p), Optional.empty(), Optional.empty());
            }
            if (first != JsonToken.START_OBJECT) {
                throw notACollection(source, first == null ? "an empty body" : "a JSON " + describe(first));
            }
            List<T> items = null;
            Long count = null;
            String nextLink = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "value":
                        if (value != JsonToken.START_ARRAY) {
                            throw notACollection(source, "an object whose value is not an array");
                        }
                        items = readArray(p);
                        break;
                    case "@odata.count":
                    case "@count":
                        count = readCount(p, value);
                        break;
                    case "@odata.nextLink":
                    case "@nextLink":
                        nextLink = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (items == null) {
                throw notACollection(source, "an object without a value array");
            }
            return new DecodedPage<>(items, Optional.ofNullable(count), Optional.ofNullable(nextLink));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CalmClientException) {
                throw (CalmClientException) e;
            }
            throw new CalmClientException("could not decode a page of " + what + " from " + source + ": "
                    + firstLine(e.getMessage()) + "; check that the path is a Cloud ALM collection", e);
        }
    }

    private DecodedPage<T> decodeTree(byte[] body, String source) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = Json.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw notACollection(source, node == null ? "an empty body" : "a JSON " + node.getNodeType()
                        .toString().toLowerCase(java.util.Locale.ROOT));
            }
            return new DecodedPage<>(List.copyOf(tree.apply(node)), Optional.empty(), Optional.empty());
        } catch (IOException | IllegalArgumentException e) {
            throw new CalmClientException("could not decode a page of " + what + " from " + source + ": "
                    + firstLine(e.getMessage()) + "; check that the path is a Cloud ALM collection", e);
        }
    }

    private List<T> readArray(JsonParser p) throws IOException {
        List<T> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new IOException("the body ends inside the array (truncated)");
            }
            items.add(reader.readValue(p));
        }
        return items;
    }

    private static Long readCount(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            // OData allows IEEE754Compatible=true, which sends 64-bit numbers as strings.
            try {
                return Long.parseLong(p.getText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        p.skipChildren();
        return null;
    }

    private CalmClientException notACollection(String source, String found) {
        return new CalmClientException("could not decode a page of " + what + " from " + source + ": expected a JSON"
                + " array or an object with a value array, found " + found + "; check that the path is a Cloud ALM"
                + " collection");
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case VALUE_STRING:
                return "string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * One decoded page.
     *
     * @param items the items, in order
     * @param count the total count the service reported, if any
     * @param nextLink the service's link to the next page, if any
     * @param <T> the item type
     */
    public record DecodedPage<T>(List<T> items, Optional<Long> count, Optional<String> nextLink) {
    }
}
