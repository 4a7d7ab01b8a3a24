package io.calmsdk.btp;

import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.auth.TokenProvider;
import io.calmsdk.auth.internal.BearerAuthenticator;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.internal.http.HttpTransport;
import java.util.function.Function;

/**
 * The token provider and transport of one BTP admin client: the caller's provider, or one built from the key
 * with the client's options (so token requests share its HTTP client and timeouts), and closing what the
 * client created.
 */
final class AdminConnection implements AutoCloseable {

    final TokenProvider tokenProvider;
    final HttpTransport transport;
    private final boolean ownsTokenProvider;
    private final String serviceName;

    private AdminConnection(TokenProvider tokenProvider, boolean owns, HttpTransport transport, String serviceName) {
        this.tokenProvider = tokenProvider;
        this.ownsTokenProvider = owns;
        this.transport = transport;
        this.serviceName = serviceName;
    }

    static <K> AdminConnection open(AdminClientBuilder<?, K> b,
            Function<ClientCredentialsTokenProvider.Builder, ClientCredentialsTokenProvider.Builder> credentials,
            String api, String serviceName) {
        boolean owns = b.tokenProvider == null;
        TokenProvider tokens = owns ? credentials.apply(b.settings.tokenProvider()).build() : b.tokenProvider;
        try {
            return new AdminConnection(tokens, owns, b.settings.transport(BearerAuthenticator.of(tokens), api),
                    serviceName);
        } catch (RuntimeException e) {
            if (owns && tokens instanceof AutoCloseable) {
                closeQuietly((AutoCloseable) tokens, e);
            }
            throw e;
        }
    }

    /** Releases the transport, and the token provider when the client created it. */
    @Override
    public void close() {
        transport.close();
        if (ownsTokenProvider && tokenProvider instanceof AutoCloseable) {
            try {
                ((AutoCloseable) tokenProvider).close();
            } catch (Exception e) {
                throw new CalmClientException("closing the " + serviceName + " token provider failed", e);
            }
        }
    }

    private static void closeQuietly(AutoCloseable c, RuntimeException primary) {
        try {
            c.close();
        } catch (Exception suppressed) {
            primary.addSuppressed(suppressed);
        }
    }
}
