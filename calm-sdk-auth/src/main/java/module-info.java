/**
 * calm-sdk auth: OAuth2 client-credentials tokens (client secret or X.509 mutual TLS) from Cloud ALM,
 * Cloud Management ({@code cis}) and Service Manager keys, cached and refreshed once for all callers,
 * for every calm-sdk client.
 */
module io.calmsdk.auth {
    requires transitive io.calmsdk.core;
    requires org.slf4j;

    exports io.calmsdk.auth;
    // The bearer hook of the transport, for the other calm-sdk modules only.
    exports io.calmsdk.auth.internal to io.calmsdk.btp, io.calmsdk.api;
}
