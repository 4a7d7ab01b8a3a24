package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.core.exception.ValidationException;
import java.util.regex.Pattern;

/**
 * A valid service binding name: characters {@code A-Z a-z 0-9 . _ -}, at most {@value #MAX_LENGTH}, and
 * never of the form {@code <SID>_<client>_<system number>} (for example {@code ABC_001_00}).
 *
 * <p>SAP Cloud ALM creates credentials with such names automatically when it connects a managed
 * system; a binding of the same name would conflict with them, so SAP's procedure asks to avoid the
 * pattern. The SDK refuses it before anything is sent. Immutable; equal when the names are equal.
 */
public final class BindingName {

    /** The longest name the SDK accepts. */
    public static final int MAX_LENGTH = 100;

    /** {@code <SID>_<client>_<system number>}: SID = letter + 2 letters/digits, client = 3 digits. */
    private static final Pattern AUTOMATIC_CREDENTIAL = Pattern.compile("^[A-Z][A-Z0-9]{2}_[0-9]{3}_[0-9]+$");

    static final String ALLOWED = "1-" + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ -, not of the form"
            + " <SID>_<client>_<system number> such as ABC_001_00";

    private final String value;

    private BindingName(String value) {
        this.value = value;
    }

    /**
     * Validates a binding name.
     *
     * @param name the name
     * @return the name
     * @throws ValidationException naming {@code bindingName}, the problem and what is allowed
     */
    @JsonCreator
    public static BindingName of(String name) {
        NameRules.check("bindingName", name, MAX_LENGTH, ALLOWED);
        if (AUTOMATIC_CREDENTIAL.matcher(name).matches()) {
            throw new ValidationException("bindingName",
                    "'" + name + "' follows the pattern <SID>_<client>_<system number> that SAP Cloud ALM uses for"
                            + " the credentials it creates automatically for managed systems; a binding of that name"
                            + " would conflict with them",
                    ALLOWED);
        }
        return new BindingName(name);
    }

    /**
     * Whether a string is a valid binding name.
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
        return o instanceof BindingName && ((BindingName) o).value.equals(value);
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
