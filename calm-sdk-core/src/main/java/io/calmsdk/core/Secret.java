package io.calmsdk.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (client secret, token, private key) that never shows itself by accident.
 *
 * <p>{@link #toString()} prints {@code ***}; only {@link #reveal()} returns the value, so every place
 * that uses the secret is explicit and easy to audit. Equality compares values in constant time.
 * Instances are immutable and thread-safe.
 *
 * <p>Jackson writes a secret as the string {@code "***"} (so models holding secrets are masked in any
 * debug or log serialization) and reads a JSON string into a secret. Writing the real value is always
 * an explicit call such as {@code ServiceKey.revealJson()}.
 */
public final class Secret {

    private static final String MASK = "***";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret; must not be {@code null}
     * @return the wrapped secret
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "secret value"));
    }

    /**
     * Returns the secret value. Call it only where the value is sent or stored on purpose.
     *
     * @return the secret value
     */
    public String reveal() {
        return value;
    }

    /**
     * Whether the secret is the empty string.
     *
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /**
     * Always {@code ***}, whatever the value.
     *
     * @return the mask
     */
    @Override
    @JsonValue
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), ((Secret) o).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        // Length only: a hash of the value would leak information through hash-based collections' debug output.
        return value.length();
    }
}
