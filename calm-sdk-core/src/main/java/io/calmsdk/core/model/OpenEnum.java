package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The base of the SDK's open enums: sets of string values that a server owns and may extend, such as
 * operation states or plan categories. Like a Java {@code enum} each type names its known values as
 * constants and lists them with a static {@code values()}; unlike one, a value the SDK does not know
 * yet still parses: it keeps its text and reports {@link #isKnown()} {@code false}, so an answer with a
 * new value decodes instead of failing.
 *
 * <p>Each subtype has a static {@code fromString(String)} that maps the known spellings to its
 * constants, so known values can be compared with {@code ==} or {@link #equals(Object)}; unknown
 * values are equal when their type and text are. JSON holds a value as a plain string.
 *
 * <pre>{@code
 * OperationState state = OperationState.fromString("in progress");   // OperationState.IN_PROGRESS
 * OperationState later = OperationState.fromString("rescheduled");   // unknown, kept as written
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the subtype itself
 */
public abstract class OpenEnum<T extends OpenEnum<T>> {

    private final String value;
    private final boolean known;

    /**
     * Creates a value; subtypes call it for their constants ({@code known}) and, through
     * {@link #fromString(String, List, UnaryOperator, Function)}, for values they do not know.
     *
     * @param value the text of the value as written on the wire
     * @param known whether the value is one of the subtype's constants
     * @throws NullPointerException if {@code value} is {@code null}
     */
    protected OpenEnum(String value, boolean known) {
        this.value = Objects.requireNonNull(value, "value");
        this.known = known;
    }

    /**
     * Finds the constant a text stands for, or makes an unknown value of it. Subtypes implement
     * their public {@code fromString(String)} with it.
     *
     * @param text the text as received
     * @param constants the subtype's known values
     * @param normalize maps a text to the form two spellings of the same value share, e.g. lower case
     * @param unknown makes a value for a text that matches no constant
     * @param <T> the subtype
     * @return the matching constant, or the unknown value
     * @throws NullPointerException if {@code text} is {@code null}
     */
    protected static <T extends OpenEnum<T>> T fromString(String text, List<T> constants,
            UnaryOperator<String> normalize, Function<String, T> unknown) {
        Objects.requireNonNull(text, "value");
        String key = normalize.apply(text);
        for (T constant : constants) {
            if (normalize.apply(constant.value()).equals(key)) {
                return constant;
            }
        }
        return unknown.apply(text);
    }

    /**
     * The value as written on the wire: the canonical spelling for known values, the text as
     * received otherwise.
     *
     * @return the value, never {@code null}
     */
    @JsonValue
    public final String value() {
        return value;
    }

    /**
     * Whether the value is one of the constants of its type.
     *
     * @return {@code false} for values this SDK version does not know
     */
    public final boolean isKnown() {
        return known;
    }

    /**
     * Equal when the other object is of the same type and has the same {@link #value()}.
     *
     * @param o the other object
     * @return whether both stand for the same value
     */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenEnum<?>) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    /**
     * The {@link #value()}.
     *
     * @return the value
     */
    @Override
    public final String toString() {
        return value;
    }
}
