package io.calmsdk.spring.boot.autoconfigure;

import io.calmsdk.core.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Retries of failed idempotent calls ({@code calm.retry.*}), mapped onto {@link RetryPolicy}. Every default is
 * {@link RetryPolicy#defaults()}'s: the starter states none of its own.
 */
public class CalmRetryProperties {

    private static final RetryPolicy DEFAULTS = RetryPolicy.defaults();

    /** Total number of attempts, the first included; 1 never retries. Default 4. */
    private int maxAttempts = DEFAULTS.maxAttempts();

    /** Backoff cap of the first retry; it doubles with every further retry (full jitter). Default 200 ms. */
    private Duration baseDelay = DEFAULTS.baseDelay();

    /** Largest computed backoff. Default 10 s. */
    private Duration maxDelay = DEFAULTS.maxDelay();

    /** Longest Retry-After the client waits for; a longer one ends the call. Default 60 s. */
    private Duration maxRetryAfter = DEFAULTS.maxRetryAfter();

    /** HTTP statuses retried for idempotent requests. Default 408, 429, 500, 502, 503, 504. */
    private List<Integer> retryableStatuses = new ArrayList<>(new TreeSet<>(DEFAULTS.retryableStatuses()));

    /** Retries all calls of the application may make in a burst (a token bucket refilled by successes). Default 100. */
    private int retryBudget = DEFAULTS.retryBudget();

    /**
     * Creates the retry settings with {@link RetryPolicy#defaults()}'s values.
     */
    public CalmRetryProperties() {
    }

    /**
     * The total number of attempts.
     *
     * @return default 4
     */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    /**
     * Sets the total number of attempts.
     *
     * @param maxAttempts at least 1
     */
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /**
     * The backoff cap of the first retry.
     *
     * @return default 200 ms
     */
    public Duration getBaseDelay() {
        return baseDelay;
    }

    /**
     * Sets the backoff cap of the first retry.
     *
     * @param baseDelay the delay
     */
    public void setBaseDelay(Duration baseDelay) {
        this.baseDelay = baseDelay;
    }

    /**
     * The largest computed backoff.
     *
     * @return default 10 s
     */
    public Duration getMaxDelay() {
        return maxDelay;
    }

    /**
     * Sets the largest computed backoff.
     *
     * @param maxDelay the delay
     */
    public void setMaxDelay(Duration maxDelay) {
        this.maxDelay = maxDelay;
    }

    /**
     * The longest honoured {@code Retry-After}.
     *
     * @return default 60 s
     */
    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Sets the longest honoured {@code Retry-After}.
     *
     * @param maxRetryAfter the wait
     */
    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * The HTTP statuses retried for idempotent requests.
     *
     * @return default 408, 429, 500, 502, 503, 504
     */
    public List<Integer> getRetryableStatuses() {
        return retryableStatuses;
    }

    /**
     * Sets the HTTP statuses retried for idempotent requests.
     *
     * @param retryableStatuses the statuses
     */
    public void setRetryableStatuses(List<Integer> retryableStatuses) {
        this.retryableStatuses = retryableStatuses;
    }

    /**
     * The retries all calls may make in a burst.
     *
     * @return default 100
     */
    public int getRetryBudget() {
        return retryBudget;
    }

    /**
     * Sets the retries all calls may make in a burst; successes refill them.
     *
     * @param retryBudget at least 0
     */
    public void setRetryBudget(int retryBudget) {
        this.retryBudget = retryBudget;
    }

    @Override
    public String toString() {
        return "Retry{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxRetryAfter=" + maxRetryAfter + ", retryableStatuses=" + retryableStatuses + ", retryBudget=" + retryBudget
                + "}";
    }
}
