package io.calmsdk.auth;

import io.calmsdk.auth.internal.X509Identity;
import io.calmsdk.core.Secret;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.model.OAuthClientCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a token request is made of: its form and client authentication, and the TLS it needs. */
final class TokenRequests {

    // The provider's logger: certificate warnings belong to the provider users configure.
    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);
    static final Duration CERTIFICATE_WARNING = Duration.ofDays(14);

    private TokenRequests() {
    }

    static TransportRequest of(URI tokenUrl, OAuthClientCredentials credentials, Set<String> scopes,
            ClientAuthentication clientAuthentication) {
        String clientId = credentials.clientId();
        boolean x509 = credentials.isX509();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!scopes.isEmpty()) {
            form.put("scope", String.join(" ", scopes));
        }
        TransportRequest.Builder request = TransportRequest.post(tokenUrl)
                .noAuthentication()
                // The token POST creates nothing the caller depends on: sending it again at worst makes the
                // server issue one more token, which is simply not used. So it is retried like a GET after
                // timeouts, broken connections, 429 and 5xx, which is what keeps a flaky token endpoint from
                // failing every API call that needs a token.
                .idempotent(true)
                .operation("fetch OAuth token for client " + clientId);
        if (x509) {
            // Mutual TLS authenticates the client; the form only names it.
            form.put("client_id", clientId);
            request.formBody(form);
        } else if (clientAuthentication == ClientAuthentication.FORM) {
            form.put("client_id", clientId);
            request.formBody(form).secretFormField("client_secret", credentials.clientSecret().orElseThrow());
        } else {
            // "clientid:clientsecret" as it is, which XSUAA accepts (SAP's own clients send the pair as form fields,
            // ClientAuthentication.FORM). RFC 6749 asks for form-encoding the two first, which servers that do not
            // decode would refuse.
            String pair = clientId + ":" + credentials.clientSecret().orElseThrow().reveal();
            request.formBody(form).secretHeader("Authorization",
                    Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
        }
        return request.build();
    }

    /**
     * The TLS context the token endpoint needs: the key's client certificate for X.509 credentials, the trust
     * store when one is given, or none (the options' shared HTTP client).
     */
    static SSLContext tls(OAuthClientCredentials credentials, KeyStore trustStore, String keyFieldPrefix, Clock clock,
            String shownTokenUrl) {
        if (credentials.isX509()) {
            X509Identity identity = X509Identity.parse(credentials.certificate().orElseThrow(),
                    credentials.privateKey().orElseThrow(), keyFieldPrefix + "certificate", keyFieldPrefix + "key");
            warnIfCertificateExpires(identity, credentials.clientId(), clock, shownTokenUrl);
            return identity.sslContext(trustStore);
        }
        return trustStore == null ? null : X509Identity.trustingContext(trustStore);
    }

    private static void warnIfCertificateExpires(X509Identity identity, String clientId, Clock clock,
            String shownTokenUrl) {
        Instant notAfter = identity.notAfter();
        Instant now = clock.instant();
        if (!now.isBefore(notAfter)) {
            LOG.warn("the client certificate of client {} ({}) expired at {}: the token endpoint {} will refuse it;"
                    + " create a new binding or key", clientId, identity.subject(), notAfter, shownTokenUrl);
        } else if (now.plus(CERTIFICATE_WARNING).isAfter(notAfter)) {
            LOG.warn("the client certificate of client {} ({}) expires at {}: rotate the binding or key before then",
                    clientId, identity.subject(), notAfter);
        }
    }
}
