package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;

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
public final class OperationState extends OpenEnum<OperationState> {

    /** The operation is running. */
    public static final OperationState IN_PROGRESS = new OperationState("in progress", true);
    /** The operation is queued and has not started. */
    public static final OperationState PENDING = new OperationState("pending", true);
    /** The operation completed successfully. */
    public static final OperationState SUCCEEDED = new OperationState("succeeded", true);
    /** The operation failed; see the operation's errors. */
    public static final OperationState FAILED = new OperationState("failed", true);

    private static final List<OperationState> VALUES = List.of(IN_PROGRESS, PENDING, SUCCEEDED, FAILED);

    private OperationState(String value, boolean known) {
        super(value, known);
    }

    /**
     * The state for a wire value; known values map to the constants.
     *
     * @param value the state as sent, e.g. {@code "in progress"} or {@code "IN_PROGRESS"}
     * @return the state
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator
    public static OperationState fromString(String value) {
        return fromString(value, VALUES,
                v -> v.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' '),
                v -> new OperationState(v, false));
    }

    /**
     * The known states.
     *
     * @return {@link #IN_PROGRESS}, {@link #PENDING}, {@link #SUCCEEDED}, {@link #FAILED}
     */
    public static List<OperationState> values() {
        return VALUES;
    }

    /**
     * Whether the operation has finished, successfully or not.
     *
     * @return {@code true} for {@link #SUCCEEDED} and {@link #FAILED}
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
