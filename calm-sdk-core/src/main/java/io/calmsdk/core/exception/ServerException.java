package io.calmsdk.core.exception;

/**
 * HTTP 5xx: the service failed; retrying later may succeed.
 */
public class ServerException extends CalmServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the failed exchange.
     *
     * @param failure what is known about the failed exchange
     */
    public ServerException(ServiceFailure failure) {
        super(failure, "the service failed; if it persists, quote the correlation id to SAP support");
    }

    /**
     * Creates the exception with a caller-chosen hint.
     *
     * @param failure what is known about the failed exchange
     * @param hint what the caller should check or do, appended to the message
     */
    protected ServerException(ServiceFailure failure, String hint) {
        super(failure, hint);
    }
}
