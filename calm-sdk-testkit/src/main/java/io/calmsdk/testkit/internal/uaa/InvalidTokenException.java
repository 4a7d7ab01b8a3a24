package io.calmsdk.testkit.internal.uaa;

/** A bearer token the simulator does not accept: malformed, badly signed or expired. */
public final class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason why the token is refused; never contains the token
     */
    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
