package io.calmsdk.core.internal.http;


/**
 * Adds credentials to each attempt of an HTTP call, and is told when the service refused them.
 *
 * <p>The transport calls {@link #authorize()} once per attempt, so every attempt carries a valid
 * credential. On a 401 it calls {@link #invalidate(AuthHeader)} with exactly the header that was
 * refused, then retries the call once with a fresh {@link #authorize()}; a second 401 is final.
 * Implementations must be thread-safe.
 */
public interface Authenticator {

    /**
     * Returns the header to send with the next attempt, fetching a credential if needed.
     *
     * @return the header, e.g. {@code Authorization: Bearer ...}
     * @throws io.calmsdk.core.exception.CalmException if no credential can be obtained
     */
    AuthHeader authorize();

    /**
     * Tells the authenticator that the service refused this header with a 401, so it must not be
     * returned again.
     *
     * @param refused the header that was refused
     */
    void invalidate(AuthHeader refused);
}
