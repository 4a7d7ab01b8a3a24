package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;

/**
 * The state of an entitlement assignment ({@code entityState}): {@code OK}, {@code STARTED},
 * {@code PROCESSING}, {@code PROCESSING_FAILED}, or any other value the server may send. Parsing
 * ignores case; unknown values are kept with their raw text and count as still pending, so a waiter
 * runs into its timeout with a clear message instead of misreading them. Instances are immutable.
 */
public final class EntityState extends OpenEnum<EntityState> {

    /** The assignment is in effect. */
    public static final EntityState OK = new EntityState("OK", true);
    /** The assignment was accepted and has not started processing. */
    public static final EntityState STARTED = new EntityState("STARTED", true);
    /** The assignment is being processed. */
    public static final EntityState PROCESSING = new EntityState("PROCESSING", true);
    /** The assignment failed; {@code stateMessage} says why. */
    public static final EntityState PROCESSING_FAILED = new EntityState("PROCESSING_FAILED", true);

    private static final List<EntityState> VALUES = List.of(OK, STARTED, PROCESSING, PROCESSING_FAILED);

    private EntityState(String value, boolean known) {
        super(value, known);
    }

    /**
     * The state for a wire value; known values map to the constants, ignoring case.
     *
     * @param value the state as sent, e.g. {@code "OK"}
     * @return the state
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator
    public static EntityState fromString(String value) {
        return fromString(value, VALUES, v -> v.trim().toUpperCase(Locale.ROOT), v -> new EntityState(v, false));
    }

    /**
     * The known states.
     *
     * @return {@link #OK}, {@link #STARTED}, {@link #PROCESSING}, {@link #PROCESSING_FAILED}
     */
    public static List<EntityState> values() {
        return VALUES;
    }

    /**
     * Whether the assignment is done and in effect.
     *
     * @return {@code true} for {@link #OK}
     */
    public boolean isOk() {
        return this == OK;
    }

    /**
     * Whether the assignment failed.
     *
     * @return {@code true} for {@link #PROCESSING_FAILED}
     */
    public boolean isFailed() {
        return this == PROCESSING_FAILED;
    }

    /**
     * Whether the assignment is still on its way: {@link #STARTED}, {@link #PROCESSING} or unknown.
     *
     * @return {@code true} while a waiter should keep waiting
     */
    public boolean isPending() {
        return !isOk() && !isFailed();
    }
}
