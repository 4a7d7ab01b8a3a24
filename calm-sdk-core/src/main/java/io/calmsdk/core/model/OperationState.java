package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * The state of a Service Manager operation: {@code in progress}, {@code pending}, {@code succeeded},
 * {@code failed}, or any other value the server may send later.
 *
 * <p>Parsing ignores case and treats {@code _} and {@code -} as spaces, so {@code IN_PROGRESS} is
 * {@link #IN_PROGRESS}. Unknown values are kept with their raw text ({@link #isKnown()} is
 * {@code false}) and count as not terminal: a poller keeps waiting for them until its timeout rather
 * than failing on a state it does not understand. Instances are immutable; compare with
 * {@link #equals(Object)}.
 */
public final class OperationState {

    /** The operation is running. */
    public static final OperationState IN_PROGRESS = new OperationState("in progress", true);
    /** The operation is queued and has not started. */
    public static final OperationState PENDING = new OperationState("pending", true);
    /** The operation completed successfully. */
    public static final OperationState SUCCEEDED = new OperationState("succeeded", true);
    /** The operation failed; see the operation's errors. */
    public static final OperationState FAILED = new OperationState("failed", true);

    private final String value;
    private final boolean known;

    private OperationState(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /**
     * The state for a wire value; known values map to the constants.
     *
     * @param value the state as sent, e.g. {@code "in progress"}
     * @return the state
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator
    public static OperationState of(String value) {
        Objects.requireNonNull(value, "value");
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        switch (normalized) {
            case "in progress":
                return IN_PROGRESS;
            case "pending":
                return PENDING;
            case "succeeded":
                return SUCCEEDED;
            case "failed":
                return FAILED;
            default:
                return new OperationState(value, false);
        }
    }

    /**
     * The wire value: the canonical spelling for known states, the raw text otherwise.
     *
     * @return the value, e.g. {@code in progress}
     */
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * Whether the state is one of the constants of this class.
     *
     * @return {@code false} for values the SDK does not know
     */
    public boolean isKnown() {
        return known;
    }

    /**
     * Whether the operation has finished, successfully or not.
     *
     * @return {@code true} for {@link #SUCCEEDED} and {@link #FAILED}
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperationState && ((OperationState) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
