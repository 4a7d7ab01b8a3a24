package io.calmsdk.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One request the simulator received. Credentials are never recorded: of {@code Authorization} only the
 * scheme is kept ({@code Bearer}, {@code Basic}) and token-request bodies are not kept at all. Immutable.
 */
public final class JournalEntry {

    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Instant time;
    private final SimulatedApi api;
    private final String method;
    private final String path;
    private final String query;
    private final int status;
    private final Duration duration;
    private final String correlationId;
    private final Map<String, List<String>> headers;
    private final String requestBody;

    JournalEntry(Instant time, SimulatedApi api, String method, String path, String query, int status,
                 Duration duration, String correlationId, Map<String, List<String>> headers, String requestBody) {
        this.time = time;
        this.api = api;
        this.method = method;
        this.path = path;
        this.query = query;
        this.status = status;
        this.duration = duration;
        this.correlationId = correlationId;
        this.headers = headers;
        this.requestBody = requestBody;
    }

    /** @return simulator time when the request arrived */
    public Instant time() {
        return time;
    }

    /** @return the service that received it */
    public SimulatedApi api() {
        return api;
    }

    /** @return the HTTP method, upper case */
    public String method() {
        return method;
    }

    /** @return the decoded path, e.g. {@code /v1/service_instances} or {@code /api/calm-tasks/v1/tasks} */
    public String path() {
        return path;
    }

    /** @return the raw query string, empty when there was none */
    public String query() {
        return query;
    }

    /** @return the answered status, 0 when the connection was reset on purpose */
    public int status() {
        return status;
    }

    /** @return wall-clock time spent answering, injected latency included */
    public Duration duration() {
        return duration;
    }

    /** @return the correlation id the client sent, or the one the simulator generated */
    public String correlationId() {
        return correlationId;
    }

    /**
     * A request header.
     *
     * @param name header name, any case
     * @return its first value; for {@code Authorization} only the scheme
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return all request headers, lower-case names, credentials removed */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** @return the request body (first 64 KiB), absent for token requests and empty bodies */
    public Optional<String> requestBody() {
        return Optional.ofNullable(requestBody);
    }

    /** @return whether the simulator closed the connection without answering */
    public boolean connectionReset() {
        return status == 0;
    }

    /**
     * Whether this request asked to change state: POST, PUT, PATCH or DELETE to any service but XSUAA
     * (token requests change nothing).
     *
     * @return whether it is a write
     */
    public boolean isWrite() {
        return api != SimulatedApi.XSUAA && WRITE_METHODS.contains(method);
    }

    /**
     * Describes the request.
     *
     * @return e.g. {@code SERVICE_MANAGER POST /v1/service_instances -> 202 (3 ms)}
     */
    @Override
    public String toString() {
        return api + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> "
                + (status == 0 ? "reset" : Integer.toString(status)) + " (" + duration.toMillis() + " ms)";
    }
}
