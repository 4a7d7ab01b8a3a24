package io.calmsdk.testkit.internal.world;

import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.SimulatedApi;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults a test has asked for, consulted by every host before routing and by the stores when an
 * operation or an entitlement job starts. Thread-safe: counted rules are consumed atomically, so N
 * concurrent requests see exactly N injected faults.
 */
public final class FaultRules {

    /** What to do instead of answering normally. */
    public enum ActionType {
        /** Answer with the given status. */
        STATUS,
        /** Close the connection without an answer. */
        RESET,
        /** Answer 429 in the service's own shape. */
        RATE_LIMIT,
        /** Process the request, then answer with a body that is not valid JSON. */
        MALFORMED_BODY,
        /** Process the request, then send only half of the announced body and close the connection. */
        TRUNCATED_BODY,
        /** Process the request, then hold the answer back (wall-clock time). */
        SLOW_ANSWER
    }

    /**
     * An injected answer.
     *
     * @param type what to do
     * @param status status for {@link ActionType#STATUS}
     * @param retryAfter delay for {@link ActionType#RATE_LIMIT} (simulated) and {@link ActionType#SLOW_ANSWER}
     *     (wall clock)
     */
    public record Action(ActionType type, int status, Duration retryAfter) {
    }

    /**
     * An injected outcome of the next matching operation or entitlement job.
     *
     * @param kind operation kind, or null for any (always null for entitlement jobs)
     * @param stuck whether it never finishes
     * @param description failure description when not stuck
     */
    public record OutcomeFault(OperationKind kind, boolean stuck, String description) {
    }

    private record Counted(RequestMatcher matcher, AtomicInteger remaining, Action action) {
    }

    private record Rate(RequestMatcher matcher, double rate, int status) {
    }

    private record Latency(RequestMatcher matcher, Duration delay) {
    }

    private final List<Counted> counted = new CopyOnWriteArrayList<>();
    private final List<Rate> rates = new CopyOnWriteArrayList<>();
    private final List<Latency> latencies = new CopyOnWriteArrayList<>();
    private final List<OutcomeFault> operationFaults = new CopyOnWriteArrayList<>();
    private final List<OutcomeFault> entitlementFaults = new CopyOnWriteArrayList<>();
    private final Random random = new Random();
    private volatile Duration tokenLifetime;
    private volatile boolean listsHideCreating;

    /**
     * Adds a counted fault.
     *
     * @param matcher requests it applies to
     * @param count how many requests it hits
     * @param action what to do
     */
    public void addCounted(RequestMatcher matcher, int count, Action action) {
        counted.add(new Counted(matcher, new AtomicInteger(count), action));
    }

    /**
     * Adds a random failure rate.
     *
     * @param matcher requests it applies to
     * @param rate probability 0..1
     * @param status status to answer
     */
    public void addRate(RequestMatcher matcher, double rate, int status) {
        rates.add(new Rate(matcher, rate, status));
    }

    /**
     * Adds latency.
     *
     * @param matcher requests it applies to
     * @param delay added delay
     */
    public void addLatency(RequestMatcher matcher, Duration delay) {
        latencies.add(new Latency(matcher, delay));
    }

    /**
     * Queues an operation outcome.
     *
     * @param fault the outcome
     */
    public void addOperationFault(OutcomeFault fault) {
        operationFaults.add(fault);
    }

    /**
     * Queues an entitlement job outcome.
     *
     * @param fault the outcome
     */
    public void addEntitlementFault(OutcomeFault fault) {
        entitlementFaults.add(fault);
    }

    /**
     * Overrides the lifetime of every token issued from now on.
     *
     * @param lifetime the lifetime, or null to use the normal one
     */
    public void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    /** @return the token lifetime override, if any */
    public Optional<Duration> tokenLifetime() {
        return Optional.ofNullable(tokenLifetime);
    }

    /**
     * The latency to add to a request.
     *
     * @param api receiving service
     * @param method HTTP method
     * @param path path
     * @return the delay (the sum of the matching rules)
     */
    public Duration latency(SimulatedApi api, String method, String path) {
        Duration total = Duration.ZERO;
        for (Latency l : latencies) {
            if (l.matcher.matches(api, method, path)) {
                total = total.plus(l.delay);
            }
        }
        return total;
    }

    /**
     * The injected answer for a request, consuming one count of the first matching counted rule.
     *
     * @param api receiving service
     * @param method HTTP method
     * @param path path
     * @return the action, if a fault applies
     */
    public Optional<Action> next(SimulatedApi api, String method, String path) {
        for (Counted c : counted) {
            if (c.matcher.matches(api, method, path) && c.remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return Optional.of(c.action);
            }
        }
        for (Rate r : rates) {
            if (r.matcher.matches(api, method, path)) {
                double draw;
                synchronized (random) {
                    draw = random.nextDouble();
                }
                if (draw < r.rate) {
                    return Optional.of(new Action(ActionType.STATUS, r.status, Duration.ZERO));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Takes the first queued outcome for an operation kind.
     *
     * @param kind the starting operation
     * @return the outcome, if one was queued
     */
    public Optional<OutcomeFault> takeOperationFault(OperationKind kind) {
        return take(operationFaults, kind);
    }

    /**
     * Takes the first queued entitlement outcome.
     *
     * @return the outcome, if one was queued
     */
    public Optional<OutcomeFault> takeEntitlementFault() {
        return take(entitlementFaults, null);
    }

    private static Optional<OutcomeFault> take(List<OutcomeFault> queue, OperationKind kind) {
        synchronized (queue) {
            Iterator<OutcomeFault> it = queue.iterator();
            while (it.hasNext()) {
                OutcomeFault f = it.next();
                if (f.kind == null || f.kind == kind) {
                    queue.remove(f);
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** Removes every fault. */
    public void clear() {
        counted.clear();
        rates.clear();
        latencies.clear();
        operationFaults.clear();
        entitlementFaults.clear();
        tokenLifetime = null;
        listsHideCreating = false;
    }

    /** @param hide whether Service Manager lists leave out instances and bindings still being created */
    public void listsHideCreating(boolean hide) {
        this.listsHideCreating = hide;
    }

    /** @return whether Service Manager lists leave out instances and bindings still being created */
    public boolean listsHideCreating() {
        return listsHideCreating;
    }
}
