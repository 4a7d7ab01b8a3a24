package io.calmsdk.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.http.Authenticator;
import io.calmsdk.core.internal.json.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * One HTTP call to send through {@link HttpTransport}: method, URL, headers, body and how the call is
 * authenticated, retried and described. Immutable and thread-safe; one request may be sent many times,
 * each send being a new call with its own correlation id.
 *
 * <p>Secret header values and form bodies are kept out of {@link #toString()} and out of every log line.
 * Plain {@code http://} URLs are refused unless the host is a loopback address.
 */
public final class TransportRequest {

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    enum AuthMode { TRANSPORT_DEFAULT, OVERRIDE, NONE }

    private final String method;
    private final URI uri;
    private final List<Map.Entry<String, String>> headers;
    private final Map<String, Secret> secretHeaders;
    private final byte[] body;
    private final String contentType;
    private final String bodyKind;
    private final Set<Integer> acceptedStatuses;
    private final AuthMode authMode;
    private final Authenticator authenticator;
    private final boolean idempotent;
    private final String operation;
    private final boolean sensitive;
    private final BodyDecoder<?> decoder;

    private TransportRequest(Builder b, URI uri, byte[] body, String contentType, String bodyKind) {
        this.method = b.method;
        this.uri = uri;
        this.headers = List.copyOf(b.headers);
        this.secretHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.secretHeaders));
        this.body = body;
        this.contentType = contentType;
        this.bodyKind = bodyKind;
        this.acceptedStatuses = Collections.unmodifiableSet(new TreeSet<>(b.acceptedStatuses));
        this.authMode = b.authMode;
        this.authenticator = b.authenticator;
        this.idempotent = b.idempotent != null ? b.idempotent : IDEMPOTENT_METHODS.contains(b.method);
        this.operation = b.operation;
        this.sensitive = !b.secretHeaders.isEmpty() || !b.formFields.isEmpty();
        this.decoder = b.decoder;
    }

    /**
     * Starts a GET request.
     *
     * @param uri the absolute URL
     * @return a new builder
     */
    public static Builder get(URI uri) {
        return builder("GET", uri);
    }

    /**
     * Starts a POST request (not idempotent unless declared so).
     *
     * @param uri the absolute URL
     * @return a new builder
     */
    public static Builder post(URI uri) {
        return builder("POST", uri);
    }

    /**
     * Starts a PUT request.
     *
     * @param uri the absolute URL
     * @return a new builder
     */
    public static Builder put(URI uri) {
        return builder("PUT", uri);
    }

    /**
     * Starts a PATCH request (not idempotent unless declared so).
     *
     * @param uri the absolute URL
     * @return a new builder
     */
    public static Builder patch(URI uri) {
        return builder("PATCH", uri);
    }

    /**
     * Starts a DELETE request.
     *
     * @param uri the absolute URL
     * @return a new builder
     */
    public static Builder delete(URI uri) {
        return builder("DELETE", uri);
    }

    /**
     * Starts a request with any method.
     *
     * @param method the HTTP method, e.g. {@code GET}; upper-cased
     * @param uri the absolute URL
     * @return a new builder
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the method is blank or not a token
     */
    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /**
     * The HTTP method.
     *
     * @return the upper-case method
     */
    public String method() {
        return method;
    }

    /**
     * The full URL, query parameters included. May contain secret query values: show it only through
     * {@link #redactedUrl()}.
     *
     * @return the URL
     */
    public URI uri() {
        return uri;
    }

    /**
     * The URL with the values of secret-looking query parameters masked, for messages and logs.
     *
     * @return the redacted URL
     */
    public String redactedUrl() {
        return ServiceFailure.redactUrl(uri.toString());
    }

    /**
     * What this call does, for messages and logs, e.g. {@code create service instance calm-api}.
     *
     * @return the description, if one was given
     */
    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }

    /**
     * Whether the request may be sent again after it possibly reached the service.
     *
     * @return {@code true} for GET, HEAD, PUT, DELETE unless declared otherwise
     */
    public boolean idempotent() {
        return idempotent;
    }

    /**
     * Whether a non-2xx status is returned to the caller rather than thrown.
     *
     * @param status the HTTP status
     * @return {@code true} if the status was declared acceptable
     */
    public boolean accepts(int status) {
        return acceptedStatuses.contains(status);
    }

    /**
     * The non-2xx statuses returned instead of thrown.
     *
     * @return an unmodifiable sorted set, possibly empty
     */
    public Set<Integer> acceptedStatuses() {
        return acceptedStatuses;
    }

    /**
     * The first value of a non-secret header set on this request.
     *
     * @param name the header name, case-insensitive
     * @return the value, if set; secret headers are never returned
     */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /**
     * The names of the headers set on this request, secret ones included.
     *
     * @return the names, in the order they were added
     */
    public List<String> headerNames() {
        List<String> names = new ArrayList<>();
        headers.forEach(h -> names.add(h.getKey()));
        names.addAll(secretHeaders.keySet());
        return Collections.unmodifiableList(names);
    }

    /**
     * The body's content type.
     *
     * @return the content type, if the request has a body
     */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * Whether the request carries secrets (secret headers or a form body), so neither its body nor the
     * raw text of its error answers may be shown anywhere.
     *
     * @return {@code true} for token calls and the like
     */
    public boolean sensitive() {
        return sensitive;
    }

    List<Map.Entry<String, String>> plainHeaders() {
        return headers;
    }

    Map<String, Secret> secretHeaders() {
        return secretHeaders;
    }

    byte[] bodyBytes() {
        return body;
    }

    AuthMode authMode() {
        return authMode;
    }

    BodyDecoder<?> decoder() {
        return decoder;
    }

    Authenticator authenticator() {
        return authenticator;
    }

    /**
     * The method, redacted URL, operation, header names and body kind and size; never header values
     * or body content.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        StringJoiner sj = new StringJoiner(", ", "TransportRequest{", "}");
        sj.add(method + " " + redactedUrl());
        if (operation != null) {
            sj.add("operation=" + operation);
        }
        sj.add("headers=" + headerNames());
        if (body != null) {
            sj.add("body=" + bodyKind + " (" + body.length + " bytes)");
        }
        sj.add("idempotent=" + idempotent);
        return sj.toString();
    }

    /**
     * Builds a {@link TransportRequest}. Not thread-safe.
     */
    public static final class Builder {
        private final String method;
        private final URI baseUri;
        private final List<String> query = new ArrayList<>();
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private final Map<String, Secret> secretHeaders = new LinkedHashMap<>();
        private final Map<String, Object> formFields = new LinkedHashMap<>();
        private byte[] body;
        private String contentType;
        private String bodyKind;
        private final Set<Integer> acceptedStatuses = new TreeSet<>();
        private AuthMode authMode = AuthMode.TRANSPORT_DEFAULT;
        private Authenticator authenticator;
        private Boolean idempotent;
        private String operation;
        private BodyDecoder<?> decoder;

        private Builder(String method, URI uri) {
            Objects.requireNonNull(method, "method");
            this.baseUri = Objects.requireNonNull(uri, "uri");
            String m = method.trim().toUpperCase(Locale.ROOT);
            if (m.isEmpty() || !m.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
                throw new IllegalArgumentException("method must be an HTTP method token, was '" + method + "'");
            }
            this.method = m;
        }

        /**
         * Adds a header; a name may be added several times.
         *
         * @param name the header name
         * @param value the value; never a secret (use {@link #secretHeader(String, Secret)})
         * @return this builder
         * @throws IllegalArgumentException if the name is restricted by java.net.http (Host,
         *     Content-Length, ...) or the name or value contains line breaks
         */
        public Builder header(String name, String value) {
            RequestEncoding.checkHeader(name, value);
            headers.add(Map.entry(name, value));
            return this;
        }

        /**
         * Sets a header whose value is a secret, e.g. {@code Authorization: Basic ...} of a token call.
         * Its value is never logged nor shown; only its name is.
         *
         * @param name the header name
         * @param value the secret value
         * @return this builder
         * @throws IllegalArgumentException if the name is restricted or the name or value contains line breaks
         */
        public Builder secretHeader(String name, Secret value) {
            Objects.requireNonNull(value, "value");
            RequestEncoding.checkHeader(name, value.reveal());
            secretHeaders.put(name, value);
            return this;
        }

        /**
         * Sets a JSON body serialised with the SDK's mapper and {@code Content-Type: application/json}.
         *
         * @param value the object to serialise
         * @return this builder
         * @throws CalmClientException if the value cannot be serialised
         */
        public Builder jsonBody(Object value) {
            Objects.requireNonNull(value, "value");
            try {
                setBody(Json.mapper().writeValueAsBytes(value), "application/json", "json");
            } catch (JsonProcessingException e) {
                // Jackson's message may quote values: name only the type.
                throw new CalmClientException("could not encode the JSON body of " + method + " "
                        + ServiceFailure.redactUrl(baseUri.toString()) + ": " + value.getClass().getName()
                        + " is not serialisable (" + e.getClass().getSimpleName() + ")");
            }
            return this;
        }

        /**
         * Adds form fields for an {@code application/x-www-form-urlencoded} body. Form bodies are never
         * logged, since their values may be secrets.
         *
         * @param fields the fields, in the order they are sent
         * @return this builder
         */
        public Builder formBody(Map<String, String> fields) {
            fields.forEach((k, v) -> formFields.put(Objects.requireNonNull(k, "field name"),
                    Objects.requireNonNull(v, "value of form field " + k)));
            return this;
        }

        /**
         * Adds a form field whose value is a secret, e.g. {@code client_secret}.
         *
         * @param name the field name
         * @param value the secret value
         * @return this builder
         */
        public Builder secretFormField(String name, Secret value) {
            formFields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets a raw body.
         *
         * @param body the bytes, copied
         * @param contentType the content type, e.g. {@code text/plain}
         * @return this builder
         */
        public Builder body(byte[] body, String contentType) {
            setBody(Objects.requireNonNull(body, "body").clone(), Objects.requireNonNull(contentType, "contentType"),
                    "raw");
            return this;
        }

        /**
         * Appends a query parameter, percent-encoded (a space becomes {@code %20}).
         *
         * @param name the parameter name
         * @param value the value
         * @return this builder
         */
        public Builder query(String name, String value) {
            query.add(RequestEncoding.encode(Objects.requireNonNull(name, "name")) + "="
                    + RequestEncoding.encode(Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * Declares non-2xx statuses that are returned to the caller instead of thrown, e.g. 404 on a
         * lookup. Accepted statuses are never retried.
         *
         * @param statuses the statuses
         * @return this builder
         */
        public Builder accept(int... statuses) {
            Arrays.stream(statuses).forEach(acceptedStatuses::add);
            return this;
        }

        /**
         * Authenticates this request with the given authenticator instead of the transport's.
         *
         * @param authenticator the authenticator
         * @return this builder
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            this.authMode = AuthMode.OVERRIDE;
            return this;
        }

        /**
         * Sends this request without the transport's authenticator, e.g. the token request itself.
         *
         * @return this builder
         */
        public Builder noAuthentication() {
            this.authenticator = null;
            this.authMode = AuthMode.NONE;
            return this;
        }

        /**
         * Declares whether the request may be sent again after it possibly reached the service.
         * Default: GET, HEAD, PUT, DELETE, OPTIONS yes; POST, PATCH no.
         *
         * @param idempotent whether repeating the request is harmless
         * @return this builder
         */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /**
         * Decodes a 2xx answer inside the attempt ({@link TransportResponse#decoded()}): one pass over the
         * body both builds the value and proves the body whole, where otherwise a separate check reads an
         * idempotent request's JSON answer before it is returned.
         *
         * @param decoder reads the body to its end
         * @return this builder
         */
        public Builder decodeWith(BodyDecoder<?> decoder) {
            this.decoder = Objects.requireNonNull(decoder, "decoder");
            return this;
        }

        /**
         * Describes what the call does, for messages and DEBUG logs.
         *
         * @param description e.g. {@code create service instance calm-api}; never a secret
         * @return this builder
         */
        public Builder operation(String description) {
            this.operation = description == null || description.isBlank() ? null : description;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the immutable request
         * @throws ValidationException (field {@code url}) if the URL is not absolute http(s), or is plain
         *     {@code http://} to a host that is not a loopback address
         * @throws IllegalStateException if both form fields and another body were set
         */
        public TransportRequest build() {
            URI uri = RequestEncoding.withQuery(RequestEncoding.checkUrl(baseUri), query);
            byte[] bytes = body;
            String type = contentType;
            String kind = bodyKind;
            if (!formFields.isEmpty()) {
                if (body != null) {
                    throw new IllegalStateException("a request has one body: form fields cannot be combined with a "
                            + bodyKind + " body");
                }
                bytes = RequestEncoding.formBytes(formFields);
                type = "application/x-www-form-urlencoded";
                kind = "form";
            }
            return new TransportRequest(this, uri, bytes, type, kind);
        }

        private void setBody(byte[] bytes, String type, String kind) {
            this.body = bytes;
            this.contentType = type;
            this.bodyKind = kind;
        }
    }
}
