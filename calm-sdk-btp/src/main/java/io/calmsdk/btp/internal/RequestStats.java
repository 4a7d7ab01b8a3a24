package io.calmsdk.btp.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts the HTTP requests (attempts) one provisioning call sends, reads and writes apart, so the
 * result can report them. Bound to the calling thread for the duration of the call; the clients add to
 * the counter of the thread they run on, and to none when no call is being counted.
 */
public final class RequestStats {

    private static final ThreadLocal<RequestStats> CURRENT = new ThreadLocal<>();

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    /**
     * Runs {@code work} with this counter bound to the current thread, restoring the previous one after.
     *
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public <T> T during(Supplier<T> work) {
        RequestStats previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * Records requests on the current thread's counter, if any.
     *
     * @param method the HTTP method
     * @param attempts how many attempts the call took
     */
    public static void record(String method, int attempts) {
        RequestStats stats = CURRENT.get();
        if (stats != null) {
            boolean read = "GET".equals(method) || "HEAD".equals(method);
            (read ? stats.reads : stats.writes).addAndGet(Math.max(1, attempts));
        }
    }

    /**
     * The read requests counted.
     *
     * @return the reads
     */
    public int reads() {
        return reads.get();
    }

    /**
     * The write requests counted.
     *
     * @return the writes
     */
    public int writes() {
        return writes.get();
    }
}
