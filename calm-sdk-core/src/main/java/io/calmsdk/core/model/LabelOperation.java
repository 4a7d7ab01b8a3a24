package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The operations of a Service Manager label PATCH ({@code "op"}). */
public enum LabelOperation {
    /** Adds a key with its values (the key must not exist yet). */
    ADD("add"),
    /** Adds values to an existing key. */
    ADD_VALUES("add_values"),
    /** Removes a key with all its values. */
    REMOVE("remove"),
    /** Removes some values of a key. */
    REMOVE_VALUES("remove_values");

    private final String wire;

    LabelOperation(String wire) {
        this.wire = wire;
    }

    /**
     * The value sent in {@code "op"}.
     *
     * @return e.g. {@code add}
     */
    @JsonValue
    public String wireValue() {
        return wire;
    }

    /**
     * The operation for a wire value, ignoring case.
     *
     * @param value e.g. {@code "remove_values"}
     * @return the operation
     * @throws IllegalArgumentException for any other value
     */
    @JsonCreator
    public static LabelOperation fromWire(String value) {
        for (LabelOperation op : values()) {
            if (op.wire.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown label operation; allowed: add, add_values, remove, remove_values");
    }
}
