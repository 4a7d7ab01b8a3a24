package io.calmsdk.core.internal.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ends bodies still incomplete at their deadline, with one timer for all of them rather than one per answer.
 *
 * <p>A timer per answer (for example {@code orTimeout}) is scheduled and cancelled on the JDK's delay scheduler
 * for every request; with calls one after another its queue empties each time, so every request also wakes
 * the scheduler's thread, which costs a context switch on the request's path. Here an answer only registers
 * its deadline; a check is scheduled when no earlier one is pending, and the check ends the overdue bodies and
 * schedules itself again for the earliest deadline left. Calls in a row with the same attempt timeout therefore
 * schedule nothing after the first, and the scheduler wakes about once per attempt timeout.
 */
final class BodyDeadlines {

    /** One watchdog for the process: its state is only the bodies being read. */
    static final BodyDeadlines SHARED = new BodyDeadlines();

    private static final long NONE = Long.MAX_VALUE;

    private final Map<Runnable, Long> watched = new ConcurrentHashMap<>();
    /** The deadline a scheduled check will run at; {@link #NONE} when none is pending. */
    private final AtomicLong checkAt = new AtomicLong(NONE);
    private final AtomicInteger scheduledChecks = new AtomicInteger();

    /**
     * Runs {@code expire} at {@code deadlineNanos} ({@link System#nanoTime()} scale) unless {@link #unwatch}
     * comes first.
     */
    void watch(Runnable expire, long deadlineNanos) {
        watched.put(expire, deadlineNanos);
        scheduleCheck(deadlineNanos);
    }

    /** The body is complete (or failed): nothing more to end. */
    void unwatch(Runnable expire) {
        watched.remove(expire);
    }

    /** Bodies watched now, for tests. */
    int watchedCount() {
        return watched.size();
    }

    /** Checks scheduled so far, for tests. */
    int scheduledChecks() {
        return scheduledChecks.get();
    }

    private void scheduleCheck(long deadlineNanos) {
        long pending;
        do {
            pending = checkAt.get();
            if (pending <= deadlineNanos) {
                return; // an earlier check will see this deadline and schedule the next one
            }
        } while (!checkAt.compareAndSet(pending, deadlineNanos));
        scheduledChecks.incrementAndGet();
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS).execute(() -> check(deadlineNanos));
    }

    private void check(long scheduledFor) {
        // A later, earlier-deadline schedule may have replaced this one; only the pending check resets the mark.
        checkAt.compareAndSet(scheduledFor, NONE);
        long now = System.nanoTime();
        long next = NONE;
        for (Map.Entry<Runnable, Long> e : watched.entrySet()) {
            long deadline = e.getValue();
            if (deadline - now <= 0) {
                if (watched.remove(e.getKey(), deadline)) {
                    e.getKey().run();
                }
            } else if (deadline < next) {
                next = deadline;
            }
        }
        if (next != NONE) {
            scheduleCheck(next);
        }
    }
}
