package io.calmsdk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.core.internal.http.TransportResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link CloudAlmRequest}: status, headers (including the {@link #etag() ETag} to send
 * back in {@code If-Match}), the correlation id, and the body as text, as a JSON tree
 * ({@code as(JsonNode.class)}) or decoded into a type. Immutable and thread-safe.
 */
public final class CloudAlmResponse {

    private final TransportResponse response;

    CloudAlmResponse(TransportResponse response) {
        this.response = Objects.requireNonNull(response, "response");
    }

    /**
     * The HTTP status: a 2xx, or a status the request {@linkplain CloudAlmRequest#accept(int...) accepted}.
     *
     * @return the status
     */
    public int status() {
        return response.status();
    }

    /**
     * The first value of a response header.
     *
     * @param name the header name, any case
     * @return the value, if present
     */
    public Optional<String> header(String name) {
        return response.header(name);
    }

    /**
     * The entity tag of the answer, to send back with {@link CloudAlmRequest#ifMatch(String)} so that an
     * update fails with 412 instead of overwriting someone else's change. Taken from the {@code ETag}
     * header, or else from an OData entity's {@code @odata.etag} property.
     *
     * @return the ETag exactly as the service sent it (weak tags keep their {@code W/} prefix), if any
     */
    public Optional<String> etag() {
        Optional<String> header = response.header("ETag");
        if (header.isPresent()) {
            return header;
        }
        if (!isJsonObject()) {
            return Optional.empty();
        }
        JsonNode tag = response.json().path("@odata.etag");
        return tag.isTextual() ? Optional.of(tag.asText()) : Optional.empty();
    }

    /**
     * The correlation id of the call, to quote to SAP support.
     *
     * @return the id
     */
    public String correlationId() {
        return response.correlationId();
    }

    /**
     * How many attempts the call took, including the first.
     *
     * @return at least 1
     */
    public int attempts() {
        return response.attempts();
    }

    /**
     * Whether the answer has a body.
     *
     * @return {@code false} for an empty body, e.g. a 204
     */
    public boolean hasBody() {
        return response.bodyLength() > 0;
    }

    /**
     * The raw body.
     *
     * @return a copy of the body, empty if there was none
     */
    public byte[] body() {
        return response.body();
    }

    /**
     * The body as text.
     *
     * @return the text, empty if there was no body
     */
    public String bodyAsString() {
        return response.bodyAsString();
    }

    /**
     * The body decoded into a type: one of this SDK's models, your own class, or a Jackson
     * {@code JsonNode} for the JSON tree (a missing node when the body is empty).
     *
     * @param type the target type
     * @param <T> the type
     * @return the decoded body
     * @throws io.calmsdk.core.exception.CalmClientException if the body is empty (for a type other than
     *         {@code JsonNode}), not JSON, or does not fit the type
     */
    public <T> T as(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (type == JsonNode.class) {
            return type.cast(response.json());
        }
        return response.json(type);
    }

    /**
     * The body decoded as a list: a JSON array, or the {@code value} array of an OData or
     * {@code {value:[...]}} answer. Items are decoded one at a time, without building a tree of the body.
     *
     * @param itemType the item type
     * @param <T> the item type
     * @return the items, in order
     * @throws io.calmsdk.core.exception.CalmClientException if the body is not such a list or an item does
     *         not fit the type
     */
    public <T> List<T> asListOf(Class<T> itemType) {
        return PageDecoder.of(itemType, itemType.getSimpleName() + " items")
                .decode(response.bodyUnshared(), response.method() + " " + response.redactedUrl()).items();
    }

    private boolean isJsonObject() {
        byte[] body = response.bodyUnshared();
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    /**
     * Method, URL (secret query values masked), status and correlation id; never the body.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "CloudAlmResponse{" + response.method() + " " + response.redactedUrl() + " -> " + status()
                + ", correlationId=" + correlationId() + "}";
    }
}
