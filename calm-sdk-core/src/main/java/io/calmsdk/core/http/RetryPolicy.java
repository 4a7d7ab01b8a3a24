package io.calmsdk.core.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How a failed HTTP call is retried: how many attempts, how long to wait between them and which
 * answers are worth another attempt.
 *
 * <p>Waits use exponential backoff with <em>full jitter</em>: before retry {@code n} (the first retry
 * is {@code n = 1}) the wait is a uniformly random duration in
 * {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}, which spreads the retries of many clients instead of
 * letting them hit the service in waves. When the service says how long to wait ({@code Retry-After},
 * {@code X-Ratelimit-Reset}) that wait is used instead, as long as it is not longer than
 * {@link #maxRetryAfter()}; a longer wait ends the call at once with the service's error, whose
 * {@code retryAfter()} tells the caller when to come back.
 *
 * <p>Only idempotent requests are retried after they may have reached the service (a retryable status, a
 * broken connection, an attempt timeout, or an answer whose body is not the JSON it claims to be); a POST
 * or PATCH is retried only when the connection could not be opened at all, or on 429. A 401 is not governed by this policy:
 * the transport refreshes the credential and retries once.
 *
 * <p><b>Retry budget.</b> All calls of the clients built from one {@code ClientOptions} draw their retries
 * from one budget (a token bucket, like the AWS SDKs' standard retry mode): every retry draws from it (one
 * after an attempt timeout counts twice), every successful call refills a fifth of a retry. When a storm of
 * 429/503 answers or broken connections has emptied it, calls stop retrying and fail with their own error
 * at once, so that a fleet of clients does not multiply the load on a struggling service; the budget
 * refills as calls succeed again. See {@link Builder#retryBudget(int)}.
 *
 * <p>Instances are immutable and thread-safe. Defaults: {@link #defaults()}.
 */
public final class RetryPolicy {

    private static final Set<Integer> DEFAULT_RETRYABLE_STATUSES = Collections.unmodifiableSet(
            new TreeSet<>(Arrays.asList(408, 429, 500, 502, 503, 504)));
    private static final DoubleSupplier DEFAULT_JITTER = () -> ThreadLocalRandom.current().nextDouble();
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final Set<Integer> retryableStatuses;
    private final DoubleSupplier jitter;
    private final int retryBudget;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryableStatuses = Collections.unmodifiableSet(new TreeSet<>(b.retryableStatuses));
        this.jitter = b.jitter;
        this.retryBudget = b.retryBudget;
    }

    /**
     * The default policy: 4 attempts, base delay 200 ms, backoff at most 10 s, full jitter, retryable
     * statuses 408, 429, 500, 502, 503 and 504 (for idempotent requests; a POST only on 429), a
     * service-requested wait honoured up to 60 s, a retry budget of 100 retries per {@code ClientOptions}.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries: exactly one attempt (a 401 is still retried once with a fresh
     * credential by the transport).
     *
     * @return the no-retry policy
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Starts a builder preset with the {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder preset with this policy's settings, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.baseDelay = baseDelay;
        b.maxDelay = maxDelay;
        b.maxRetryAfter = maxRetryAfter;
        b.retryableStatuses = new TreeSet<>(retryableStatuses);
        b.jitter = jitter;
        b.retryBudget = retryBudget;
        return b;
    }

    /**
     * The total number of attempts, including the first.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The backoff cap of the first retry; it doubles with every further retry.
     *
     * @return the base delay
     */
    public Duration baseDelay() {
        return baseDelay;
    }

    /**
     * The largest computed backoff.
     *
     * @return the backoff cap
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * The longest service-requested wait ({@code Retry-After}) that is honoured by waiting; a longer
     * one ends the call with the service's error.
     *
     * @return the longest honoured wait
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * How many retries the budget shared by all calls of one {@code ClientOptions} holds when full.
     *
     * @return at least 0
     * @see Builder#retryBudget(int)
     */
    public int retryBudget() {
        return retryBudget;
    }

    /**
     * The HTTP statuses that are retried for idempotent requests.
     *
     * @return an unmodifiable, sorted set
     */
    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    /**
     * Whether an answer with this status is worth another attempt (for an idempotent request).
     *
     * @param status the HTTP status
     * @return {@code true} if the status is one of {@link #retryableStatuses()}
     */
    public boolean isRetryableStatus(int status) {
        return retryableStatuses.contains(status);
    }

    /**
     * The computed wait before retry number {@code retry}: a random duration, uniformly distributed in
     * {@code [0, min(maxDelay, baseDelay * 2^(retry-1))]} (full jitter), at millisecond precision.
     *
     * @param retry the retry number, 1 for the wait after the first failed attempt
     * @return the wait, never negative
     * @throws IllegalArgumentException if {@code retry} is less than 1
     */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, was " + retry);
        }
        long cap = cappedExponential(retry);
        double r = jitter.getAsDouble();
        if (!(r >= 0.0)) {  // also catches NaN
            r = 0.0;
        }
        long millis = (long) Math.floor(Math.min(r, 1.0) * (cap + 1));
        return Duration.ofMillis(Math.min(millis, cap));
    }

    private long cappedExponential(int retry) {
        long max = maxDelay.toMillis();
        long base = baseDelay.toMillis();
        if (base == 0) {
            return 0;
        }
        // Doubling more than 62 times overflows; the cap is reached long before that.
        int shift = Math.min(retry - 1, 62);
        long limit = max >> shift;
        return base > limit ? max : Math.min(max, base << shift);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy other = (RetryPolicy) o;
        return maxAttempts == other.maxAttempts && baseDelay.equals(other.baseDelay)
                && maxDelay.equals(other.maxDelay) && maxRetryAfter.equals(other.maxRetryAfter)
                && retryableStatuses.equals(other.retryableStatuses) && jitter.equals(other.jitter)
                && retryBudget == other.retryBudget;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, baseDelay, maxDelay, maxRetryAfter, retryableStatuses, retryBudget);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxRetryAfter=" + maxRetryAfter + ", retryableStatuses=" + retryableStatuses
                + ", jitter=" + (jitter == DEFAULT_JITTER ? "random" : "custom") + ", retryBudget=" + retryBudget + "}";
    }

    /**
     * Builds a {@link RetryPolicy}, preset with the {@link RetryPolicy#defaults()}. Setters reject
     * values that are wrong on their own with an {@link IllegalArgumentException}; {@link #build()}
     * rejects contradicting settings with an {@link IllegalStateException}. Not thread-safe.
     */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofMillis(200);
        private Duration maxDelay = Duration.ofSeconds(10);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Set<Integer> retryableStatuses = new TreeSet<>(DEFAULT_RETRYABLE_STATUSES);
        private DoubleSupplier jitter = DEFAULT_JITTER;
        private int retryBudget = 100;

        private Builder() {
        }

        /**
         * Sets the total number of attempts, including the first. Default 4.
         *
         * @param maxAttempts at least 1; 1 means no retries
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the backoff cap of the first retry, doubled for every further retry. Default 200 ms.
         *
         * @param baseDelay zero or positive
         * @return this builder
         * @throws NullPointerException if {@code baseDelay} is {@code null}
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = Objects.requireNonNull(baseDelay, "baseDelay");
            return this;
        }

        /**
         * Sets the largest computed backoff. Default 10 s.
         *
         * @param maxDelay zero or positive, not less than the base delay
         * @return this builder
         * @throws NullPointerException if {@code maxDelay} is {@code null}
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
            return this;
        }

        /**
         * Sets the longest service-requested wait that is honoured by waiting. Default 60 s.
         *
         * @param maxRetryAfter zero or positive; zero means any {@code Retry-After} ends the call
         * @return this builder
         * @throws NullPointerException if {@code maxRetryAfter} is {@code null}
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * Sets the HTTP statuses that are retried for idempotent requests, replacing the default
         * 408, 429, 500, 502, 503, 504.
         *
         * @param statuses error statuses, each 300-599; none means no status is retried
         * @return this builder
         */
        public Builder retryableStatuses(int... statuses) {
            Set<Integer> set = new TreeSet<>();
            for (int status : statuses) {
                set.add(status);
            }
            this.retryableStatuses = set;
            return this;
        }

        /**
         * Sets the source of randomness for the full jitter: each call must return a value in
         * {@code [0, 1)}; values outside are clamped. Default: a thread-local random. Tests inject a
         * fixed source to make waits predictable.
         *
         * @param jitter the random source
         * @return this builder
         * @throws NullPointerException if {@code jitter} is {@code null}
         */
        public Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /**
         * Sets the retry budget shared by every call of the clients built from one {@code ClientOptions}:
         * how many retries it holds when full. Each retry draws one (a retry after an attempt timeout two),
         * each successful call puts a fifth of one back, up to this size. An empty budget means calls are not
         * retried until successes refill it; a 401 answered with a fresh credential is not counted. Default
         * 100. The budget belongs to the {@code ClientOptions} instance, so it is shared only by clients
         * built from the same instance.
         *
         * @param retries zero or more; {@link Integer#MAX_VALUE} practically disables the budget
         * @return this builder
         */
        public Builder retryBudget(int retries) {
            this.retryBudget = retries;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the immutable policy
         * @throws IllegalStateException naming the setting when maxAttempts is below 1, a delay is negative, a
         *     status is outside 300-599, maxDelay is less than baseDelay, or retryBudget is negative
         */
        public RetryPolicy build() {
            if (retryBudget < 0) {
                throw new IllegalStateException("retryBudget must not be negative, was " + retryBudget);
            }
            if (maxAttempts < 1) {
                throw new IllegalStateException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            nonNegative("baseDelay", baseDelay);
            nonNegative("maxDelay", maxDelay);
            nonNegative("maxRetryAfter", maxRetryAfter);
            for (int status : retryableStatuses) {
                if (status < 300 || status > 599) {
                    throw new IllegalStateException("retryableStatuses must be error statuses (300-599), got " + status);
                }
            }
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalStateException("maxDelay (" + maxDelay + ") must not be less than baseDelay ("
                        + baseDelay + ")");
            }
            return new RetryPolicy(this);
        }

        private static void nonNegative(String setting, Duration value) {
            if (value.isNegative()) {
                throw new IllegalStateException(setting + " must not be negative, was " + value);
            }
        }
    }
}
