package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * The state of an entitlement assignment ({@code entityState}): {@code OK}, {@code STARTED},
 * {@code PROCESSING}, {@code PROCESSING_FAILED}, or any other value the server may send. Parsing
 * ignores case; unknown values are kept with their raw text and count as still pending, so a waiter
 * runs into its timeout with a clear message instead of misreading them. Instances are immutable.
 */
public final class EntityState {

    /** The assignment is in effect. */
    public static final EntityState OK = new EntityState("OK", true);
    /** The assignment was accepted and has not started processing. */
    public static final EntityState STARTED = new EntityState("STARTED", true);
    /** The assignment is being processed. */
    public static final EntityState PROCESSING = new EntityState("PROCESSING", true);
    /** The assignment failed; {@code stateMessage} says why. */
    public static final EntityState PROCESSING_FAILED = new EntityState("PROCESSING_FAILED", true);

    private final String value;
    private final boolean known;

    private EntityState(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /**
     * The state for a wire value; known values map to the constants, ignoring case.
     *
     * @param value the state as sent, e.g. {@code "OK"}
     * @return the state
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator
    public static EntityState of(String value) {
        Objects.requireNonNull(value, "value");
        switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "OK":
                return OK;
            case "STARTED":
                return STARTED;
            case "PROCESSING":
                return PROCESSING;
            case "PROCESSING_FAILED":
                return PROCESSING_FAILED;
            default:
                return new EntityState(value, false);
        }
    }

    /**
     * The wire value: upper case for known states, the raw text otherwise.
     *
     * @return the value, e.g. {@code PROCESSING}
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

    @Override
    public boolean equals(Object o) {
        return o instanceof EntityState && ((EntityState) o).value.equals(value);
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
