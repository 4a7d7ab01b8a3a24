package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code last_operation} summary inside an instance or binding: what was last done to the
 * resource and how it ended. Unlike {@link Operation} its id may be absent. Instances are immutable
 * and thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = LastOperation.Builder.class)
public abstract class LastOperation {

    LastOperation() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LastOperation}. */
    public static final class Builder extends ImmutableLastOperation.Builder {
        Builder() {
        }
    }

    /**
     * The operation id ({@code id}), to poll the operation itself.
     *
     * @return the id, when sent
     */
    @JsonProperty("id")
    public abstract Optional<String> id();

    /**
     * What the operation did ({@code type}).
     *
     * @return the type
     */
    @JsonProperty("type")
    public abstract OperationType type();

    /**
     * How it stands ({@code state}).
     *
     * @return the state
     */
    @JsonProperty("state")
    public abstract OperationState state();

    /**
     * The server's description ({@code description}).
     *
     * @return the description
     */
    @JsonProperty("description")
    public abstract Optional<String> description();

    /**
     * The errors of a failed operation ({@code errors}).
     *
     * @return the errors
     */
    @JsonProperty("errors")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonDeserialize(using = WireFormats.OperationErrors.class)
    public abstract List<OperationError> errors();

    /**
     * The correlation id ({@code correlation_id}).
     *
     * @return the correlation id
     */
    @JsonProperty("correlation_id")
    public abstract Optional<String> correlationId();

    /**
     * When it started ({@code created_at}).
     *
     * @return the timestamp
     */
    @JsonProperty("created_at")
    @JsonDeserialize(contentUsing = WireFormats.Timestamp.class)
    public abstract Optional<Instant> createdAt();

    /**
     * When it last changed ({@code updated_at}).
     *
     * @return the timestamp
     */
    @JsonProperty("updated_at")
    @JsonDeserialize(contentUsing = WireFormats.Timestamp.class)
    public abstract Optional<Instant> updatedAt();

    /**
     * Whether it has finished; unknown states are not terminal.
     *
     * @return {@code true} when succeeded or failed
     */
    public boolean isTerminal() {
        return state().isTerminal();
    }

    /**
     * Whether it failed.
     *
     * @return {@code true} when the state is {@code failed}
     */
    public boolean isFailed() {
        return state().equals(OperationState.FAILED);
    }

    /**
     * The errors as one line; the description when there are none.
     *
     * @return the summary
     */
    public String errorSummary() {
        return OperationError.summary(errors(), description());
    }
}
