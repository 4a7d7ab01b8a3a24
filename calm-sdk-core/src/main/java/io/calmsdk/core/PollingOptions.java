package io.calmsdk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long-running operations (a {@code LongRunningOperation} of calm-sdk-btp) are polled: the first
 * poll happens at once; the wait after it is
 * {@link #initialDelay()}, and each following wait is the previous one times {@link #multiplier()},
 * capped at {@link #maxInterval()}. A wait the service asks for ({@code Retry-After}) replaces the
 * computed one. No wait extends past {@link #timeout()}, counted from the first poll: the last poll
 * happens at the deadline at the latest, and if the operation is still running then, the wait fails.
 *
 * <p>With the defaults (1 s, 1.5, 15 s, 10 min) the waits are 1 s, 1.5 s, 2.25 s, 3.375 s, 5.06 s,
 * 7.59 s, 11.39 s, then 15 s each.
 *
 * <p>Immutable and thread-safe.
 */
public final class PollingOptions {

    /** The default wait after the first poll: 1 second. */
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
    /** The default growth factor of the wait: 1.5. */
    public static final double DEFAULT_MULTIPLIER = 1.5;
    /** The default longest computed wait: 15 seconds. */
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(15);
    /** The default total time allowed: 10 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private static final PollingOptions DEFAULTS = builder().build();

    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxInterval;
    private final Duration timeout;

    private PollingOptions(Builder b) {
        if (b.maxInterval.compareTo(b.initialDelay) < 0) {
            throw new IllegalArgumentException("maxInterval must be at least initialDelay (" + b.initialDelay
                    + "), was " + b.maxInterval);
        }
        this.initialDelay = b.initialDelay;
        this.multiplier = b.multiplier;
        this.maxInterval = b.maxInterval;
        this.timeout = b.timeout;
    }

    /**
     * The default options: 1 s initial delay, multiplier 1.5, at most 15 s between polls, 10 min in all.
     *
     * @return the defaults
     */
    public static PollingOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options, to derive changed ones.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().initialDelay(initialDelay).multiplier(multiplier).maxInterval(maxInterval)
                .timeout(timeout);
    }

    /**
     * The wait after the first poll.
     *
     * @return a positive duration, default 1 s
     */
    public Duration initialDelay() {
        return initialDelay;
    }

    /**
     * The factor each computed wait grows by.
     *
     * @return at least 1.0, default 1.5
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * The longest computed wait between two polls. A {@code Retry-After} may ask for longer.
     *
     * @return a duration of at least {@link #initialDelay()}, default 15 s
     */
    public Duration maxInterval() {
        return maxInterval;
    }

    /**
     * The total time allowed, from the first poll.
     *
     * @return a positive duration, default 10 min
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The computed wait after the given poll, before any {@code Retry-After} or deadline applies:
     * {@code min(maxInterval, initialDelay * multiplier^(attempt - 1))}.
     *
     * @param attempt the number of the poll just made, from 1
     * @return the wait
     * @throws IllegalArgumentException if {@code attempt} is below 1
     */
    public Duration interval(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, attempt - 1.0);
        long max = maxInterval.toNanos();
        return nanos >= max ? maxInterval : Duration.ofNanos(Math.round(nanos));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PollingOptions)) {
            return false;
        }
        PollingOptions other = (PollingOptions) o;
        return Double.compare(multiplier, other.multiplier) == 0 && initialDelay.equals(other.initialDelay)
                && maxInterval.equals(other.maxInterval) && timeout.equals(other.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialDelay, multiplier, maxInterval, timeout);
    }

    /**
     * Describes the options.
     *
     * @return e.g. {@code PollingOptions{initialDelay=PT1S, multiplier=1.5, maxInterval=PT15S, timeout=PT10M}}
     */
    @Override
    public String toString() {
        return "PollingOptions{initialDelay=" + initialDelay + ", multiplier=" + multiplier
                + ", maxInterval=" + maxInterval + ", timeout=" + timeout + "}";
    }

    /** Builds {@link PollingOptions}; each setting is checked when set. Not thread-safe. */
    public static final class Builder {
        private Duration initialDelay = DEFAULT_INITIAL_DELAY;
        private double multiplier = DEFAULT_MULTIPLIER;
        private Duration maxInterval = DEFAULT_MAX_INTERVAL;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {
        }

        /**
         * Sets the wait after the first poll.
         *
         * @param initialDelay a positive duration
         * @return this builder
         * @throws NullPointerException if {@code initialDelay} is {@code null}
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = positive("initialDelay", initialDelay);
            return this;
        }

        /**
         * Sets the factor each computed wait grows by; 1.0 polls at a fixed interval.
         *
         * @param multiplier a finite number of at least 1.0
         * @return this builder
         * @throws IllegalArgumentException if it is below 1.0, infinite or not a number
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number of at least 1.0, was "
                        + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the longest computed wait between two polls.
         *
         * @param maxInterval a positive duration, at least the initial delay (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException if {@code maxInterval} is {@code null}
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder maxInterval(Duration maxInterval) {
            this.maxInterval = positive("maxInterval", maxInterval);
            return this;
        }

        /**
         * Sets the total time allowed, from the first poll.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws NullPointerException if {@code timeout} is {@code null}
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive("timeout", timeout);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if the max interval is shorter than the initial delay
         */
        public PollingOptions build() {
            return new PollingOptions(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
