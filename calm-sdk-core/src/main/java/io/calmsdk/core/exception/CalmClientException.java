package io.calmsdk.core.exception;

/**
 * No usable response was obtained: the input was invalid, the connection failed, the call timed out
 * or the body could not be decoded.
 */
public class CalmClientException extends CalmException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed, where, and what to check
     */
    public CalmClientException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what failed, where, and what to check
     * @param cause the underlying failure, may be {@code null}
     */
    public CalmClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
