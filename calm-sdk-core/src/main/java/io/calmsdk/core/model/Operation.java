package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An asynchronous Service Manager operation, as returned by
 * {@code GET /v1/{service_instances|service_bindings}/{id}/operations/{opId}}:
 * {@code {id, type, state, description, resource_id, resource_type, errors, ready, correlation_id,
 * created_at, updated_at}}. Poll it until {@link #isTerminal()}. Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = Operation.Builder.class)
public abstract class Operation {

    Operation() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Operation}. */
    public static final class Builder extends ImmutableOperation.Builder {
        Builder() {
        }
    }

    /**
     * The operation id ({@code id}).
     *
     * @return the id
     */
    @JsonProperty("id")
    public abstract String id();

    /**
     * What the operation does ({@code type}).
     *
     * @return the type
     */
    @JsonProperty("type")
    public abstract OperationType type();

    /**
     * Where the operation stands ({@code state}).
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
     * The id of the instance or binding the operation acts on ({@code resource_id}).
     *
     * @return the resource id
     */
    @JsonProperty("resource_id")
    public abstract Optional<String> resourceId();

    /**
     * The kind of resource ({@code resource_type}), e.g. {@code /v1/service_instances}.
     *
     * @return the resource type
     */
    @JsonProperty("resource_type")
    public abstract Optional<String> resourceType();

    /**
     * The errors of a failed operation ({@code errors}); the server sends an array or a single object.
     *
     * @return the errors, empty unless failed
     */
    @JsonProperty("errors")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonDeserialize(using = WireFormats.OperationErrors.class)
    public abstract List<OperationError> errors();

    /**
     * Whether the resource is ready ({@code ready}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("ready")
    public abstract Optional<Boolean> ready();

    /**
     * The correlation id to quote to SAP support ({@code correlation_id}).
     *
     * @return the correlation id
     */
    @JsonProperty("correlation_id")
    public abstract Optional<String> correlationId();

    /**
     * When the operation started ({@code created_at}).
     *
     * @return the timestamp
     */
    @JsonProperty("created_at")
    @JsonDeserialize(contentUsing = WireFormats.Timestamp.class)
    public abstract Optional<Instant> createdAt();

    /**
     * When the operation last changed ({@code updated_at}).
     *
     * @return the timestamp
     */
    @JsonProperty("updated_at")
    @JsonDeserialize(contentUsing = WireFormats.Timestamp.class)
    public abstract Optional<Instant> updatedAt();

    /**
     * Whether the operation has finished; unknown states are not terminal.
     *
     * @return {@code true} when succeeded or failed
     */
    public boolean isTerminal() {
        return state().isTerminal();
    }

    /**
     * Whether the operation failed.
     *
     * @return {@code true} when the state is {@code failed}
     */
    public boolean isFailed() {
        return state().equals(OperationState.FAILED);
    }

    /**
     * Whether the operation succeeded.
     *
     * @return {@code true} when the state is {@code succeeded}
     */
    public boolean isSucceeded() {
        return state().equals(OperationState.SUCCEEDED);
    }

    /**
     * The errors as one line, for exception messages; the description when there are none.
     *
     * @return the summary
     */
    public String errorSummary() {
        return OperationError.summary(errors(), description());
    }
}
