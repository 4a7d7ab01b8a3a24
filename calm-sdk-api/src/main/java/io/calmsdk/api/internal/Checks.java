package io.calmsdk.api.internal;

import io.calmsdk.core.exception.ValidationException;

/** Input checks that throw {@link ValidationException} before anything is sent. */
public final class Checks {

    private Checks() {
    }

    /**
     * Requires a non-blank text.
     *
     * @param field the field name for the message
     * @param value the value
     * @return the value
     * @throws ValidationException if the value is {@code null} or blank
     */
    public static String notBlank(String field, String value) {
        if (value == null) {
            throw new ValidationException(field, "is missing", "a non-blank text");
        }
        if (value.isBlank()) {
            throw new ValidationException(field, "is blank", "a non-blank text");
        }
        return value;
    }

    /**
     * Requires a non-null value.
     *
     * @param field the field name for the message
     * @param value the value
     * @param allowed what would be accepted
     * @param <T> the value type
     * @return the value
     * @throws ValidationException if the value is {@code null}
     */
    public static <T> T notNull(String field, T value, String allowed) {
        if (value == null) {
            throw new ValidationException(field, "is missing", allowed);
        }
        return value;
    }

    /**
     * Requires a value within an inclusive range.
     *
     * @param field the field name for the message
     * @param value the value
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     * @throws ValidationException if the value is out of range
     */
    public static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(field, "is " + value, min + " to " + max);
        }
        return value;
    }
}
