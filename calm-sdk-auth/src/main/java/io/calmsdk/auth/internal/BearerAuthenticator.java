package io.calmsdk.auth.internal;

import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.TokenProvider;
import io.calmsdk.core.internal.http.AuthHeader;
import io.calmsdk.core.internal.http.Authenticator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bearer-token hook of the calm-sdk HTTP transport, backed by a {@link TokenProvider}.
 *
 * <p>{@link #authorize()} returns {@code Authorization: Bearer <token>} with the provider's current
 * token. When the service answers 401, the transport calls {@link #invalidate(AuthHeader)} with the
 * header it sent; exactly the token in that header is invalidated, so a newer token that another
 * thread already fetched is kept. The transport then retries the call once with a fresh header and
 * treats a second 401 as final: a refused call never loops.
 *
 * <p>Thread-safe; one instance may serve many transports.
 */
public final class BearerAuthenticator implements Authenticator {

    /**
     * How many recently issued tokens are remembered to map a refused header back to its token. Tokens
     * change about twice a day, so a handful covers any call still in flight.
     */
    private static final int REMEMBERED_TOKENS = 8;

    private final TokenProvider provider;
    private final Map<AuthHeader, AccessToken> issued = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<AuthHeader, AccessToken> eldest) {
            return size() > REMEMBERED_TOKENS;
        }
    };

    /** The token of the last {@link #authorize()} and its header; {@code null} after that header was refused. */
    private volatile Issued last;

    private record Issued(AccessToken token, AuthHeader header) {
    }

    private BearerAuthenticator(TokenProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * Creates an authenticator backed by the provider.
     *
     * @param provider the token provider, usually shared
     * @return the authenticator
     */
    public static BearerAuthenticator of(TokenProvider provider) {
        return new BearerAuthenticator(provider);
    }

    /**
     * Returns {@code Authorization: Bearer <token>} with a valid token, fetching one if needed.
     *
     * @return the header
     * @throws TokenAcquisitionException if no token could be obtained
     */
    @Override
    public AuthHeader authorize() {
        AccessToken token = provider.token();
        Issued previous = last;
        if (previous != null && previous.token == token) {
            // The cached token of the previous call: its header is built and remembered already, and this path
            // is every call's, so it takes no lock and allocates nothing.
            return previous.header;
        }
        AuthHeader header = AuthHeader.bearer(token.value());
        synchronized (issued) {
            issued.put(header, token);
        }
        last = new Issued(token, header);
        return header;
    }

    /**
     * Invalidates the token carried by the refused header, and only that token.
     *
     * @param refused the header the service refused with 401
     */
    @Override
    public void invalidate(AuthHeader refused) {
        if (refused == null) {
            return;
        }
        AccessToken token;
        synchronized (issued) {
            token = issued.remove(refused);
        }
        Issued previous = last;
        if (previous != null && previous.header.equals(refused)) {
            last = null;
        }
        if (token != null) {
            provider.invalidate(token);
        }
    }

    /**
     * Names the provider; never a token.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "BearerAuthenticator{provider=" + provider + "}";
    }

    /** For tests: the number of remembered header-to-token mappings. */
    public int rememberedTokens() {
        synchronized (issued) {
            return issued.size();
        }
    }
}
