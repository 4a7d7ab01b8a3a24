package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * A credential type of {@code oauth2-configuration.credential-types}: {@code binding-secret}
 * (default), {@code x509}, or {@code instance-secret}, which exists only for reading the parameters of
 * old instances: SAP refuses it for new bindings since 2026-01-19 and {@link XsSecurityParams} refuses
 * to write it. Unknown values read from a server are kept. Immutable.
 */
public final class CredentialType {

    /** A secret per binding; the default. */
    public static final CredentialType BINDING_SECRET = new CredentialType("binding-secret", true);
    /** An X.509 certificate per binding (mutual TLS). */
    public static final CredentialType X509 = new CredentialType("x509", true);
    /** One secret shared by all bindings; refused for new bindings since 2026-01-19. Read-only. */
    public static final CredentialType INSTANCE_SECRET = new CredentialType("instance-secret", true);

    private final String value;
    private final boolean known;

    private CredentialType(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /**
     * The credential type for a wire value, ignoring case.
     *
     * @param value e.g. {@code "binding-secret"}
     * @return the type
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator
    public static CredentialType of(String value) {
        Objects.requireNonNull(value, "value");
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "binding-secret":
                return BINDING_SECRET;
            case "x509":
                return X509;
            case "instance-secret":
                return INSTANCE_SECRET;
            default:
                return new CredentialType(value, false);
        }
    }

    /**
     * The wire value.
     *
     * @return e.g. {@code binding-secret}
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
        return o instanceof CredentialType && ((CredentialType) o).value.equals(value);
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
