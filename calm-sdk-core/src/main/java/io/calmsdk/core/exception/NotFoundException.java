package io.calmsdk.core.exception;

/**
 * HTTP 404: the resource does not exist (or, for Service Manager, is still being created).
 */
public class NotFoundException extends CalmServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the failed exchange.
     *
     * @param failure what is known about the failed exchange
     */
    public NotFoundException(ServiceFailure failure) {
        super(failure, "check the id or name; a resource being created may answer 404 until its operation finishes");
    }

    /**
     * Creates the exception with a caller-chosen hint.
     *
     * @param failure what is known about the failed exchange
     * @param hint what the caller should check or do, appended to the message
     */
    protected NotFoundException(ServiceFailure failure, String hint) {
        super(failure, hint);
    }
}
