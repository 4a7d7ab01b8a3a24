package io.calmsdk.btp;

import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.internal.polling.PollListener;
import io.calmsdk.core.internal.polling.PollResponse;
import io.calmsdk.core.internal.polling.PollStatus;
import io.calmsdk.core.internal.polling.Poller;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A write that the service may finish later: a Service Manager create, update or delete, an entitlement
 * assignment or removal. The request has been sent when you hold one; the handle tells where the
 * operation stands, reads its state once ({@link #poll()}) or waits for the end
 * ({@link #waitForCompletion()}) and then gives the {@linkplain #finalResult() final result}.
 *
 * <pre>{@code
 * LongRunningOperation<ServiceInstance> create = sm.createInstance("calm-api", planId, parameters, labels);
 * ServiceInstance instance = create.waitForCompletion(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>An answer that was already final (HTTP 200, 201 or 204, an absent resource deleted) gives a handle
 * that is complete at once: {@link #status()} is {@link Status#SUCCEEDED} and waiting sends no poll. Waits
 * are paced by the client's {@link io.calmsdk.core.ClientOptions#polling() polling options} (a
 * {@code Retry-After} from the service replaces the computed interval) and read time from the client's
 * clock, so tests never wait.
 *
 * <p>A handle may be shared between threads; polls and waits on it run one at a time, while
 * {@link #status()}, {@link #description()} and {@link #resourceId()} never block.
 *
 * @param <T> the final result: the instance or binding as it is afterwards, the assignment, or
 *     {@link Void} for deletes and removals
 */
public final class LongRunningOperation<T> {

    /** Where a long-running operation stands. */
    public enum Status {
        /** Accepted by the service and not finished when last looked at. */
        IN_PROGRESS,
        /** Finished successfully: {@link #finalResult()} gives the result. */
        SUCCEEDED,
        /** Finished unsuccessfully: {@link #finalResult()} throws the service's reason. */
        FAILED;

        /**
         * Whether the operation has ended.
         *
         * @return {@code true} for {@link #SUCCEEDED} and {@link #FAILED}
         */
        public boolean isTerminal() {
            return this != IN_PROGRESS;
        }
    }

    private final String description;
    private final String resourceId;
    private final String operationId;
    private final URI operationUrl;
    private final Poller poller;
    private final Supplier<PollResponse<Object>> read;
    private final Function<Object, T> finish;

    private volatile Status status;
    private volatile String state;
    private Object lastValue;
    private OperationFailedException failure;
    private boolean resultRead;
    private T result;

    private LongRunningOperation(Builder<T> b) {
        this.description = Objects.requireNonNull(b.description, "description");
        this.resourceId = b.resourceId;
        this.operationId = b.operationId;
        this.operationUrl = b.operationUrl;
        this.poller = Objects.requireNonNull(b.poller, "poller");
        this.read = b.read;
        this.finish = Objects.requireNonNull(b.finish, "finish");
        this.status = b.read == null ? Status.SUCCEEDED : Status.IN_PROGRESS;
        this.state = b.state;
    }

    /**
     * Starts the description of a handle; package-private: handles come from the clients.
     *
     * @param description what was asked, e.g. {@code create service instance calm-api}
     * @param poller the client's poller: options, clock and sleeper
     * @param <T> the final result
     * @return a new builder
     */
    static <T> Builder<T> builder(String description, Poller poller) {
        return new Builder<>(description, poller);
    }

    /**
     * What was asked.
     *
     * @return e.g. {@code create service instance calm-api}
     */
    public String description() {
        return description;
    }

    /**
     * Where the operation stood when last looked at; never sends a request.
     *
     * @return the status
     */
    public Status status() {
        return status;
    }

    /**
     * The id of the resource the operation works on: the instance or binding id (from the answer's body
     * or {@code Location} header), the subaccount of an entitlement assignment.
     *
     * @return the id, empty when the answer did not tell it
     */
    public Optional<String> resourceId() {
        return Optional.ofNullable(resourceId);
    }

    /**
     * The service's id of the operation: the Service Manager operation id, the Entitlements job id.
     *
     * @return the id, empty when the service answered without one (e.g. a synchronous answer)
     */
    public Optional<String> operationId() {
        return Optional.ofNullable(operationId);
    }

    /**
     * Reads the operation's state once, unless it has already ended.
     *
     * @return the status after the read
     * @throws io.calmsdk.core.exception.CalmException if the read fails
     */
    public synchronized Status poll() {
        if (status.isTerminal()) {
            return status;
        }
        PollResponse<Object> response = Objects.requireNonNull(read.get(), "the poll function returned null");
        record(response);
        if (response.status() == PollStatus.FAILED) {
            failure = new OperationFailedException(description, response.state(), response.resourceId().orElse(null),
                    response.description().orElse(null));
        }
        return status;
    }

    /**
     * Waits until the operation ends, at most the polling timeout of the client's
     * {@link io.calmsdk.core.ClientOptions#polling() options}, and returns its result.
     *
     * @return the final result ({@code null} for {@link Void})
     * @throws OperationFailedException if the operation failed, with the service's description
     * @throws io.calmsdk.core.exception.PollingTimeoutException if it is still running at the timeout,
     *     naming the state it was in; the handle can be waited on again
     * @throws io.calmsdk.core.exception.CalmException if a read fails, or the result cannot be read
     */
    public T waitForCompletion() {
        return waitForCompletion(poller.options().timeout());
    }

    /**
     * Waits until the operation ends, at most {@code timeout}, and returns its result.
     *
     * @param timeout the longest wait, positive
     * @return the final result ({@code null} for {@link Void})
     * @throws OperationFailedException if the operation failed, with the service's description
     * @throws io.calmsdk.core.exception.PollingTimeoutException if it is still running at the timeout,
     *     naming the state it was in; the handle can be waited on again
     * @throws io.calmsdk.core.exception.CalmException if a read fails, or the result cannot be read
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public T waitForCompletion(Duration timeout) {
        awaitCompletion(timeout, null);
        return finalResult();
    }

    /**
     * The result of an operation that has ended; never waits. The result is read once (for a create or
     * an update, the resource as it is now) and then kept.
     *
     * @return the final result ({@code null} for {@link Void})
     * @throws IllegalStateException if the operation is still {@link Status#IN_PROGRESS}
     * @throws OperationFailedException if the operation failed
     * @throws io.calmsdk.core.exception.CalmException if the result cannot be read
     */
    public synchronized T finalResult() {
        switch (status) {
            case IN_PROGRESS:
                throw new IllegalStateException(description + " is still in progress (" + state
                        + "): call waitForCompletion() first");
            case FAILED:
                throw failure;
            default:
                if (!resultRead) {
                    result = finish.apply(lastValue);
                    resultRead = true;
                }
                return result;
        }
    }

    /**
     * Waits until the operation ends, telling {@code listener} about every poll; does not read the final
     * result. For the provisioner, which reads results its own way.
     */
    synchronized void awaitCompletion(Duration timeout, PollListener listener) {
        Objects.requireNonNull(timeout, "timeout");
        if (status == Status.SUCCEEDED) {
            return;
        }
        if (status == Status.FAILED) {
            throw failure;
        }
        PollingOptions options = poller.options().toBuilder().timeout(timeout).build();
        try {
            poller.toBuilder().options(options).listener(listener).build().poll(description, () -> {
                PollResponse<Object> response = read.get();
                if (response != null) {
                    record(response);
                }
                return response;
            });
        } catch (OperationFailedException e) {
            failure = e;
            throw e;
        }
    }

    private void record(PollResponse<Object> response) {
        state = response.state();
        switch (response.status()) {
            case SUCCEEDED:
                lastValue = response.value().orElse(null);
                status = Status.SUCCEEDED;
                break;
            case FAILED:
                status = Status.FAILED;
                break;
            default:
                status = Status.IN_PROGRESS;
        }
    }

    /**
     * Describes the operation: what was asked, where it stands, the resource and the operation's URL.
     *
     * @return e.g. {@code LongRunningOperation{create service instance calm-api: IN_PROGRESS (accepted, HTTP
     *     202), resourceId=..., operation=https://...}}; never a secret
     */
    @Override
    public String toString() {
        return "LongRunningOperation{" + description + ": " + status + " (" + state + ")"
                + (resourceId == null ? "" : ", resourceId=" + resourceId)
                + (operationId == null || operationUrl != null ? "" : ", operationId=" + operationId)
                + (operationUrl == null ? "" : ", operation=" + operationUrl) + "}";
    }

    /**
     * Describes a handle. Not thread-safe.
     *
     * @param <T> the final result
     */
    static final class Builder<T> {
        private final String description;
        private final Poller poller;
        private String resourceId;
        private String operationId;
        private URI operationUrl;
        private String state = "not yet polled";
        private Supplier<PollResponse<Object>> read;
        private Function<Object, T> finish;

        private Builder(String description, Poller poller) {
            this.description = description;
            this.poller = poller;
        }

        /** The resource's id, or {@code null} when unknown. */
        Builder<T> resourceId(String id) {
            this.resourceId = id;
            return this;
        }

        /** The service's id of the operation, or {@code null}. */
        Builder<T> operationId(String id) {
            this.operationId = id;
            return this;
        }

        /** The URL the operation is read from, shown by {@code toString()}; or {@code null}. */
        Builder<T> operationUrl(URI url) {
            this.operationUrl = url;
            return this;
        }

        /** The state in words before the first poll, e.g. {@code accepted, HTTP 202}. */
        Builder<T> state(String words) {
            this.state = Objects.requireNonNull(words, "state");
            return this;
        }

        /**
         * A handle still in progress.
         *
         * @param readOnce reads the state once
         * @param result makes the result from the value of the final, successful read (may be {@code null})
         * @param <V> what a read finds
         * @return the handle
         */
        @SuppressWarnings("unchecked")
        <V> LongRunningOperation<T> polling(Supplier<PollResponse<V>> readOnce, Function<? super V, ? extends T> result) {
            Objects.requireNonNull(readOnce, "readOnce");
            Objects.requireNonNull(result, "result");
            this.read = () -> (PollResponse<Object>) readOnce.get();
            this.finish = value -> result.apply((V) value);
            return new LongRunningOperation<>(this);
        }

        /**
         * A handle that is complete at once.
         *
         * @param result reads the result when asked for
         * @return the handle
         */
        LongRunningOperation<T> done(Supplier<? extends T> result) {
            Objects.requireNonNull(result, "result");
            this.read = null;
            this.finish = value -> result.get();
            return new LongRunningOperation<>(this);
        }
    }
}
