package io.calmsdk.core.exception;

import java.time.Duration;

/**
 * A call or a wait did not finish within its time budget. Trying again later may succeed.
 */
public class CalmTimeoutException extends CalmClientException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * Creates a timeout exception.
     *
     * @param message what timed out and where
     * @param timeout the budget that was exceeded
     * @param cause the underlying failure, may be {@code null}
     */
    public CalmTimeoutException(String message, Duration timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /**
     * The time budget that was exceeded.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }
}
