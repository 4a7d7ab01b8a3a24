package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
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
    public abstract Optional<String> id();

    /**
     * What the operation did ({@code type}).
     *
     * @return the type
     */
    public abstract OperationType type();

    /**
     * How it stands ({@code state}).
     *
     * @return the state
     */
    public abstract OperationState state();

    /**
     * The server's description ({@code description}).
     *
     * @return the description
     */
    public abstract Optional<String> description();

    /**
     * The errors of a failed operation ({@code errors}).
     *
     * @return the errors
     */
    public abstract List<OperationError> errors();

    /**
     * The correlation id ({@code correlation_id}).
     *
     * @return the correlation id
     */
    public abstract Optional<String> correlationId();

    /**
     * When it started ({@code created_at}).
     *
     * @return the timestamp
     */
    public abstract Optional<Instant> createdAt();

    /**
     * When it last changed ({@code updated_at}).
     *
     * @return the timestamp
     */
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
        return OperationJson.summary(errors(), description());
    }

    @JsonValue
    JsonNode toJson() {
        return new JsonOut()
                .put("id", id())
                .put("type", type().value())
                .put("state", state().value())
                .put("description", description())
                .arrayIfAny("errors", errors(), OperationError::toJson)
                .put("correlation_id", correlationId())
                .put("created_at", createdAt())
                .put("updated_at", updatedAt())
                .node();
    }

    /**
     * Jackson: reads a last operation.
     *
     * @param node the JSON
     * @return the last operation
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static LastOperation fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("LastOperation"));
        return builder()
                .id(in.optText("id"))
                .type(OperationType.fromString(in.text("type")))
                .state(OperationState.fromString(in.text("state")))
                .description(in.optText("description"))
                .errors(OperationJson.errors(in))
                .correlationId(in.optText("correlation_id"))
                .createdAt(in.optInstant("created_at"))
                .updatedAt(in.optInstant("updated_at"))
                .build();
    }
}
