package io.calmsdk.auth;

import io.calmsdk.core.exception.CalmException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * No access token could be obtained: the token endpoint refused the request (an OAuth error answer
 * such as {@code invalid_client}), failed (5xx, 429 after the retries), answered something that is not
 * a token, or could not be reached at all (connection refused, TLS handshake failed, timeout).
 *
 * <p>It extends {@link CalmException} directly because it covers both an answer with an error status
 * (otherwise a {@link io.calmsdk.core.exception.CalmServiceException}) and no answer at all (otherwise a
 * {@link io.calmsdk.core.exception.CalmClientException}); the underlying one is the {@link #getCause()
 * cause}. {@link #status()} tells them apart, {@link #isTransient()} says whether trying later may help.
 *
 * <p>It carries the OAuth {@code error} and {@code error_description}, the HTTP status, the token URL
 * and the client id; never the client secret, the private key or a token.
 *
 * @serial exclude
 */
public class TokenAcquisitionException extends CalmException {

    private static final long serialVersionUID = 1L;

    private final String tokenUrl;
    private final String clientId;
    private final Integer status;
    private final String error;
    private final String errorDescription;
    private final boolean transientFailure;

    /**
     * Creates the exception.
     *
     * @param message what failed, where, and what to check; never a secret
     * @param tokenUrl the token endpoint
     * @param clientId the OAuth client id
     * @param status the HTTP status of the answer, or {@code null} when no answer came back
     * @param error the OAuth {@code error}, may be {@code null}
     * @param errorDescription the OAuth {@code error_description}, may be {@code null}
     * @param transientFailure whether trying again later may succeed
     * @param cause the underlying failure, may be {@code null}
     */
    public TokenAcquisitionException(String message, String tokenUrl, String clientId, Integer status, String error,
            String errorDescription, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.status = status;
        this.error = error;
        this.errorDescription = errorDescription;
        this.transientFailure = transientFailure;
    }

    /**
     * A new exception with the same facts and message, thrown in the calling thread with this one as the
     * cause: many callers may wait for one shared token request, and each deserves its own stack trace.
     *
     * @return the copy
     */
    TokenAcquisitionException forCaller() {
        return new TokenAcquisitionException(getMessage(), tokenUrl, clientId, status, error, errorDescription,
                transientFailure, this);
    }

    /**
     * The token endpoint that was called, as messages show it (user info and secret query parameters masked).
     *
     * @return the URL, e.g. {@code https://sub.authentication.eu10.hana.ondemand.com/oauth/token}
     */
    public String tokenUrl() {
        return tokenUrl;
    }

    /**
     * The OAuth client id the token was requested for.
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The HTTP status the token endpoint answered with.
     *
     * @return the status, or empty when no answer came back (unreachable, TLS failure, timeout)
     */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /**
     * The OAuth {@code error} code, e.g. {@code invalid_client} or {@code invalid_scope}.
     *
     * @return the code, if the answer carried one
     */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /**
     * The OAuth {@code error_description}, e.g. {@code Bad credentials}.
     *
     * @return the description, if the answer carried one
     */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(errorDescription);
    }

    /**
     * Whether trying again later may succeed: no answer, a timeout, 5xx or 429. Bad credentials, an
     * unknown scope or a malformed answer are not transient.
     *
     * @return {@code true} for transient failures
     */
    public boolean isTransient() {
        return transientFailure;
    }
}
