package io.calmsdk.testkit.internal.uaa;

import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One OAuth client of the simulated XSUAA. Like XSUAA, a service instance has one client id and each of
 * its bindings adds a credential (a secret or a certificate) to it; deleting the binding revokes only that
 * credential. Scopes and token validity are suppliers so that they are read at token time: updating an
 * instance's authorities changes the scopes of the next token.
 */
public final class OAuthClient {

    /** What the client is for; decides which simulated API accepts its tokens. */
    public enum Kind {
        /** Cloud Management, plan central: may read and assign entitlements. */
        CIS_CENTRAL,
        /** Cloud Management, read-only plan. */
        CIS_VIEWER,
        /** Service Manager, plan subaccount-admin. */
        SERVICE_MANAGER,
        /** A Cloud ALM API instance. */
        CLOUD_ALM,
        /** Any other service instance. */
        SERVICE
    }

    private final String clientId;
    private final Kind kind;
    private final String subaccountId;
    private final String zoneSubdomain;
    private final String xsappname;
    private final String serviceInstanceId;
    private final boolean permanent;
    private final Supplier<List<String>> scopes;
    private final Supplier<Optional<Duration>> tokenValidity;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    /**
     * Creates a client without credentials.
     *
     * @param clientId client id
     * @param kind what it is for
     * @param subaccountId subaccount (identity zone id) it lives in
     * @param zoneSubdomain identity zone subdomain
     * @param xsappname application name behind the client
     * @param serviceInstanceId service instance, or null for admin keys
     * @param permanent whether it survives {@code reset()}
     * @param scopes scopes granted at token time
     * @param tokenValidity per-client token validity, if configured
     */
    public OAuthClient(String clientId, Kind kind, String subaccountId, String zoneSubdomain, String xsappname,
                       String serviceInstanceId, boolean permanent, Supplier<List<String>> scopes,
                       Supplier<Optional<Duration>> tokenValidity) {
        this.clientId = clientId;
        this.kind = kind;
        this.subaccountId = subaccountId;
        this.zoneSubdomain = zoneSubdomain;
        this.xsappname = xsappname;
        this.serviceInstanceId = serviceInstanceId;
        this.permanent = permanent;
        this.scopes = scopes;
        this.tokenValidity = tokenValidity;
    }

    /**
     * Adds a secret credential.
     *
     * @param credentialId owner of the credential (binding id or key name)
     * @param secret the secret
     * @return this client
     */
    public OAuthClient addSecret(String credentialId, String secret) {
        secrets.put(credentialId, secret);
        return this;
    }

    /**
     * Adds a certificate credential.
     *
     * @param credentialId owner of the credential (binding id)
     * @param certificate the client certificate
     * @return this client
     */
    public OAuthClient addCertificate(String credentialId, X509Certificate certificate) {
        certificates.put(credentialId, certificate);
        return this;
    }

    /**
     * Revokes the credentials of one owner.
     *
     * @param credentialId owner of the credential
     */
    public void revoke(String credentialId) {
        secrets.remove(credentialId);
        certificates.remove(credentialId);
    }

    /** @return whether no credential is left */
    public boolean hasNoCredentials() {
        return secrets.isEmpty() && certificates.isEmpty();
    }

    /**
     * Checks a secret in constant time per credential.
     *
     * @param secret presented secret
     * @return whether it is one of the client's secrets
     */
    public boolean secretMatches(String secret) {
        if (secret == null) {
            return false;
        }
        byte[] presented = secret.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String known : secrets.values()) {
            match |= MessageDigest.isEqual(known.getBytes(StandardCharsets.UTF_8), presented);
        }
        return match;
    }

    /**
     * Checks a presented client certificate against the client's certificates.
     *
     * @param certificate leaf certificate of the TLS session
     * @return whether it is one of the client's certificates
     */
    public boolean certificateMatches(X509Certificate certificate) {
        try {
            byte[] presented = certificate.getEncoded();
            for (X509Certificate known : certificates.values()) {
                if (MessageDigest.isEqual(known.getEncoded(), presented)) {
                    return true;
                }
            }
            return false;
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    /** @return the client id */
    public String clientId() {
        return clientId;
    }

    /** @return what the client is for */
    public Kind kind() {
        return kind;
    }

    /** @return subaccount (identity zone id) */
    public String subaccountId() {
        return subaccountId;
    }

    /** @return identity zone subdomain */
    public String zoneSubdomain() {
        return zoneSubdomain;
    }

    /** @return application name */
    public String xsappname() {
        return xsappname;
    }

    /** @return service instance id, or null */
    public String serviceInstanceId() {
        return serviceInstanceId;
    }

    /** @return whether the client survives a reset */
    public boolean permanent() {
        return permanent;
    }

    /** @return scopes as of now */
    public List<String> scopes() {
        return scopes.get();
    }

    /** @return per-client token validity as of now */
    public Optional<Duration> tokenValidity() {
        return tokenValidity.get();
    }

    /**
     * Never shows credentials.
     *
     * @return kind and id
     */
    @Override
    public String toString() {
        return "OAuthClient[" + kind + ", " + clientId + "]";
    }
}
