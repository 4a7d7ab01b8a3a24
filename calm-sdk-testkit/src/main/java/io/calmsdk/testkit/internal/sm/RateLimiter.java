package io.calmsdk.testkit.internal.sm;

import io.calmsdk.testkit.SimulatorBuilder.ServiceManagerLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding one-minute windows per subaccount and category, on the simulator clock. A refused call is not
 * counted. Thread-safe.
 */
final class RateLimiter {

    enum Category {
        CALLS, INSTANCE_CREATES, BINDINGS, CATALOG
    }

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ServiceManagerLimits limits;
    private final Map<String, Deque<Instant>> windows = new HashMap<>();

    RateLimiter(ServiceManagerLimits limits) {
        this.limits = limits;
    }

    /**
     * Counts a call, or says when it may be retried.
     *
     * @return empty when allowed, else the time the oldest counted call leaves the window
     */
    synchronized Optional<Instant> acquire(String subaccountId, List<Category> categories, Instant now) {
        Instant retryAt = null;
        for (Category category : categories) {
            Deque<Instant> window = window(subaccountId, category, now);
            if (window.size() >= limit(category)) {
                Instant candidate = window.peekFirst().plus(WINDOW);
                retryAt = retryAt == null || candidate.isAfter(retryAt) ? candidate : retryAt;
            }
        }
        if (retryAt != null) {
            return Optional.of(retryAt);
        }
        categories.forEach(c -> window(subaccountId, c, now).addLast(now));
        return Optional.empty();
    }

    private Deque<Instant> window(String subaccountId, Category category, Instant now) {
        Deque<Instant> window = windows.computeIfAbsent(subaccountId + "/" + category, k -> new ArrayDeque<>());
        while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
            window.pollFirst();
        }
        return window;
    }

    private int limit(Category category) {
        switch (category) {
            case INSTANCE_CREATES:
                return limits.instanceCreatesPerMinute();
            case BINDINGS:
                return limits.bindingCallsPerMinute();
            case CATALOG:
                return limits.catalogCallsPerMinute();
            default:
                return limits.callsPerMinute();
        }
    }

    synchronized void reset() {
        windows.clear();
    }
}
