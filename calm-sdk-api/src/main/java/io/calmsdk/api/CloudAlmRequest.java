package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.internal.QueryString;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.http.TransportRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One request to any Cloud ALM path under {@code endpoints.Api}, obtained from
 * {@link CloudAlmClient#request(String, String, Object...)}: add query parameters, headers, an
 * {@code If-Match} ETag and a JSON body, then {@link #send()} or {@link #sendAsync()}.
 *
 * <pre>{@code
 * CloudAlmResponse task = client.request("GET", "/calm-tasks/v1/tasks/{id}", taskId).send();
 * client.request("PATCH", "/calm-testmanagement/v1/ManualTestCases({id})", caseId)
 *       .ifMatch(testCase.etag().orElseThrow())
 *       .body(Map.of("title", "New title"))
 *       .send();
 * }</pre>
 *
 * <p>The token, retries (idempotent methods only: GET, HEAD, PUT, DELETE unless
 * {@link #idempotent(boolean)} says otherwise), timeouts and error mapping are the client's. A request
 * may be sent several times; each send is a new call. Not thread-safe: build and send it on one thread.
 */
public final class CloudAlmRequest {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "x-correlationid", "user-agent",
            "content-type", "host", "content-length", "connection");

    private final ApiCaller caller;
    private final String method;
    private final String path;
    private final QueryString query = new QueryString();
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private final List<Integer> accepted = new ArrayList<>();
    private Object body;
    private byte[] rawBody;
    private String rawContentType;
    private Boolean idempotent;

    CloudAlmRequest(ApiCaller caller, String method, String pathTemplate, Object... pathVariables) {
        this.caller = caller;
        if (method == null || !METHODS.contains(method.strip().toUpperCase(Locale.ROOT))) {
            throw new ValidationException("method", method == null ? "is missing" : "is '" + method + "'",
                    "GET, HEAD, POST, PUT, PATCH or DELETE");
        }
        this.method = method.strip().toUpperCase(Locale.ROOT);
        this.path = PathTemplate.parse(pathTemplate).expand(pathVariables == null ? new Object[] {null} : pathVariables);
    }

    CloudAlmRequest(ApiCaller caller, String method, String pathTemplate, Map<String, ?> pathVariables) {
        this.caller = caller;
        if (method == null || !METHODS.contains(method.strip().toUpperCase(Locale.ROOT))) {
            throw new ValidationException("method", method == null ? "is missing" : "is '" + method + "'",
                    "GET, HEAD, POST, PUT, PATCH or DELETE");
        }
        this.method = method.strip().toUpperCase(Locale.ROOT);
        this.path = PathTemplate.parse(pathTemplate).expand(pathVariables);
    }

    /**
     * Appends a query parameter; the value is percent-encoded, OData's {@code $} names stay readable.
     *
     * @param name the parameter name, e.g. {@code projectId} or {@code $filter}
     * @param value the value; {@link Object#toString()} gives the text
     * @return this request
     * @throws ValidationException if the name is blank or the value is {@code null}
     */
    public CloudAlmRequest query(String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("query name", "is blank", "a parameter name such as projectId");
        }
        if (value == null) {
            throw new ValidationException("query " + name, "is null", "a value; leave the parameter out instead");
        }
        query.add(name, value.toString());
        return this;
    }

    /**
     * Adds a request header. The client sets {@code Authorization}, {@code User-Agent},
     * {@code X-CorrelationID} and {@code Content-Type} itself.
     *
     * @param name the header name, e.g. {@code Accept-Language}
     * @param value the value; never a secret, headers may be logged at DEBUG when allow-listed
     * @return this request
     * @throws ValidationException if the header is one the client sets, or the name or value is invalid
     */
    public CloudAlmRequest header(String name, String value) {
        if (name == null || name.isBlank() || value == null) {
            throw new ValidationException("header", "has no name or no value", "a header name and a value");
        }
        if (RESERVED_HEADERS.contains(name.strip().toLowerCase(Locale.ROOT))) {
            throw new ValidationException("header " + name, "is set by the client",
                    "other headers; the token, user agent, correlation id and content type are managed for you");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new ValidationException("header " + name, "contains a line break", "a single-line value");
        }
        headers.add(Map.entry(name.strip(), value));
        return this;
    }

    /**
     * Makes the update conditional on the entity being unchanged: sends {@code If-Match}. Cloud ALM's
     * OData APIs answer 412 ({@link io.calmsdk.core.exception.CalmServiceException} with status 412)
     * when someone changed the entity since you read it.
     *
     * @param etag the ETag from {@link CloudAlmResponse#etag()}, or {@code *} for any version
     * @return this request
     * @throws ValidationException if the ETag is blank
     */
    public CloudAlmRequest ifMatch(String etag) {
        if (etag == null || etag.isBlank()) {
            throw new ValidationException("ifMatch", "is blank", "an ETag from CloudAlmResponse.etag(), or *");
        }
        return header("If-Match", etag);
    }

    /**
     * Sets a JSON body: a model of this SDK, a {@code Map}, a Jackson {@code JsonNode} tree or any object
     * Jackson can serialise. Sent as {@code application/json}.
     *
     * @param body the body
     * @return this request
     * @throws ValidationException if the body is {@code null}
     */
    public CloudAlmRequest body(Object body) {
        if (body == null) {
            throw new ValidationException("body", "is null", "an object to send as JSON; omit body() for none");
        }
        this.body = body;
        this.rawBody = null;
        return this;
    }

    /**
     * Sets a body sent as it is, for content that is not JSON or JSON you already serialised.
     *
     * @param bytes the body
     * @param contentType its content type, e.g. {@code application/json}
     * @return this request
     * @throws ValidationException if an argument is missing
     */
    public CloudAlmRequest rawBody(byte[] bytes, String contentType) {
        if (bytes == null || contentType == null || contentType.isBlank()) {
            throw new ValidationException("rawBody", "has no bytes or no content type", "bytes and a content type");
        }
        this.rawBody = bytes.clone();
        this.rawContentType = contentType;
        this.body = null;
        return this;
    }

    /**
     * Returns these non-2xx statuses instead of throwing, e.g. 404 to test for existence.
     *
     * @param statuses the statuses to return
     * @return this request
     */
    public CloudAlmRequest accept(int... statuses) {
        for (int s : statuses) {
            accepted.add(s);
        }
        return this;
    }

    /**
     * Declares whether the request may be repeated after it possibly reached Cloud ALM, which allows
     * retries on 429, 5xx and timeouts. Default: GET, HEAD, PUT, DELETE yes; POST, PATCH no, since
     * repeating a create can create twice.
     *
     * @param idempotent whether repeating the request is harmless
     * @return this request
     */
    public CloudAlmRequest idempotent(boolean idempotent) {
        this.idempotent = idempotent;
        return this;
    }

    /**
     * Sends the request and waits for the answer.
     *
     * @return the answer: a 2xx or an accepted status
     * @throws io.calmsdk.core.exception.ForbiddenException on 403, naming the scope the call needs when known
     * @throws io.calmsdk.core.exception.CalmServiceException (a subclass matching the status) for other errors
     * @throws io.calmsdk.core.exception.CalmTimeoutException if the call timeout ran out
     * @throws io.calmsdk.core.exception.CalmClientException if no answer was obtained
     */
    public CloudAlmResponse send() {
        return new CloudAlmResponse(caller.send(build(), path));
    }

    /**
     * Sends the request and decodes the answer's body.
     *
     * @param type the type to decode the body into (see {@link CloudAlmResponse#as(Class)})
     * @param <T> the type
     * @return the decoded body
     * @throws io.calmsdk.core.exception.CalmException as {@link #send()} does, or a
     *         {@link io.calmsdk.core.exception.CalmClientException} if the body does not fit the type
     */
    public <T> T send(Class<T> type) {
        return send().as(type);
    }

    /**
     * Sends the request without blocking the calling thread.
     *
     * @return a future completed with the answer, or exceptionally with the exceptions {@link #send()}
     *         throws (wrapped in a {@link java.util.concurrent.CompletionException}); cancelling it stops
     *         further attempts
     */
    public CompletableFuture<CloudAlmResponse> sendAsync() {
        return caller.sendAsync(build(), path).thenApply(CloudAlmResponse::new);
    }

    /**
     * Sends the request without blocking and decodes the answer's body.
     *
     * @param type the type to decode the body into
     * @param <T> the type
     * @return a future completed with the decoded body, or exceptionally as {@link #sendAsync()}
     */
    public <T> CompletableFuture<T> sendAsync(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return sendAsync().thenApply(r -> r.as(type));
    }

    private TransportRequest build() {
        TransportRequest.Builder b = TransportRequest.builder(method, caller.uri(path, query));
        headers.forEach(h -> b.header(h.getKey(), h.getValue()));
        if (body != null) {
            b.jsonBody(body);
        } else if (rawBody != null) {
            b.body(rawBody, rawContentType);
        }
        if (!accepted.isEmpty()) {
            b.accept(accepted.stream().mapToInt(Integer::intValue).toArray());
        }
        if (idempotent != null) {
            b.idempotent(idempotent);
        }
        return b.build();
    }

    /**
     * Method and path; never headers or the body.
     *
     * @return e.g. {@code CloudAlmRequest{GET /calm-tasks/v1/tasks/42}}
     */
    @Override
    public String toString() {
        return "CloudAlmRequest{" + method + " " + path + (query.isEmpty() ? "" : "?" + query) + "}";
    }
}
