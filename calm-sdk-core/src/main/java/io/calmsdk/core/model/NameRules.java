package io.calmsdk.core.model;

import io.calmsdk.core.exception.ValidationException;

/** Character-level checks shared by the name types, reporting the first offending character. */
final class NameRules {

    private NameRules() {
    }

    static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
    }

    static void check(String field, String value, int maxLength, String allowed) {
        if (value == null) {
            throw new ValidationException(field, "is missing", allowed);
        }
        if (value.isEmpty()) {
            throw new ValidationException(field, "is empty", allowed);
        }
        if (value.length() > maxLength) {
            throw new ValidationException(field, "is " + value.length() + " characters long", allowed);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isNameChar(c)) {
                throw new ValidationException(field, "contains " + describe(c) + " at position " + (i + 1), allowed);
            }
        }
    }

    static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (Character.isISOControl(c) || Character.isSurrogate(c) || !Character.isDefined(c)) {
            return String.format("the character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
