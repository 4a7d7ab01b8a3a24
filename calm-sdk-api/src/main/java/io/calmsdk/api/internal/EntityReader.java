package io.calmsdk.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.internal.http.BodyDecoder;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the entity of a create or update answer. Cloud ALM answers a create with 201 and the entity,
 * or only its {@code id}, or (some APIs) an empty body and a {@code Location} header: the typed result
 * is the answer's fields laid over the fields that were sent, so it is complete in every case.
 */
public final class EntityReader {

    private EntityReader() {
    }

    /**
     * Decodes an entity answer.
     *
     * @param response the answer
     * @param type the entity type
     * @param what what the entity is, for messages, e.g. {@code task}
     * @param <T> the entity type
     * @return the entity
     * @throws CalmClientException if the body is not a JSON object of the type
     */
    public static <T> T read(TransportResponse response, Class<T> type, String what) {
        JsonNode body = tree(response);
        if (!body.isObject()) {
            throw new CalmClientException("could not decode the " + what + " answered by " + source(response)
                    + ": expected a JSON object, found " + (body.isMissingNode() ? "an empty body" : body.getNodeType()));
        }
        return convert(tagged((ObjectNode) body, response), type, what, response);
    }

    /**
     * The body as a tree, read inside the attempt for a request built with {@link #IN_ATTEMPT}: that one read
     * is also the check that a garbled answer is retried.
     */
    public static final BodyDecoder<JsonNode> IN_ATTEMPT = body -> Json.mapper().readTree(body);

    private static JsonNode tree(TransportResponse response) {
        if (response.isDecoded()) {
            try {
                return (JsonNode) response.decoded();
            } catch (IOException | RuntimeException unreadable) {
                // read again below, for the transport's own error, which never quotes the body
            }
        }
        return response.json();
    }

    /**
     * Carries the answer's {@code ETag} header into the entity as {@code @odata.etag}, unless the body
     * already has one, so that models of APIs that send the ETag only as a header still know it.
     */
    private static ObjectNode tagged(ObjectNode body, TransportResponse response) {
        if (!body.has("@odata.etag")) {
            response.header("ETag").ifPresent(etag -> body.put("@odata.etag", etag));
        }
        return body;
    }

    /**
     * Decodes the answer to a create: the answer's fields over the fields sent.
     *
     * @param response the answer (201 or 200)
     * @param sent the request body that was sent
     * @param type the entity type
     * @param what what the entity is, for messages
     * @param <T> the entity type
     * @return the created entity
     * @throws CalmClientException if neither the body nor a {@code Location} header gives the new id
     */
    public static <T> T created(TransportResponse response, Object sent, Class<T> type, String what) {
        return created(response, sent, type, what, "id");
    }

    /**
     * Decodes the answer to a create of an entity whose key is not called {@code id}, e.g. the
     * {@code uuid} of an OData entity.
     *
     * @param response the answer (201 or 200)
     * @param sent the request body that was sent
     * @param type the entity type
     * @param what what the entity is, for messages
     * @param keyField the JSON name of the entity's key
     * @param <T> the entity type
     * @return the created entity
     * @throws CalmClientException if neither the body nor a {@code Location} header gives the new key
     */
    public static <T> T created(TransportResponse response, Object sent, Class<T> type, String what,
                                String keyField) {
        ObjectNode merged = overlay(response, sent, what);
        if (!merged.hasNonNull(keyField)) {
            Optional<String> id = response.header("Location").flatMap(EntityReader::lastSegment);
            if (id.isEmpty()) {
                throw new CalmClientException(source(response) + " answered " + response.status()
                        + " without the new " + what + "'s " + keyField + " (none in the body, no Location header)"
                        + " [correlation id " + response.correlationId() + "]");
            }
            merged.put(keyField, id.get());
        }
        return convert(merged, type, what, response);
    }

    /**
     * Decodes an answer that may carry only part of the entity (or nothing): the answer's fields over
     * the fields sent, without requiring an id.
     *
     * @param response the answer
     * @param sent the request body that was sent
     * @param type the entity type
     * @param what what the entity is, for messages
     * @param <T> the entity type
     * @return the entity
     * @throws CalmClientException if the body is neither empty nor a JSON object of the type
     */
    public static <T> T merged(TransportResponse response, Object sent, Class<T> type, String what) {
        return convert(overlay(response, sent, what), type, what, response);
    }

    private static ObjectNode overlay(TransportResponse response, Object sent, String what) {
        ObjectNode merged = Json.mapper().valueToTree(sent);
        JsonNode body = response.json();
        if (body.isObject()) {
            merged.setAll(tagged((ObjectNode) body, response));
        } else if (!body.isMissingNode()) {
            throw new CalmClientException("could not decode the " + what + " answered by " + source(response)
                    + ": expected a JSON object, found " + body.getNodeType());
        }
        return merged;
    }

    private static <T> T convert(JsonNode node, Class<T> type, String what, TransportResponse response) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new CalmClientException("could not decode the " + what + " answered by " + source(response) + ": "
                    + message, e);
        }
    }

    private static Optional<String> lastSegment(String location) {
        try {
            String path = URI.create(location.strip()).getRawPath();
            if (path == null) {
                return Optional.empty();
            }
            String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            String segment = p.substring(p.lastIndexOf('/') + 1);
            // OData style: /Tasks('42') or /Tasks(42)
            int open = segment.indexOf('(');
            if (open >= 0 && segment.endsWith(")")) {
                segment = segment.substring(open + 1, segment.length() - 1).replace("'", "");
            }
            String id = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String source(TransportResponse response) {
        return response.method() + " " + response.redactedUrl();
    }
}
