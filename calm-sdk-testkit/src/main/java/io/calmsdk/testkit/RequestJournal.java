package io.calmsdk.testkit;

import io.calmsdk.testkit.internal.world.RecordedRequest;
import io.calmsdk.testkit.internal.world.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    public List<JournalEntry> entries() {
        List<JournalEntry> result = new ArrayList<>();
        for (RecordedRequest r : recorder.snapshot()) {
            result.add(new JournalEntry(r.time(), r.api(), r.method(), r.path(), r.query(), r.status(), r.duration(),
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
    public List<JournalEntry> entries(SimulatedApi api) {
        return filter(e -> e.api() == api);
    }

    /**
     * The requests matching a condition.
     *
     * @param condition the condition
     * @return the requests, oldest first
     */
    public List<JournalEntry> filter(Predicate<JournalEntry> condition) {
        List<JournalEntry> result = new ArrayList<>();
        for (JournalEntry e : entries()) {
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
    public long count(Predicate<JournalEntry> condition) {
        return entries().stream().filter(condition).count();
    }

    /**
     * Counts state-changing requests (see {@link JournalEntry#isWrite()}).
     *
     * @return the count
     */
    public long writes() {
        return count(JournalEntry::isWrite);
    }

    /** @return the state-changing requests, oldest first */
    public List<JournalEntry> writeEntries() {
        return filter(JournalEntry::isWrite);
    }

    /** @return how many token requests XSUAA received */
    public long tokenRequests() {
        return count(e -> e.api() == SimulatedApi.XSUAA && e.path().endsWith("/oauth/token"));
    }

    /** @return the newest request, if any */
    public Optional<JournalEntry> last() {
        List<JournalEntry> all = entries();
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
}
