package io.calmsdk.testkit.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer thrown from deep inside a handler; the host turns it into the error body of its
 * service (cis envelope, Service Manager error, OAuth error, OData error).
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    /**
     * Creates the error.
     *
     * @param status HTTP status
     * @param code service error code (e.g. {@code Conflict}, {@code invalid_client}, {@code 11000})
     * @param message human-readable description
     */
    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /**
     * Adds a response header.
     *
     * @param name header name
     * @param value header value
     * @return this error
     */
    public ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the service error code */
    public String code() {
        return code;
    }

    /** @return extra response headers */
    public Map<String, String> headers() {
        return headers;
    }
}
