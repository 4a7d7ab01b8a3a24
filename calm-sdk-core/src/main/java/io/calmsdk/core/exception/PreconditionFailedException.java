package io.calmsdk.core.exception;

/**
 * HTTP 412: the entity changed since it was read. The {@code If-Match} value sent with the change (the
 * entity's ETag, which some Cloud ALM APIs take from {@code modifiedAt}) no longer matches, so the change
 * was refused and nothing was written. Read the entity again and repeat the change on its current state.
 * Some APIs also answer 412 for a delete that would lose history (a test case that was executed).
 */
public class PreconditionFailedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the failed exchange.
     *
     * @param failure what is known about the failed exchange
     */
    public PreconditionFailedException(ServiceFailure failure) {
        super(failure, "the entity changed since it was read (stale ETag / If-Match) or may not be changed in its"
                + " state: read it again and repeat the change");
    }

    /**
     * Creates the exception with a caller-chosen hint.
     *
     * @param failure what is known about the failed exchange
     * @param hint what the caller should check or do, appended to the message
     */
    protected PreconditionFailedException(ServiceFailure failure, String hint) {
        super(failure, hint);
    }
}
