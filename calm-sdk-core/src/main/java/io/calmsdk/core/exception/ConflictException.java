package io.calmsdk.core.exception;

/**
 * HTTP 409: the resource already exists or is in a state that forbids the request.
 */
public class ConflictException extends CalmServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the failed exchange.
     *
     * @param failure what is known about the failed exchange
     */
    public ConflictException(ServiceFailure failure) {
        super(failure, "a resource with this name may already exist: look it up and reuse it");
    }

    /**
     * Creates the exception with a caller-chosen hint.
     *
     * @param failure what is known about the failed exchange
     * @param hint what the caller should check or do, appended to the message
     */
    protected ConflictException(ServiceFailure failure, String hint) {
        super(failure, hint);
    }
}
