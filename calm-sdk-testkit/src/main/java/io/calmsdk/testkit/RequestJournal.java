package io.calmsdk.testkit;

import io.calmsdk.testkit.internal.world.RecordedRequest;
import io.calmsdk.testkit.internal.world.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every request the simulator received, oldest first, for assertions such as "the second ensure made
 * no writes" or "exactly one instance create was sent". Bounded (the oldest lines go first, 100,000 by
 * default). Thread-safe; each method works on a snapshot.
 */
public final class RequestJournal {

    private final Recorder recorder;

    RequestJournal(Recorder recorder) {
        this.recorder = recorder;
    }

    /** @return every recorded request, oldest first */
    public List<Entry> entries() {
        List<Entry> result = new ArrayList<>();
        for (RecordedRequest r : recorder.snapshot()) {
            result.add(new Entry(r.time(), r.api(), r.method(), r.path(), r.query(), r.status(), r.duration(),
                    r.correlationId(), r.headers(), r.body()));
        }
        return result;
    }

    /**
     * The requests one service received.
     *
     * @param api the service
     * @return its requests, oldest first
     */
    public List<Entry> entries(SimulatedApi api) {
        return filter(e -> e.api() == api);
    }

    /**
     * The requests matching a condition.
     *
     * @param condition the condition
     * @return the requests, oldest first
     */
    public List<Entry> filter(Predicate<Entry> condition) {
        List<Entry> result = new ArrayList<>();
        for (Entry e : entries()) {
            if (condition.test(e)) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * Counts requests by method and path prefix, e.g. {@code count("POST", "/v1/service_instances")}.
     *
     * @param method HTTP method, or {@code *} or null for any
     * @param pathPrefix start of the path ({@code /api/...} for Cloud ALM)
     * @return the count
     */
    public long count(String method, String pathPrefix) {
        return count(e -> (method == null || method.equals("*") || e.method().equalsIgnoreCase(method))
                && e.path().startsWith(pathPrefix));
    }

    /**
     * Counts requests to one service by method and path prefix.
     *
     * @param api the service
     * @param method HTTP method, or {@code *} or null for any
     * @param pathPrefix start of the path
     * @return the count
     */
    public long count(SimulatedApi api, String method, String pathPrefix) {
        return count(e -> e.api() == api && (method == null || method.equals("*")
                || e.method().equalsIgnoreCase(method)) && e.path().startsWith(pathPrefix));
    }

    /**
     * Counts requests matching a condition.
     *
     * @param condition the condition
     * @return the count
     */
    public long count(Predicate<Entry> condition) {
        return entries().stream().filter(condition).count();
    }

    /**
     * Counts state-changing requests (see {@link Entry#isWrite()}).
     *
     * @return the count
     */
    public long writes() {
        return count(Entry::isWrite);
    }

    /** @return the state-changing requests, oldest first */
    public List<Entry> writeEntries() {
        return filter(Entry::isWrite);
    }

    /** @return how many token requests XSUAA received */
    public long tokenRequests() {
        return count(e -> e.api() == SimulatedApi.XSUAA && e.path().endsWith("/oauth/token"));
    }

    /** @return the newest request, if any */
    public Optional<Entry> last() {
        List<Entry> all = entries();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** @return how many requests are recorded */
    public int size() {
        return recorder.snapshot().size();
    }

    /** Forgets every recorded request. */
    public void clear() {
        recorder.clear();
    }

    /**
     * One request the simulator received. Credentials are never recorded: of {@code Authorization} only the
     * scheme is kept ({@code Bearer}, {@code Basic}) and token-request bodies are not kept at all. Immutable.
     */
    public static final class Entry {

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

        Entry(Instant time, SimulatedApi api, String method, String path, String query, int status,
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
}
