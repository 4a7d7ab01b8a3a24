package io.calmsdk.core.exception;

/**
 * HTTP 422 (Service Manager {@code ConcurrentOperation}): another operation is running on the resource.
 */
public class ConcurrentOperationException extends CalmServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the failed exchange.
     *
     * @param failure what is known about the failed exchange
     */
    public ConcurrentOperationException(ServiceFailure failure) {
        super(failure, "another operation is running on this resource: wait for it to finish, then try again");
    }

    /**
     * Creates the exception with a caller-chosen hint.
     *
     * @param failure what is known about the failed exchange
     * @param hint what the caller should check or do, appended to the message
     */
    protected ConcurrentOperationException(ServiceFailure failure, String hint) {
        super(failure, hint);
    }
}
