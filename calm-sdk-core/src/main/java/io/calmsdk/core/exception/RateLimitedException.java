package io.calmsdk.core.exception;

/**
 * HTTP 429: the caller exceeded a rate limit; {@link #retryAfter()} says how long to wait.
 */
public class RateLimitedException extends CalmServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the failed exchange.
     *
     * @param failure what is known about the failed exchange
     */
    public RateLimitedException(ServiceFailure failure) {
        super(failure, "rate limited: wait as long as the service asked before calling again");
    }

    /**
     * Creates the exception with a caller-chosen hint.
     *
     * @param failure what is known about the failed exchange
     * @param hint what the caller should check or do, appended to the message
     */
    protected RateLimitedException(ServiceFailure failure, String hint) {
        super(failure, hint);
    }
}
