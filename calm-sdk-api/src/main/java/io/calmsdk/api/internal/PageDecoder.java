package io.calmsdk.api.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.internal.http.BodyDecoder;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
    private final Function<JsonNode, List<T>> tree;

    private PageDecoder(Class<T> type, String what) {
        this.reader = Json.mapper().readerFor(type);
        this.what = what;
        this.tree = null;
    }

    private PageDecoder(String what, Function<JsonNode, List<T>> tree) {
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
            Function<JsonNode, List<T>> items) {
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
     * Decodes one page.
     *
     * @param body the page's body
     * @param source the request, e.g. {@code GET https://.../tasks?offset=0}, for messages
     * @return the items, and the count and next link when the page carries them
     * @throws CalmClientException if the body is not a collection of the item type
     */
    public DecodedPage<T> decode(byte[] body, String source) {
        try {
            return read(body);
        } catch (IOException | RuntimeException e) {
            throw failure(e, source);
        }
    }

    /**
     * This decoder for {@link io.calmsdk.core.internal.http.TransportRequest.Builder#decodeWith}: the page is
     * decoded inside the attempt, where a garbled answer to a read is retried.
     *
     * @return the decoder the transport runs on a 2xx body
     */
    public BodyDecoder<DecodedPage<T>> inAttempt() {
        return this::read;
    }

    /**
     * The page of an answer to a request built with {@link #inAttempt()} (decoded in its attempt), or
     * decoded now when the attempt did not.
     *
     * @param response the answer
     * @return the page
     * @throws CalmClientException if the body is not a collection of the item type; the message names the
     *     request
     */
    @SuppressWarnings("unchecked")
    public DecodedPage<T> decoded(TransportResponse response) {
        try {
            return response.isDecoded() ? (DecodedPage<T>) response.decoded() : read(response.bodyUnshared());
        } catch (IOException | RuntimeException e) {
            // The request is described only here: its redacted URL costs more than the rest of a good answer.
            throw failure(e, response.method() + " " + response.redactedUrl());
        }
    }

    private DecodedPage<T> read(byte[] body) throws IOException {
        if (tree != null) {
            return readTree(body);
        }
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return toEnd(p, new DecodedPage<>(readArray(p), Optional.empty(), Optional.empty()));
            }
            if (first != JsonToken.START_OBJECT) {
                throw new NotACollection(first == null ? "an empty body" : "a JSON " + describe(first));
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
                            throw new NotACollection("an object whose value is not an array");
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
                throw new NotACollection("an object without a value array");
            }
            return toEnd(p, new DecodedPage<>(items, Optional.ofNullable(count), Optional.ofNullable(nextLink)));
        }
    }

    /** Reads what follows the page, so that a body garbled after it fails here as the whole-body check would. */
    private static <P> P toEnd(JsonParser p, P page) throws IOException {
        while (p.nextToken() != null) {
            // trailing whitespace ends the loop; anything else is read, and a syntax error thrown
        }
        return page;
    }

    /** A page whose items the tree function picks; it may throw {@link IllegalArgumentException}. */
    private DecodedPage<T> readTree(byte[] body) throws IOException {
        JsonNode node = Json.mapper().readTree(body);
        if (!node.isObject()) {
            // An empty body reads as a missing node (Jackson 2.10 and later), never as null.
            throw new NotACollection(node.isMissingNode() ? "an empty body"
                    : "a JSON " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return new DecodedPage<>(List.copyOf(tree.apply(node)), Optional.empty(), Optional.empty());
    }

    private CalmClientException failure(Exception e, String source) {
        if (e instanceof NotACollection) {
            return new CalmClientException("could not decode a page of " + what + " from " + source
                    + ": expected a JSON array or an object with a value array, found " + e.getMessage()
                    + "; check that the path is a Cloud ALM collection");
        }
        if (e instanceof CalmClientException) {
            return (CalmClientException) e;
        }
        return new CalmClientException("could not decode a page of " + what + " from " + source + ": "
                + firstLine(e.getMessage()) + "; check that the path is a Cloud ALM collection", e);
    }

    private List<T> readArray(JsonParser p) throws IOException {
        List<T> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new JsonParseException(p, "the body ends inside the array (truncated)");
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
                return t.name().toLowerCase(Locale.ROOT);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** A body that is JSON but not a collection; the message says what was found. */
    private static final class NotACollection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotACollection(String found) {
            super(found, null, false, false);
        }
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
