package io.calmsdk.testkit;

/**
 * How Service Manager writes {@code Retry-After} on a 429. The contract names all three forms; a client
 * must accept each of them.
 */
public enum RetryAfterFormat {
    /** An RFC 1123 HTTP-date, e.g. {@code Tue, 07 May 2024 10:15:30 GMT}: the documented form. */
    HTTP_DATE,
    /** The form also seen in the field, e.g. {@code 2024-05-07 10:15:30 +0000 UTC}. */
    GO_DATE,
    /** Delay in whole seconds, e.g. {@code 42}. */
    SECONDS
}
