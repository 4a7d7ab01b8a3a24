package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * One error of a failed Service Manager operation, {@code {"error": "...", "description": "..."}}.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = OperationError.Builder.class)
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
    @JsonProperty("error")
    public abstract Optional<String> error();

    /**
     * The human-readable description ({@code description}).
     *
     * @return the description
     */
    @JsonProperty("description")
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

    /** The errors as one line, for exception messages; the description when there are none. */
    static String summary(List<OperationError> errors, Optional<String> description) {
        if (!errors.isEmpty()) {
            return errors.stream().map(OperationError::summary).collect(Collectors.joining("; "));
        }
        return description.orElse("(no details)");
    }
}
