package io.calmsdk.core.exception;

/**
 * Root of every exception calm-sdk throws. Unchecked, so callers handle only what they can act on.
 *
 * <p>Messages say what failed, where, and what to check; they never contain a client secret, a
 * token or a private key.
 */
public class CalmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed, where, and what to check
     */
    public CalmException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what failed, where, and what to check
     * @param cause the underlying failure, may be {@code null}
     */
    public CalmException(String message, Throwable cause) {
        super(message, cause);
    }
}
