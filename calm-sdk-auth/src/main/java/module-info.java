/**
 * calm-sdk auth: OAuth2 client-credentials tokens (client secret or X.509 mutual TLS) from Cloud ALM,
 * Cloud Management ({@code cis}) and Service Manager keys, cached and refreshed once for all callers,
 * and the bearer hook of the calm-sdk HTTP transport.
 */
module io.calmsdk.auth {
    requires transitive io.calmsdk.core;
    requires org.slf4j;

    exports io.calmsdk.auth;
}
