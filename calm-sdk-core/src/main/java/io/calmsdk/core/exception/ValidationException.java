package io.calmsdk.core.exception;

import java.util.Objects;

/**
 * Input was refused before anything was sent: the message names the field, the value's problem and
 * what is allowed. The rejected value is never included when it could be a secret.
 */
public class ValidationException extends CalmClientException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String allowed;

    /**
     * Creates a validation failure.
     *
     * @param field the name of the offending field, e.g. {@code instanceName}
     * @param problem what is wrong with the value, e.g. {@code "is 40 characters long"}
     * @param allowed what would be accepted, e.g. {@code "1-32 characters of A-Z a-z 0-9 . _ -"}
     */
    public ValidationException(String field, String problem, String allowed) {
        super(field + " " + problem + "; allowed: " + allowed);
        this.field = Objects.requireNonNull(field, "field");
        this.allowed = Objects.requireNonNull(allowed, "allowed");
    }

    /**
     * The name of the field that was refused.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }

    /**
     * A description of the values that would be accepted.
     *
     * @return what is allowed
     */
    public String allowed() {
        return allowed;
    }
}
