package io.calmsdk.testkit;

import io.calmsdk.testkit.internal.world.FaultRules;
import java.time.Duration;
import java.util.Objects;

/**
 * Injects faults into the simulator: latency, error statuses, connection resets, 429 bursts, short token
 * lifetimes, and failing or stuck asynchronous operations and entitlement jobs. Counted faults are
 * consumed atomically, so N concurrent requests see exactly N faults. {@link BtpSimulator#reset()} clears
 * them all. Thread-safe; every method returns this injector for chaining.
 *
 * <p>Status faults: 500 is answered in the service's own error shape; 502, 503 and 504 come as the plain
 * text a gateway would send. 429 faults carry each service's own rate-limit headers ({@code Retry-After}
 * for Service Manager, XSUAA and Cloud ALM; error code 11006 and {@code X-Ratelimit-Reset} for cis).
 */
public final class FaultInjector {

    /** The asynchronous Service Manager operations a fault can target. */
    public enum OperationKind {
        /** Creating a service instance. */
        INSTANCE_CREATE,
        /** Updating a service instance. */
        INSTANCE_UPDATE,
        /** Deleting a service instance. */
        INSTANCE_DELETE,
        /** Creating a service binding. */
        BINDING_CREATE,
        /** Deleting a service binding. */
        BINDING_DELETE
    }

    private final FaultRules rules;

    FaultInjector(FaultRules rules) {
        this.rules = rules;
    }

    /**
     * Delays every request.
     *
     * @param delay wall-clock delay added before answering
     * @return this injector
     */
    public FaultInjector latency(Duration delay) {
        return latency(delay, RequestMatcher.any());
    }

    /**
     * Delays matching requests.
     *
     * @param delay wall-clock delay added before answering
     * @param matcher requests to delay
     * @return this injector
     */
    public FaultInjector latency(Duration delay, RequestMatcher matcher) {
        requireNonNegative(delay);
        rules.addLatency(Objects.requireNonNull(matcher, "matcher"), delay);
        return this;
    }

    /**
     * Answers the next requests with an error status.
     *
     * @param count how many requests
     * @param status HTTP status, e.g. 500, 502, 503
     * @return this injector
     */
    public FaultInjector failNext(int count, int status) {
        return failNext(count, status, RequestMatcher.any());
    }

    /**
     * Answers the next matching requests with an error status.
     *
     * @param count how many requests
     * @param status HTTP status, e.g. 500, 502, 503
     * @param matcher requests to fail
     * @return this injector
     */
    public FaultInjector failNext(int count, int status, RequestMatcher matcher) {
        requirePositive(count);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        rules.addCounted(Objects.requireNonNull(matcher, "matcher"), count,
                new FaultRules.Action(FaultRules.ActionType.STATUS, status, Duration.ZERO));
        return this;
    }

    /**
     * Fails a random share of requests from now on.
     *
     * @param rate probability between 0 and 1
     * @param status HTTP status to answer
     * @return this injector
     */
    public FaultInjector failureRate(double rate, int status) {
        return failureRate(rate, status, RequestMatcher.any());
    }

    /**
     * Fails a random share of matching requests from now on.
     *
     * @param rate probability between 0 and 1
     * @param status HTTP status to answer
     * @param matcher requests it applies to
     * @return this injector
     */
    public FaultInjector failureRate(double rate, int status, RequestMatcher matcher) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be between 0 and 1: " + rate);
        }
        rules.addRate(Objects.requireNonNull(matcher, "matcher"), rate, status);
        return this;
    }

    /**
     * Closes the connection of the next requests without answering.
     *
     * @param count how many requests
     * @return this injector
     */
    public FaultInjector resetNext(int count) {
        return resetNext(count, RequestMatcher.any());
    }

    /**
     * Closes the connection of the next matching requests without answering.
     *
     * @param count how many requests
     * @param matcher requests to reset
     * @return this injector
     */
    public FaultInjector resetNext(int count, RequestMatcher matcher) {
        requirePositive(count);
        rules.addCounted(Objects.requireNonNull(matcher, "matcher"), count,
                new FaultRules.Action(FaultRules.ActionType.RESET, 0, Duration.ZERO));
        return this;
    }

    /**
     * Answers the next requests with 429 Too Many Requests.
     *
     * @param count how many requests
     * @param retryAfter how long the client is told to wait (simulated time)
     * @return this injector
     */
    public FaultInjector rateLimitNext(int count, Duration retryAfter) {
        return rateLimitNext(count, retryAfter, RequestMatcher.any());
    }

    /**
     * Answers the next matching requests with 429 Too Many Requests.
     *
     * @param count how many requests
     * @param retryAfter how long the client is told to wait (simulated time)
     * @param matcher requests to refuse
     * @return this injector
     */
    public FaultInjector rateLimitNext(int count, Duration retryAfter, RequestMatcher matcher) {
        requirePositive(count);
        requireNonNegative(retryAfter);
        rules.addCounted(Objects.requireNonNull(matcher, "matcher"), count,
                new FaultRules.Action(FaultRules.ActionType.RATE_LIMIT, 429, retryAfter));
        return this;
    }

    /**
     * Lets the next matching requests take effect, then answers them with a body that is not valid JSON
     * (status and headers kept; an answer without a body becomes a 200 with that body), as a misbehaving
     * proxy would. Proves that a client neither trusts nor quotes a garbled answer, and that a create
     * whose answer was garbled is looked up instead of sent again.
     *
     * @param count how many requests
     * @param matcher requests whose answers to garble
     * @return this injector
     */
    public FaultInjector malformedBodyNext(int count, RequestMatcher matcher) {
        requirePositive(count);
        rules.addCounted(Objects.requireNonNull(matcher, "matcher"), count,
                new FaultRules.Action(FaultRules.ActionType.MALFORMED_BODY, 0, Duration.ZERO));
        return this;
    }

    /**
     * Lets the next matching requests take effect, then cuts their answers short: the headers announce
     * the whole body, only its first half is sent, and the connection is closed. The client sees a
     * connection that broke while the answer was in flight.
     *
     * @param count how many requests
     * @param matcher requests whose answers to cut
     * @return this injector
     */
    public FaultInjector truncatedBodyNext(int count, RequestMatcher matcher) {
        requirePositive(count);
        rules.addCounted(Objects.requireNonNull(matcher, "matcher"), count,
                new FaultRules.Action(FaultRules.ActionType.TRUNCATED_BODY, 0, Duration.ZERO));
        return this;
    }

    /**
     * Lets the next matching requests take effect, then holds their answers back for a real wall-clock
     * delay, longer than the client's timeout: the request was processed but the client times out,
     * the case where a blind retry of a create would duplicate it. Unlike {@link #latency(Duration,
     * RequestMatcher)} it hits a counted number of requests and delays after processing, not before.
     *
     * @param count how many requests
     * @param delay wall-clock delay before the answer is sent
     * @param matcher requests whose answers to delay
     * @return this injector
     */
    public FaultInjector slowAnswerNext(int count, Duration delay, RequestMatcher matcher) {
        requirePositive(count);
        requireNonNegative(delay);
        rules.addCounted(Objects.requireNonNull(matcher, "matcher"), count,
                new FaultRules.Action(FaultRules.ActionType.SLOW_ANSWER, 0, delay));
        return this;
    }

    /**
     * Makes every token issued from now on live only this long (e.g. a few seconds, to test refresh).
     *
     * @param lifetime token lifetime
     * @return this injector
     */
    public FaultInjector tokenLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        rules.tokenLifetime(lifetime);
        return this;
    }

    /**
     * Makes the next Service Manager operation of any kind end {@code failed} with a broker error.
     *
     * @param description the broker's error description
     * @return this injector
     */
    public FaultInjector failNextOperation(String description) {
        rules.addOperationFault(new FaultRules.OutcomeFault(null, false, Objects.requireNonNull(description)));
        return this;
    }

    /**
     * Makes the next Service Manager operation of one kind end {@code failed} with a broker error.
     *
     * @param kind the operation kind
     * @param description the broker's error description
     * @return this injector
     */
    public FaultInjector failNextOperation(OperationKind kind, String description) {
        rules.addOperationFault(new FaultRules.OutcomeFault(Objects.requireNonNull(kind, "kind"), false,
                Objects.requireNonNull(description)));
        return this;
    }

    /**
     * Makes the next Service Manager operation of any kind stay {@code in progress} forever.
     *
     * @return this injector
     */
    public FaultInjector stickNextOperation() {
        rules.addOperationFault(new FaultRules.OutcomeFault(null, true, null));
        return this;
    }

    /**
     * Makes the next Service Manager operation of one kind stay {@code in progress} forever.
     *
     * @param kind the operation kind
     * @return this injector
     */
    public FaultInjector stickNextOperation(OperationKind kind) {
        rules.addOperationFault(new FaultRules.OutcomeFault(Objects.requireNonNull(kind, "kind"), true, null));
        return this;
    }

    /**
     * Makes the next entitlement job end in {@code PROCESSING_FAILED} (job status {@code FAILED}).
     *
     * @param message the assignment's state message
     * @return this injector
     */
    public FaultInjector failNextEntitlement(String message) {
        rules.addEntitlementFault(new FaultRules.OutcomeFault(null, false, Objects.requireNonNull(message)));
        return this;
    }

    /**
     * Makes the next entitlement job stay {@code PROCESSING} forever.
     *
     * @return this injector
     */
    public FaultInjector stickNextEntitlement() {
        rules.addEntitlementFault(new FaultRules.OutcomeFault(null, true, null));
        return this;
    }

    /**
     * Makes Service Manager lists leave out instances and bindings whose create is still running, as an
     * eventually consistent service may: a second create of the name is refused with 409 although no list
     * shows it yet. Until {@link #clear()}.
     *
     * @return this injector
     */
    public FaultInjector hideCreatingFromLists() {
        rules.listsHideCreating(true);
        return this;
    }

    /**
     * Removes every fault.
     *
     * @return this injector
     */
    public FaultInjector clear() {
        rules.clear();
        return this;
    }

    private static void requirePositive(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }

    private static void requireNonNegative(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
    }
}
