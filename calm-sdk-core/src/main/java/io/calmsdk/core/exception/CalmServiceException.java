package io.calmsdk.core.exception;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A service answered with an error status. Carries the status, the service's error code and message,
 * the correlation id, the method, the URL (secret query values masked), the number of attempts and
 * the wait the service asked for.
 *
 * <p>Use {@link #of(ServiceFailure)} to get the subclass that matches the status.
 */
public class CalmServiceException extends CalmException {

    private static final long serialVersionUID = 1L;

    private final ServiceFailure failure;

    /**
     * Creates the exception from the failed exchange, without a hint.
     *
     * @param failure what is known about the failed exchange
     */
    public CalmServiceException(ServiceFailure failure) {
        this(failure, null);
    }

    /**
     * Creates the exception from the failed exchange with a hint appended to the message.
     *
     * @param failure what is known about the failed exchange
     * @param hint what the caller should check or do, may be {@code null}
     */
    protected CalmServiceException(ServiceFailure failure, String hint) {
        super(Objects.requireNonNull(failure, "failure").describe() + (hint == null ? "" : ": " + hint));
        this.failure = failure;
    }

    /**
     * Creates the exception subclass matching the failure's status: 401 {@link UnauthorizedException},
     * 403 {@link ForbiddenException}, 404 {@link NotFoundException}, 409 {@link ConflictException}, 412 {@link PreconditionFailedException},
     * 422 {@link ConcurrentOperationException}, 429 {@link RateLimitedException}, anything else (5xx
     * included: callers do nothing different for it) {@link CalmServiceException}.
     *
     * @param failure what is known about the failed exchange
     * @return the matching exception, not thrown
     */
    public static CalmServiceException of(ServiceFailure failure) {
        int status = failure.status();
        switch (status) {
            case 401:
                return new UnauthorizedException(failure);
            case 403:
                return new ForbiddenException(failure);
            case 404:
                return new NotFoundException(failure);
            case 409:
                return new ConflictException(failure);
            case 412:
                return new PreconditionFailedException(failure);
            case 422:
                return new ConcurrentOperationException(failure);
            case 429:
                return new RateLimitedException(failure);
            default:
                return status >= 500 ? new CalmServiceException(failure,
                        "the service failed; if it persists, quote the correlation id to SAP support")
                        : new CalmServiceException(failure);
        }
    }

    /**
     * Everything known about the failed exchange.
     *
     * @return the failure
     */
    public ServiceFailure failure() {
        return failure;
    }

    /**
     * The HTTP status code.
     *
     * @return the status
     */
    public int status() {
        return failure.status();
    }

    /**
     * The service's own error code, e.g. {@code Conflict} or {@code 11006}.
     *
     * @return the code, if the body carried one
     */
    public Optional<String> errorCode() {
        return failure.errorCode();
    }

    /**
     * The service's own error description.
     *
     * @return the description, if the body carried one
     */
    public Optional<String> errorMessage() {
        return failure.errorMessage();
    }

    /**
     * The correlation id to quote to SAP support.
     *
     * @return the id, if known
     */
    public Optional<String> correlationId() {
        return failure.correlationId();
    }

    /**
     * The HTTP method of the failed request.
     *
     * @return the method
     */
    public String method() {
        return failure.method();
    }

    /**
     * The request URL with secret query values masked.
     *
     * @return the redacted URL
     */
    public String url() {
        return failure.url();
    }

    /**
     * How many attempts were made, including the first.
     *
     * @return at least 1
     */
    public int attempts() {
        return failure.attempts();
    }

    /**
     * How long the service asked the caller to wait before trying again.
     *
     * @return the wait, if the service said
     */
    public Optional<Duration> retryAfter() {
        return failure.retryAfter();
    }
}
