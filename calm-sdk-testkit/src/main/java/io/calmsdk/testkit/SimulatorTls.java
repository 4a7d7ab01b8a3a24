package io.calmsdk.testkit;

import io.calmsdk.testkit.internal.world.TlsSupport;
import io.calmsdk.testkit.internal.x509.Pem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The simulator's certificate authority and mutual-TLS token endpoint ({@code uaa.certurl} of X.509
 * keys), and the trust material for them and for XSUAA over HTTPS ({@link SimulatorBuilder#xsuaaTls}). The
 * endpoint starts on first use. A client must trust {@link #caCertificate()} to reach it. Thread-safe.
 */
public final class SimulatorTls {

    private final TlsSupport support;

    SimulatorTls(TlsSupport support) {
        this.support = support;
    }

    /** @return the CA certificate that signed the endpoint's server certificate and every client certificate */
    public X509Certificate caCertificate() {
        return support.authority().certificate();
    }

    /** @return the CA certificate as PEM */
    public String caCertificatePem() {
        return Pem.certificate(caCertificate());
    }

    /**
     * A trust store holding the CA certificate, for clients that configure trust with a {@link KeyStore}.
     *
     * @return a PKCS #12 key store without password
     */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("calm-sdk-simulator-ca", caCertificate());
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }

    /**
     * Writes {@link #trustStore()} to a PKCS #12 file, for clients that take their trust from the JVM's
     * {@code javax.net.ssl.trustStore} properties (SAP's token client and token validators do): set
     * {@code javax.net.ssl.trustStore} to the file, {@code javax.net.ssl.trustStorePassword} to the password
     * and {@code javax.net.ssl.trustStoreType} to {@code PKCS12} before they build their HTTP clients.
     *
     * @param file where to write; replaced when it exists
     * @param password the store's password
     * @return the file
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public Path writeTrustStore(Path file, char[] password) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password");
        try (OutputStream out = Files.newOutputStream(file)) {
            trustStore().store(out, password);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trust store to " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store", e);
        }
    }

    /** @return the base URL of the mutual-TLS token endpoint ({@code uaa.certurl}); starts it if needed */
    public URI certUrl() {
        return support.certUrl();
    }

    /**
     * A client TLS context that presents the certificate and key of an X.509 key and trusts the CA.
     *
     * @param certificatePem {@code uaa.certificate}: PEM chain, leaf first
     * @param privateKeyPem {@code uaa.key}: PKCS #8 or PKCS #1 PEM
     * @return the context
     * @throws IllegalArgumentException when the PEM text cannot be read
     */
    public SSLContext clientContext(String certificatePem, String privateKeyPem) {
        List<X509Certificate> chain = Pem.readCertificates(certificatePem);
        return support.authority().clientContext(chain, Pem.readPrivateKey(privateKeyPem));
    }
}
