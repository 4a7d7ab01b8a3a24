package io.calmsdk.core.exception;

/**
 * HTTP 401: the credentials were refused or the token expired.
 */
public class UnauthorizedException extends CalmServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the failed exchange.
     *
     * @param failure what is known about the failed exchange
     */
    public UnauthorizedException(ServiceFailure failure) {
        super(failure, "check the clientid and clientsecret (or certificate) of the key and that the token is for this service");
    }

    /**
     * Creates the exception with a caller-chosen hint.
     *
     * @param failure what is known about the failed exchange
     * @param hint what the caller should check or do, appended to the message
     */
    protected UnauthorizedException(ServiceFailure failure, String hint) {
        super(failure, hint);
    }
}
