package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;

/**
 * The type of a Service Manager operation: {@code create}, {@code update}, {@code delete}, or any other
 * value the server may send. Parsing ignores case (the server varies it); unknown values are kept with
 * their raw text. Instances are immutable; compare with {@link #equals(Object)}.
 */
public final class OperationType extends OpenEnum<OperationType> {

    /** The resource is being created. */
    public static final OperationType CREATE = new OperationType("create", true);
    /** The resource is being updated. */
    public static final OperationType UPDATE = new OperationType("update", true);
    /** The resource is being deleted. */
    public static final OperationType DELETE = new OperationType("delete", true);

    private static final List<OperationType> VALUES = List.of(CREATE, UPDATE, DELETE);

    private OperationType(String value, boolean known) {
        super(value, known);
    }

    /**
     * The type for a wire value; known values map to the constants, ignoring case.
     *
     * @param value the type as sent, e.g. {@code "CREATE"}
     * @return the type
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator
    public static OperationType fromString(String value) {
        return fromString(value, VALUES, v -> v.trim().toLowerCase(Locale.ROOT), v -> new OperationType(v, false));
    }

    /**
     * The known types.
     *
     * @return {@link #CREATE}, {@link #UPDATE}, {@link #DELETE}
     */
    public static List<OperationType> values() {
        return VALUES;
    }
}
