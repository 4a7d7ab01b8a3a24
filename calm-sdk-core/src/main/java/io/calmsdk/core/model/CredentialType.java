package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;

/**
 * A credential type of {@code oauth2-configuration.credential-types}: {@code binding-secret}
 * (default), {@code x509}, or {@code instance-secret}, which exists only for reading the parameters of
 * old instances: SAP refuses it for new bindings since 2026-01-19 and {@link XsSecurityParams} refuses
 * to write it. Parsing ignores case; unknown values read from a server are kept. Immutable.
 */
public final class CredentialType extends OpenEnum<CredentialType> {

    /** A secret per binding; the default. */
    public static final CredentialType BINDING_SECRET = new CredentialType("binding-secret", true);
    /** An X.509 certificate per binding (mutual TLS). */
    public static final CredentialType X509 = new CredentialType("x509", true);
    /** One secret shared by all bindings; refused for new bindings since 2026-01-19. Read-only. */
    public static final CredentialType INSTANCE_SECRET = new CredentialType("instance-secret", true);

    private static final List<CredentialType> VALUES = List.of(BINDING_SECRET, X509, INSTANCE_SECRET);

    private CredentialType(String value, boolean known) {
        super(value, known);
    }

    /**
     * The credential type for a wire value, ignoring case.
     *
     * @param value e.g. {@code "binding-secret"}
     * @return the type
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator
    public static CredentialType fromString(String value) {
        return fromString(value, VALUES, v -> v.trim().toLowerCase(Locale.ROOT), v -> new CredentialType(v, false));
    }

    /**
     * The known types.
     *
     * @return {@link #BINDING_SECRET}, {@link #X509}, {@link #INSTANCE_SECRET}
     */
    public static List<CredentialType> values() {
        return VALUES;
    }
}
