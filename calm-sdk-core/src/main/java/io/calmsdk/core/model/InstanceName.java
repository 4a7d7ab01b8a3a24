package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.core.exception.ValidationException;

/**
 * A valid service instance name: 1 to 32 characters of {@code A-Z a-z 0-9 . _ -} (the cockpit's rule
 * for SAP Cloud ALM API instances; spaces are written as underscores).
 *
 * <pre>{@code
 * InstanceName name = InstanceName.of("calm-api");
 * InstanceName fromUi = InstanceName.fromDisplayName("My CALM api");  // My_CALM_api
 * }</pre>
 *
 * <p>Immutable; equal when the names are equal (case-sensitive).
 */
public final class InstanceName {

    /** The longest name allowed. */
    public static final int MAX_LENGTH = 32;

    static final String ALLOWED = "1-" + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ - (write spaces as underscores)";

    private final String value;

    private InstanceName(String value) {
        this.value = value;
    }

    /**
     * Validates an instance name.
     *
     * @param name the name
     * @return the name
     * @throws ValidationException naming {@code instanceName}, the problem and the allowed characters
     */
    @JsonCreator
    public static InstanceName of(String name) {
        NameRules.check("instanceName", name, MAX_LENGTH, ALLOWED);
        return new InstanceName(name);
    }

    /**
     * Turns a human-readable name into an instance name the way the cockpit asks users to: leading
     * and trailing blanks dropped, every run of whitespace written as one underscore. Other characters
     * are not changed, so a name with, say, {@code ä} or {@code /} is still refused.
     *
     * @param displayName e.g. {@code "My CALM api"}
     * @return the instance name, e.g. {@code My_CALM_api}
     * @throws ValidationException when the result is still not a valid instance name
     */
    public static InstanceName fromDisplayName(String displayName) {
        if (displayName == null) {
            throw new ValidationException("instanceName", "is missing", ALLOWED);
        }
        return of(displayName.strip().replaceAll("\\s+", "_"));
    }

    /**
     * Whether a string is a valid instance name.
     *
     * @param name the candidate
     * @return {@code true} when {@link #of(String)} would accept it
     */
    public static boolean isValid(String name) {
        try {
            of(name);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    /**
     * The name.
     *
     * @return the name as sent to Service Manager
     */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceName && ((InstanceName) o).value.equals(value);
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
