package io.calmsdk.testkit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One received request, decoded once: query, headers, body, path parameters, client certificates. */
public final class SimRequest {

    private final SimulatedApi api;
    private final String method;
    private final String rawPath;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final List<X509Certificate> peerCertificates;
    private final String correlationId;
    private final Map<String, String> pathParams;

    /**
     * Creates the request.
     *
     * @param api the service that received it
     * @param method HTTP method
     * @param rawPath path as sent (percent-encoded)
     * @param rawQuery raw query or null
     * @param headers headers with lower-case names
     * @param body body bytes
     * @param peerCertificates client certificates of a mutual-TLS connection, else empty
     * @param correlationId the request's correlation id (sent or generated)
     */
    public SimRequest(SimulatedApi api, String method, String rawPath, String rawQuery,
                      Map<String, List<String>> headers, byte[] body, List<X509Certificate> peerCertificates,
                      String correlationId) {
        this(api, method, rawPath, rawQuery, Forms.parse(rawQuery), headers, body, peerCertificates, correlationId,
                Collections.emptyMap());
    }

    private SimRequest(SimulatedApi api, String method, String rawPath, String rawQuery,
                       Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body,
                       List<X509Certificate> peerCertificates, String correlationId, Map<String, String> pathParams) {
        this.api = api;
        this.method = method;
        this.rawPath = rawPath;
        this.path = Forms.decodePath(rawPath);
        this.rawQuery = rawQuery;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.peerCertificates = peerCertificates;
        this.correlationId = correlationId;
        this.pathParams = pathParams;
    }

    /**
     * The same request with the path parameters of the matched route.
     *
     * @param params parameters by name
     * @return a new request
     */
    public SimRequest withPathParams(Map<String, String> params) {
        return new SimRequest(api, method, rawPath, rawQuery, query, headers, body, peerCertificates, correlationId,
                params);
    }

    /** @return the service that received the request */
    public SimulatedApi api() {
        return api;
    }

    /** @return the HTTP method, upper case */
    public String method() {
        return method;
    }

    /** @return the decoded path */
    public String path() {
        return path;
    }

    /** @return the path as sent, percent-encoded */
    public String rawPath() {
        return rawPath;
    }

    /** @return the raw query or null */
    public String rawQuery() {
        return rawQuery;
    }

    /**
     * The first value of a query parameter.
     *
     * @param name parameter name
     * @return the decoded value
     */
    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return every query parameter */
    public Map<String, List<String>> queryParameters() {
        return query;
    }

    /**
     * The first value of a header.
     *
     * @param name header name, any case
     * @return the value
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return headers with lower-case names */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** @return the body bytes */
    public byte[] body() {
        return body;
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body as JSON.
     *
     * @param errorCode the service's code for a malformed body
     * @return the tree
     * @throws ApiError 400 when the body is missing or not JSON
     */
    public JsonNode json(String errorCode) {
        if (body.length == 0) {
            throw new ApiError(400, errorCode, "request body is missing");
        }
        try {
            return JsonSupport.parse(body);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, errorCode, "request body is not valid JSON: " + e.getMessage());
        }
    }

    /**
     * A path parameter of the matched route.
     *
     * @param name parameter name
     * @return its decoded value
     */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("no path parameter " + name);
        }
        return value;
    }

    /** @return the client certificate chain of a mutual-TLS connection, else empty */
    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    /** @return the correlation id sent by the client, or generated */
    public String correlationId() {
        return correlationId;
    }
}
