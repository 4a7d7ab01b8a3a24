package io.calmsdk.core.internal.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The retry budget shared by every call of one {@code ClientOptions}: a token bucket in the manner of the
 * AWS SDKs' standard retry mode. A retry draws {@link #RETRY_COST} tokens ({@link #TIMEOUT_RETRY_COST} after
 * an attempt timeout, which costs the service more), a successful call puts one back, up to the capacity.
 * When a storm of 429/503 answers or broken connections empties the bucket, calls stop retrying and fail
 * with their own error, so that a fleet of clients does not multiply the load on a struggling service;
 * the first successes refill it. Thread-safe and lock-free; a success on a full bucket is one volatile read.
 */
final class RetryBudget {

    /** Tokens one retry draws. */
    static final int RETRY_COST = 5;
    /** Tokens a retry after an attempt timeout draws. */
    static final int TIMEOUT_RETRY_COST = 10;

    private final int capacity;
    private final AtomicInteger tokens;

    /**
     * A full bucket.
     *
     * @param retries how many retries the full bucket pays for, at {@link #RETRY_COST} each
     */
    RetryBudget(int retries) {
        this.capacity = (int) Math.min(Integer.MAX_VALUE, (long) retries * RETRY_COST);
        this.tokens = new AtomicInteger(capacity);
    }

    /**
     * Draws the cost of one retry.
     *
     * @param cost {@link #RETRY_COST} or {@link #TIMEOUT_RETRY_COST}
     * @return {@code false}, drawing nothing, when the bucket holds less than that
     */
    boolean tryAcquire(int cost) {
        while (true) {
            int now = tokens.get();
            if (now < cost) {
                return false;
            }
            if (tokens.compareAndSet(now, now - cost)) {
                return true;
            }
        }
    }

    /** Puts one token back for a successful call. */
    void onSuccess() {
        while (true) {
            int now = tokens.get();
            if (now >= capacity || tokens.compareAndSet(now, now + 1)) {
                return;
            }
        }
    }

    /** The tokens left; for tests. */
    int tokens() {
        return tokens.get();
    }
}
