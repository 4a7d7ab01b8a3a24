package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.calmsdk.core.exception.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * One operation of a Service Manager label PATCH, {@code {"op":"add","key":"k","values":["v"]}}; a
 * PATCH body carries a list of them under {@code labels}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = LabelChange.Builder.class)
public abstract class LabelChange {

    LabelChange() {
    }

    /** Builds a {@link LabelChange}; callers use the factories, Jackson reads changes with it. */
    static final class Builder extends ImmutableLabelChange.Builder {
        Builder() {
        }
    }

    /**
     * Adds a key with values.
     *
     * @param key the label key
     * @param values the values
     * @return the change
     */
    public static LabelChange add(String key, Collection<String> values) {
        return new Builder().operation(Kind.ADD).key(key).values(values).build();
    }

    /**
     * Adds values to an existing key.
     *
     * @param key the label key
     * @param values the values to add
     * @return the change
     */
    public static LabelChange addValues(String key, Collection<String> values) {
        return new Builder().operation(Kind.ADD_VALUES).key(key).values(values).build();
    }

    /**
     * Removes a key and all its values.
     *
     * @param key the label key
     * @return the change
     */
    public static LabelChange remove(String key) {
        return new Builder().operation(Kind.REMOVE).key(key).build();
    }

    /**
     * Removes some values of a key.
     *
     * @param key the label key
     * @param values the values to remove
     * @return the change
     */
    public static LabelChange removeValues(String key, Collection<String> values) {
        return new Builder().operation(Kind.REMOVE_VALUES).key(key).values(values).build();
    }

    /**
     * The operation ({@code op}).
     *
     * @return the operation
     */
    @JsonProperty("op")
    public abstract Kind operation();

    /**
     * The label key ({@code key}).
     *
     * @return the key
     */
    @JsonProperty("key")
    public abstract String key();

    /**
     * The values ({@code values}); empty for {@link Kind#REMOVE}.
     *
     * @return the values
     */
    @JsonProperty("values")
    public abstract List<String> values();

    @Value.Check
    void check() {
        if (key().isBlank()) {
            throw new ValidationException("label key", "is blank", "a non-blank label key");
        }
        if (operation() != Kind.REMOVE && values().isEmpty()) {
            throw new ValidationException("labels." + key(), "has no values for op " + operation().wireValue(),
                    "at least one value, except for op remove");
        }
    }

    /** The operations of a Service Manager label PATCH ({@code "op"}). */
    public enum Kind {
        /** Adds a key with its values (the key must not exist yet). */
        ADD("add"),
        /** Adds values to an existing key. */
        ADD_VALUES("add_values"),
        /** Removes a key with all its values. */
        REMOVE("remove"),
        /** Removes some values of a key. */
        REMOVE_VALUES("remove_values");

        private final String wire;

        Kind(String wire) {
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
        public static Kind fromWire(String value) {
            for (Kind op : values()) {
                if (op.wire.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown label operation; allowed: add, add_values, remove, remove_values");
        }
    }
}
