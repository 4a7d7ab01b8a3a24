package io.calmsdk.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Supplies OAuth access tokens, from a cache when it can.
 *
 * <p>Implementations must be thread-safe; {@link ClientCredentialsTokenProvider} is the one calm-sdk
 * ships. A provider is meant to be created once and shared by every client and thread that uses the
 * same credentials.
 */
public interface TokenProvider {

    /**
     * Returns a token that is valid now, fetching one if none is cached or the cached one is about to
     * expire. Blocks while a fetch is under way; concurrent callers share one fetch.
     *
     * @return a valid token
     * @throws TokenAcquisitionException if no token could be obtained
     * @throws io.calmsdk.core.exception.CalmClientException if the thread was interrupted while waiting
     */
    AccessToken token();

    /**
     * Returns a token like {@link #token()} without blocking the calling thread. Cancelling the returned
     * future does not cancel a fetch other callers are waiting for.
     *
     * @return a future completed with a valid token, or exceptionally with a
     *     {@link TokenAcquisitionException}
     */
    CompletableFuture<AccessToken> tokenAsync();

    /**
     * Drops the given token from the cache, e.g. because a service refused it with 401, so the next
     * {@link #token()} fetches a new one. Does nothing when the cache already holds a different token:
     * another thread may have fetched a newer one that must not be thrown away.
     *
     * @param token the token that was refused
     */
    void invalidate(AccessToken token);
}
