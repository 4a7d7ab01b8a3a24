package io.calmsdk.core.internal.http;

import io.calmsdk.core.Secret;
import java.util.Objects;

/**
 * One credential header, such as {@code Authorization: Bearer <token>}, with its value kept as a
 * {@link Secret}. Immutable; {@link #toString()} masks the value.
 */
public final class AuthHeader {

    private final String name;
    private final Secret value;

    private AuthHeader(String name, Secret value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * Creates a header.
     *
     * @param name the header name, e.g. {@code Authorization}
     * @param value the header value
     * @return the header
     */
    public static AuthHeader of(String name, Secret value) {
        return new AuthHeader(name, value);
    }

    /**
     * Creates an {@code Authorization: Bearer <token>} header.
     *
     * @param token the access token
     * @return the header
     */
    public static AuthHeader bearer(Secret token) {
        return new AuthHeader("Authorization", Secret.of("Bearer " + token.reveal()));
    }

    /**
     * The header name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The header value.
     *
     * @return the value, masked in {@code toString()}
     */
    public Secret value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthHeader && name.equalsIgnoreCase(((AuthHeader) o).name)
                && value.equals(((AuthHeader) o).value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name.toLowerCase(java.util.Locale.ROOT), value);
    }

    @Override
    public String toString() {
        return name + ": ***";
    }
}
