package io.calmsdk.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link TransportRequest}: status, headers, body and what the call took (attempts,
 * correlation id). Immutable and thread-safe.
 *
 * <p>Decoding errors never quote the body: a body may be a token response, and Jackson's messages
 * quote the offending text. They name the request, the status, the body's size and where decoding
 * stopped.
 */
public final class TransportResponse {

    private final String method;
    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final int attempts;
    private final String correlationId;
    private final boolean decodedInAttempt;
    private final Object decoded;
    private final Exception decodeError;

    TransportResponse(String method, URI uri, int status, HttpHeaders headers, byte[] body, int attempts,
                      String correlationId) {
        this(method, uri, status, headers, body, attempts, correlationId, false, null, null);
    }

    TransportResponse(String method, URI uri, int status, HttpHeaders headers, byte[] body, int attempts,
                      String correlationId, boolean decodedInAttempt, Object decoded, Exception decodeError) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body == null ? new byte[0] : body;
        this.attempts = attempts;
        this.correlationId = correlationId;
        this.decodedInAttempt = decodedInAttempt;
        this.decoded = decoded;
        this.decodeError = decodeError;
    }

    /**
     * Whether the request's {@link BodyDecoder} ran on this answer (a 2xx answer to a request built with
     * {@link TransportRequest.Builder#decodeWith}).
     *
     * @return {@code true} when {@link #decoded()} holds its outcome
     */
    public boolean isDecoded() {
        return decodedInAttempt;
    }

    /**
     * What the request's {@link BodyDecoder} made of the body inside the attempt.
     *
     * @return the decoded value
     * @throws IOException the decoder's failure, when it could not read the body as the value
     * @throws IllegalStateException if the body was not decoded ({@link #isDecoded()} is {@code false})
     */
    public Object decoded() throws IOException {
        if (!decodedInAttempt) {
            throw new IllegalStateException("the answer was not decoded in its attempt");
        }
        if (decodeError instanceof IOException) {
            throw (IOException) decodeError;
        }
        if (decodeError != null) {
            throw (RuntimeException) decodeError;
        }
        return decoded;
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * All response headers.
     *
     * @return the headers
     */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The first value of a response header.
     *
     * @param name the header name, case-insensitive
     * @return the value, if present
     */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * The raw body.
     *
     * @return a copy of the body, empty if there was none
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body itself, without the copy {@link #body()} makes: for calm-sdk's decoders, which only read it.
     * The array must not be changed.
     *
     * @return the body, empty if there was none
     */
    public byte[] bodyUnshared() {
        return body;
    }

    /**
     * The size of the body.
     *
     * @return the number of bytes, 0 if there was none
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * The body as text, in the charset of the {@code Content-Type} (UTF-8 if none or unknown).
     *
     * @return the text, empty if there was no body
     */
    public String bodyAsString() {
        return new String(body, charset());
    }

    /**
     * The body as a JSON tree.
     *
     * @return the tree; a {@link MissingNode} when the body is empty
     * @throws CalmClientException if the body is not valid JSON (malformed or truncated)
     */
    public JsonNode json() {
        if (isBlankBody()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            throw decodeFailure("JSON", e);
        }
    }

    /**
     * The body decoded into a type.
     *
     * @param type the target type
     * @param <T> the type
     * @return the decoded value
     * @throws CalmClientException if the body is empty, not valid JSON or does not fit the type
     */
    public <T> T json(Class<T> type) {
        return decode(Json.mapper().constructType(type), type.getSimpleName());
    }

    /**
     * The body decoded into a generic type.
     *
     * @param type the target type, e.g. {@code new TypeReference<List<Project>>() {}}
     * @param <T> the type
     * @return the decoded value
     * @throws CalmClientException if the body is empty, not valid JSON or does not fit the type
     */
    public <T> T json(TypeReference<T> type) {
        JavaType javaType = Json.mapper().constructType(type);
        return decode(javaType, javaType.toString());
    }

    private <T> T decode(JavaType type, String typeName) {
        if (isBlankBody()) {
            throw new CalmClientException("could not decode the body of " + describeExchange() + " as " + typeName
                    + ": the body is empty");
        }
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw decodeFailure(typeName, e);
        }
    }

    /**
     * How many attempts the call took, including the first.
     *
     * @return at least 1
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The correlation id sent with every attempt of the call.
     *
     * @return the id
     */
    public String correlationId() {
        return correlationId;
    }

    /**
     * The request URL (may hold secret query values: show {@link #redactedUrl()} instead).
     *
     * @return the URL
     */
    public URI uri() {
        return uri;
    }

    /**
     * The request URL with secret query values masked.
     *
     * @return the redacted URL
     */
    public String redactedUrl() {
        return ServiceFailure.redactUrl(uri.toString());
    }

    /**
     * The request method.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * Status, method, redacted URL, body size, attempts and correlation id; never the body or headers.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "TransportResponse{" + status + " for " + method + " " + redactedUrl() + ", " + body.length
                + " bytes, " + attempts + (attempts == 1 ? " attempt" : " attempts") + ", correlation id "
                + correlationId + "}";
    }

    private boolean isBlankBody() {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private String describeExchange() {
        return method + " " + redactedUrl() + " (HTTP " + status + ", " + body.length + " bytes, correlation id "
                + correlationId + ")";
    }

    private CalmClientException decodeFailure(String typeName, IOException e) {
        // Never e.getMessage(): Jackson quotes the offending text, which could be a token. No cause either,
        // since stack traces print it.
        String problem;
        String internal = e.getMessage() == null ? "" : e.getMessage();  // inspected, never shown
        if (e instanceof JsonEOFException || internal.contains("end-of-input") || internal.startsWith("No content")) {
            problem = "the body ends early (truncated)";
        } else if (e instanceof MismatchedInputException) {
            problem = "the JSON does not fit " + typeName;
        } else if (e instanceof JsonProcessingException) {
            problem = "the body is not well-formed JSON";
        } else {
            problem = "reading failed (" + e.getClass().getSimpleName() + ")";
        }
        String where = "";
        if (e instanceof JsonProcessingException) {
            JsonLocation loc = ((JsonProcessingException) e).getLocation();
            if (loc != null && loc.getLineNr() > 0) {
                where = " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            }
        }
        return new CalmClientException("could not decode the body of " + describeExchange() + " as " + typeName
                + ": " + problem + where + "; check that the URL points at the right service");
    }

    private Charset charset() {
        return headers.firstValue("Content-Type").map(TransportResponse::charsetOf).orElse(StandardCharsets.UTF_8);
    }

    private static Charset charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
