package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One error of a failed Service Manager operation, {@code {"error": "...", "description": "..."}}.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class OperationError {

    OperationError() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OperationError}. */
    public static final class Builder extends ImmutableOperationError.Builder {
        Builder() {
        }
    }

    /**
     * The error code ({@code error}), e.g. {@code BadRequest} or {@code broker_error}.
     *
     * @return the code
     */
    public abstract Optional<String> error();

    /**
     * The human-readable description ({@code description}).
     *
     * @return the description
     */
    public abstract Optional<String> description();

    /**
     * {@code error: description}, or whichever of the two is present.
     *
     * @return a one-line summary
     */
    public String summary() {
        if (error().isPresent() && description().isPresent()) {
            return error().get() + ": " + description().get();
        }
        return error().or(this::description).orElse("(no details)");
    }

    @JsonValue
    JsonNode toJson() {
        return new JsonOut().put("error", error()).put("description", description()).node();
    }

    /**
     * Jackson: reads an error; a bare string is taken as the description.
     *
     * @param node the error JSON
     * @return the error
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static OperationError fromJson(JsonNode node) {
        if (node != null && node.isTextual()) {
            return builder().description(node.textValue()).build();
        }
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("OperationError"));
        return builder().error(in.optText("error")).description(in.optText("description")).build();
    }
}
