package io.calmsdk.core.internal.polling;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.exception.PollingTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Waits for a long-running operation (an entitlement assignment, a Service Manager instance or
 * binding operation) by calling a poll function until it reports success or failure, or until the
 * timeout passes.
 *
 * <pre>{@code
 * Poller poller = Poller.builder()
 *         .options(PollingOptions.builder().timeout(Duration.ofMinutes(5)).build())
 *         .listener(progress -> System.out.println(progress))
 *         .build();
 * PollResult<Operation> done = poller.poll("create service instance calm-api", () -> {
 *     Operation op = getOperation(location);
 *     switch (op.state()) {
 *         case "succeeded": return PollResponse.succeeded(op.state(), op);
 *         case "failed":    return PollResponse.failed(op.state(), op.description());
 *         default:          return PollResponse.<Operation>inProgress(op.state()).withRetryAfter(op.retryAfter());
 *     }
 * });
 * }</pre>
 *
 * <p>Pacing follows {@link PollingOptions}: the first poll is made at once; then the waits grow from
 * the initial delay by the multiplier up to the max interval; a {@code Retry-After} from the service
 * replaces the computed wait; no wait goes past the deadline, and the last poll is made at the
 * deadline. Each poll is logged at DEBUG and reported to the {@link PollListener}, if any.
 *
 * <p>Time is read from the injected {@link Clock} and waits go through the injected {@link ClientOptions.Sleeper}
 * (or {@link AsyncSleeper}), so tests run in milliseconds.
 *
 * <p>A {@code Poller} is immutable and thread-safe: one instance can run many waits at once, provided
 * the listener is thread-safe.
 */
public final class Poller {

    private final PollingOptions options;
    private final Clock clock;
    private final ClientOptions.Sleeper sleeper;
    private final AsyncSleeper asyncSleeper;
    private final PollListener listener;

    private Poller(Builder b) {
        this.options = b.options;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.asyncSleeper = b.asyncSleeper;
        this.listener = b.listener;
    }

    /**
     * A poller with the default options, the system clock and real waits.
     *
     * @return the poller
     */
    public static Poller create() {
        return builder().build();
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
     * A builder holding this poller's settings, e.g. to derive one with a longer timeout.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().options(options).clock(clock).sleeper(sleeper).asyncSleeper(asyncSleeper)
                .listener(listener);
    }

    /**
     * The pacing of this poller's waits.
     *
     * @return the options
     */
    public PollingOptions options() {
        return options;
    }

    /**
     * Polls until the operation finishes, blocking the calling thread in between.
     *
     * @param awaited what is being waited for, used in progress reports, logs and exception messages,
     *     e.g. {@code "create service instance calm-api"}
     * @param pollFunction reads the operation's state once; it runs on the calling thread
     * @param <T> the value type
     * @return the final value, the final state, the number of polls and the time taken
     * @throws OperationFailedException if a poll reports {@link PollStatus#FAILED}; the message carries
     *     the state and the service's description
     * @throws PollingTimeoutException if the operation is still running at the deadline; the message
     *     names what was awaited, the last state and the number of polls
     * @throws CalmClientException if the thread is interrupted while waiting; the interrupt flag is
     *     restored
     * @throws NullPointerException if an argument is {@code null} or the poll function returns {@code null}
     * @throws IllegalArgumentException if {@code awaited} is blank
     * @throws RuntimeException whatever the poll function throws, unchanged
     */
    public <T> PollResult<T> poll(String awaited, Supplier<PollResponse<T>> pollFunction) {
        requireAwaited(awaited);
        Objects.requireNonNull(pollFunction, "pollFunction");
        PollRun<T> run = new PollRun<>(awaited, options, clock, listener);
        while (true) {
            run.beforePoll();
            PollResponse<T> response = pollFunction.get();
            Duration wait = run.onResponse(response);
            if (wait == null) {
                return run.result(response);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw run.interrupted(e);
            }
        }
    }

    /**
     * Polls until the operation finishes without blocking: each poll starts when the previous wait
     * ends, and waits go through the {@link AsyncSleeper}. The returned future completes on the thread
     * that completed the last poll.
     *
     * <p>Cancelling the returned future stops the polling after the poll in flight, if any.
     *
     * @param awaited what is being waited for, used in progress reports, logs and exception messages
     * @param pollFunction starts one read of the operation's state, e.g. with an asynchronous HTTP call
     * @param <T> the value type
     * @return a future completing with the result, or exceptionally with {@link OperationFailedException},
     *     {@link PollingTimeoutException} or whatever the poll function failed with, unchanged
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code awaited} is blank
     */
    public <T> CompletableFuture<PollResult<T>> pollAsync(String awaited,
            Supplier<? extends CompletionStage<PollResponse<T>>> pollFunction) {
        requireAwaited(awaited);
        Objects.requireNonNull(pollFunction, "pollFunction");
        return new AsyncPollLoop<>(new PollRun<T>(awaited, options, clock, listener), pollFunction, asyncSleeper)
                .start();
    }

    private static void requireAwaited(String awaited) {
        Objects.requireNonNull(awaited, "awaited");
        if (awaited.isBlank()) {
            throw new IllegalArgumentException("awaited must describe what is awaited, was blank");
        }
    }

    /**
     * Describes the poller by its options.
     *
     * @return e.g. {@code Poller{PollingOptions{...}}}
     */
    @Override
    public String toString() {
        return "Poller{" + options + "}";
    }

    /** Builds a {@link Poller}. Not thread-safe. */
    public static final class Builder {
        private PollingOptions options = PollingOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private ClientOptions.Sleeper sleeper = ClientOptions.Sleeper.system();
        private AsyncSleeper asyncSleeper = AsyncSleeper.system();
        private PollListener listener;

        private Builder() {
        }

        /**
         * Sets the pacing; default {@link PollingOptions#defaults()}.
         *
         * @param options the options
         * @return this builder
         * @throws NullPointerException if {@code options} is {@code null}
         */
        public Builder options(PollingOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the clock that measures elapsed time and the deadline; default {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is {@code null}
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how {@link Poller#poll} waits; default {@link ClientOptions.Sleeper#system()}.
         *
         * @param sleeper the sleeper
         * @return this builder
         * @throws NullPointerException if {@code sleeper} is {@code null}
         */
        public Builder sleeper(ClientOptions.Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets how {@link Poller#pollAsync} waits; default {@link AsyncSleeper#system()}.
         *
         * @param asyncSleeper the sleeper
         * @return this builder
         * @throws NullPointerException if {@code asyncSleeper} is {@code null}
         */
        public Builder asyncSleeper(AsyncSleeper asyncSleeper) {
            this.asyncSleeper = Objects.requireNonNull(asyncSleeper, "asyncSleeper");
            return this;
        }

        /**
         * Sets who hears about every poll; default none.
         *
         * @param listener the listener, or {@code null} for none
         * @return this builder
         */
        public Builder listener(PollListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Builds the poller.
         *
         * @return the poller
         */
        public Poller build() {
            return new Poller(this);
        }
    }
}
