package io.calmsdk.testkit.internal.x509;

import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The simulator's own certificate authority: it signs the mutual-TLS token endpoint's server certificate
 * and every X.509 binding's client certificate, and builds the TLS contexts of both sides.
 */
public final class CertificateAuthority {

    private static final char[] NO_PASSWORD = new char[0];

    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    /** Generates the CA key and its self-signed certificate, valid for ten years from now (wall clock). */
    public CertificateAuthority() {
        this.caKeys = newKeyPair(2048);
        Instant now = Instant.now();
        this.caCertificate = new CertificateBuilder()
                .commonName("calm-sdk BTP simulator CA")
                .organization("calm-sdk testkit")
                .country("DE")
                .publicKey(caKeys.getPublic())
                .selfSigned(caKeys.getPrivate())
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)))
                .certificateAuthority()
                .build();
    }

    /**
     * Generates an RSA key pair.
     *
     * @param bits key length
     * @return the key pair
     */
    public static KeyPair newKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** @return the CA certificate every simulator certificate chains to */
    public X509Certificate certificate() {
        return caCertificate;
    }

    /**
     * Issues a client certificate shaped like XSUAA's binding certificates.
     *
     * @param keys the client's key pair
     * @param clientId OAuth client id (common name)
     * @param subaccountId subaccount (organisational unit)
     * @param zone identity zone subdomain (locality)
     * @param notBefore start of validity (simulator time)
     * @param notAfter end of validity (simulator time)
     * @return the certificate
     */
    public X509Certificate issueClient(KeyPair keys, String clientId, String subaccountId, String zone,
                                       Instant notBefore, Instant notAfter) {
        return new CertificateBuilder()
                .country("DE")
                .organization("SAP SE")
                .organizationalUnit("SAP Cloud Platform Clients")
                .organizationalUnit(subaccountId)
                .locality(zone)
                .commonName(clientId)
                .publicKey(keys.getPublic())
                .issuer(caCertificate, caKeys.getPrivate())
                .validity(notBefore, notAfter)
                .client()
                .build();
    }

    /**
     * A server TLS context for 127.0.0.1 / localhost that requests client certificates and accepts any
     * client certificate this CA signed; validity dates are checked by the token endpoint against the
     * simulator clock, not here against the wall clock, so that moving simulated time works.
     *
     * @return the context
     */
    public SSLContext serverContext() {
        try {
            KeyPair serverKeys = newKeyPair(2048);
            Instant now = Instant.now();
            X509Certificate server = new CertificateBuilder()
                    .commonName("localhost")
                    .organization("calm-sdk testkit")
                    .publicKey(serverKeys.getPublic())
                    .issuer(caCertificate, caKeys.getPrivate())
                    .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)))
                    .server(List.of("localhost"), List.of(InetAddress.getLoopbackAddress()))
                    .build();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", serverKeys.getPrivate(), NO_PASSWORD,
                    new X509Certificate[] {server, caCertificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), new TrustManager[] {new ClientCertificateTrust()}, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up the mutual-TLS endpoint", e);
        }
    }

    /**
     * A client TLS context that trusts this CA and presents the given certificate.
     *
     * @param chain client certificate chain, leaf first
     * @param key client private key
     * @return the context
     */
    public SSLContext clientContext(List<X509Certificate> chain, PrivateKey key) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), trustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot build a client TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Trust managers that trust this CA only.
     *
     * @return the trust managers
     */
    public TrustManager[] trustManagers() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("calm-sdk-simulator-ca", caCertificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts client certificates signed by this CA, whatever the wall-clock date. */
    private final class ClientCertificateTrust implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no client certificate");
            }
            try {
                chain[0].verify(caCertificate.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new CertificateException("client certificate not issued by the simulator CA", e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("server certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[] {caCertificate};
        }
    }
}
