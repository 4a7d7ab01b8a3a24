package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * The type of a Service Manager operation: {@code create}, {@code update}, {@code delete}, or any other
 * value the server may send. Parsing ignores case (the server varies it); unknown values are kept with
 * their raw text. Instances are immutable; compare with {@link #equals(Object)}.
 */
public final class OperationType {

    /** The resource is being created. */
    public static final OperationType CREATE = new OperationType("create", true);
    /** The resource is being updated. */
    public static final OperationType UPDATE = new OperationType("update", true);
    /** The resource is being deleted. */
    public static final OperationType DELETE = new OperationType("delete", true);

    private final String value;
    private final boolean known;

    private OperationType(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /**
     * The type for a wire value; known values map to the constants, ignoring case.
     *
     * @param value the type as sent, e.g. {@code "CREATE"}
     * @return the type
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator
    public static OperationType of(String value) {
        Objects.requireNonNull(value, "value");
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "create":
                return CREATE;
            case "update":
                return UPDATE;
            case "delete":
                return DELETE;
            default:
                return new OperationType(value, false);
        }
    }

    /**
     * The wire value: lower case for known types, the raw text otherwise.
     *
     * @return the value, e.g. {@code create}
     */
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * Whether the type is one of the constants of this class.
     *
     * @return {@code false} for values the SDK does not know
     */
    public boolean isKnown() {
        return known;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperationType && ((OperationType) o).value.equals(value);
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
