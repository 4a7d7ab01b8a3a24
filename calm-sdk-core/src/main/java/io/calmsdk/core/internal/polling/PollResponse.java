package io.calmsdk.core.internal.polling;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one poll of a long-running operation found: its {@link PollStatus}, the service's own state in
 * words, the value read (for example the operation or the resource), and optionally how long the
 * service asked to wait before the next poll.
 *
 * <p>Immutable and thread-safe when the value is.
 *
 * @param <T> the value type
 */
public final class PollResponse<T> {

    private final PollStatus status;
    private final String state;
    private final T value;
    private final String description;
    private final String resourceId;
    private final Duration retryAfter;

    private PollResponse(Builder<T> b) {
        this.status = Objects.requireNonNull(b.status, "status");
        this.state = b.state == null || b.state.isBlank() ? b.status.words() : b.state;
        this.value = b.value;
        this.description = b.description == null || b.description.isBlank() ? null : b.description;
        this.resourceId = b.resourceId == null || b.resourceId.isBlank() ? null : b.resourceId;
        this.retryAfter = b.retryAfter;
    }

    /**
     * The operation is still running.
     *
     * @param state the service's state in words, e.g. {@code "in progress"} or {@code PROCESSING};
     *     {@code null} or blank means {@code "in progress"}
     * @param <T> the value type
     * @return the response
     */
    public static <T> PollResponse<T> inProgress(String state) {
        return PollResponse.<T>builder(PollStatus.IN_PROGRESS).state(state).build();
    }

    /**
     * The operation finished successfully.
     *
     * @param state the service's final state, e.g. {@code succeeded} or {@code OK}; {@code null} or blank
     *     means {@code "succeeded"}
     * @param value what the operation produced or the final operation itself, may be {@code null}
     * @param <T> the value type
     * @return the response
     */
    public static <T> PollResponse<T> succeeded(String state, T value) {
        return PollResponse.<T>builder(PollStatus.SUCCEEDED).state(state).value(value).build();
    }

    /**
     * The operation failed.
     *
     * @param state the service's final state, e.g. {@code failed} or {@code PROCESSING_FAILED};
     *     {@code null} or blank means {@code "failed"}
     * @param description the service's explanation, used in the exception message, may be {@code null}
     * @param <T> the value type
     * @return the response
     */
    public static <T> PollResponse<T> failed(String state, String description) {
        return PollResponse.<T>builder(PollStatus.FAILED).state(state).description(description).build();
    }

    /**
     * Starts a builder for a response with everything a poll can report.
     *
     * @param status where the operation stands
     * @param <T> the value type
     * @return a new builder
     * @throws NullPointerException if {@code status} is {@code null}
     */
    public static <T> Builder<T> builder(PollStatus status) {
        return new Builder<T>().status(status);
    }

    /**
     * The same response with the wait the service asked for, e.g. from a {@code Retry-After} header.
     *
     * @param retryAfter the wait, or {@code null} for none
     * @return a new response
     * @throws IllegalArgumentException if {@code retryAfter} is negative
     */
    public PollResponse<T> withRetryAfter(Duration retryAfter) {
        return toBuilder().retryAfter(retryAfter).build();
    }

    /**
     * A builder holding this response's fields.
     *
     * @return a new builder
     */
    public Builder<T> toBuilder() {
        return new Builder<T>().status(status).state(state).value(value).description(description)
                .resourceId(resourceId).retryAfter(retryAfter);
    }

    /**
     * Where the operation stands.
     *
     * @return the status
     */
    public PollStatus status() {
        return status;
    }

    /**
     * The service's state in words, shown in progress reports and exception messages.
     *
     * @return the state, e.g. {@code "in progress"}
     */
    public String state() {
        return state;
    }

    /**
     * The value read by this poll.
     *
     * @return the value, or empty when the poll reported none
     */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /**
     * The service's explanation of the state, e.g. the failure description.
     *
     * @return the description, if any
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The id of the resource the operation works on, reported in failures.
     *
     * @return the id, if known
     */
    public Optional<String> resourceId() {
        return Optional.ofNullable(resourceId);
    }

    /**
     * The wait the service asked for before the next poll. It replaces the computed interval (but
     * never extends the wait past the deadline); zero means "no preference".
     *
     * @return the wait, if the service asked for one
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Describes the response without its value.
     *
     * @return e.g. {@code PollResponse{IN_PROGRESS, state=PROCESSING, retryAfter=PT5S}}
     */
    @Override
    public String toString() {
        return "PollResponse{" + status + ", state=" + state
                + (description == null ? "" : ", description=" + description)
                + (resourceId == null ? "" : ", resourceId=" + resourceId)
                + (retryAfter == null ? "" : ", retryAfter=" + retryAfter) + "}";
    }

    /**
     * Builds a {@link PollResponse}. Not thread-safe.
     *
     * @param <T> the value type
     */
    public static final class Builder<T> {
        private PollStatus status;
        private String state;
        private T value;
        private String description;
        private String resourceId;
        private Duration retryAfter;

        private Builder() {
        }

        /**
         * Sets where the operation stands.
         *
         * @param status the status
         * @return this builder
         * @throws NullPointerException if {@code status} is {@code null}
         */
        public Builder<T> status(PollStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets the service's state in words; {@code null} or blank means the status in words.
         *
         * @param state e.g. {@code PROCESSING}
         * @return this builder
         */
        public Builder<T> state(String state) {
            this.state = state;
            return this;
        }

        /**
         * Sets the value read by the poll.
         *
         * @param value the value, may be {@code null}
         * @return this builder
         */
        public Builder<T> value(T value) {
            this.value = value;
            return this;
        }

        /**
         * Sets the service's explanation of the state.
         *
         * @param description the explanation, may be {@code null}
         * @return this builder
         */
        public Builder<T> description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the id of the resource the operation works on.
         *
         * @param resourceId the id, may be {@code null}
         * @return this builder
         */
        public Builder<T> resourceId(String resourceId) {
            this.resourceId = resourceId;
            return this;
        }

        /**
         * Sets the wait the service asked for before the next poll.
         *
         * @param retryAfter the wait, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code retryAfter} is negative
         */
        public Builder<T> retryAfter(Duration retryAfter) {
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
            }
            this.retryAfter = retryAfter;
            return this;
        }

        /**
         * Builds the response.
         *
         * @return the response
         */
        public PollResponse<T> build() {
            return new PollResponse<>(this);
        }
    }
}
