package io.calmsdk.auth.internal;

import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client identity of an X.509 service key: the certificate chain and the private key, read from
 * the key's PEM {@code certificate} and {@code key} fields with the JDK only, checked to belong
 * together, and turned into an {@link SSLContext} for mutual TLS. Immutable and thread-safe;
 * {@link #toString()} names the certificate, never the key.
 */
public final class X509Identity {

    /** In-memory key store only: the password protects nothing, the KeyManagerFactory API just needs one. */
    private static final char[] IN_MEMORY_PASSWORD = "calm-sdk".toCharArray();

    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;

    private X509Identity(List<X509Certificate> chain, PrivateKey privateKey) {
        this.chain = List.copyOf(chain);
        this.privateKey = privateKey;
    }

    /**
     * Reads and checks the identity.
     *
     * @param certificatePem the PEM certificate, optionally followed by its chain (leaf first)
     * @param privateKeyPem the PEM private key: RSA or EC, PKCS#8, PKCS#1 or SEC1, unencrypted
     * @param certificatePath the key field the certificate came from, e.g. {@code uaa.certificate}, for messages
     * @param keyPath the key field the private key came from, e.g. {@code uaa.key}, for messages
     * @return the identity
     * @throws InvalidServiceKeyException naming the field when the certificate or key cannot be read or
     *     do not belong together; the message never contains key material
     */
    public static X509Identity parse(String certificatePem, Secret privateKeyPem, String certificatePath,
            String keyPath) {
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        List<X509Certificate> chain = readCertificates(certificatePem, certificatePath);
        PrivateKey key;
        try {
            key = PrivateKeys.read(privateKeyPem.reveal());
        } catch (IllegalArgumentException e) {
            // No cause attached: the underlying exceptions could describe key material.
            throw new InvalidServiceKeyException(keyPath, keyPath + " " + e.getMessage());
        }
        checkKeyMatches(chain.get(0), key, certificatePath, keyPath);
        return new X509Identity(chain, key);
    }

    private static List<X509Certificate> readCertificates(String pem, String path) {
        List<Pem.Block> blocks;
        try {
            blocks = Pem.read(pem);
        } catch (IllegalArgumentException e) {
            throw new InvalidServiceKeyException(path, path + ": " + e.getMessage());
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Pem.Block block : blocks) {
                if (block.label.equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der)));
                }
            }
        } catch (CertificateException e) {
            throw new InvalidServiceKeyException(path, path + " holds a certificate that cannot be read ("
                    + e.getMessage() + ")", e);
        }
        if (chain.isEmpty()) {
            throw new InvalidServiceKeyException(path, path + " holds no PEM certificate (expected"
                    + " -----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /**
     * A mismatched pair would otherwise surface as an obscure handshake failure: prove the key signs
     * what the certificate's public key verifies.
     */
    private static void checkKeyMatches(X509Certificate leaf, PrivateKey key, String certificatePath, String keyPath) {
        PublicKey publicKey = leaf.getPublicKey();
        String keyAlgorithm = key.getAlgorithm();
        String certAlgorithm = publicKey.getAlgorithm();
        if (!keyAlgorithm.equals(certAlgorithm)) {
            throw new InvalidServiceKeyException(keyPath, keyPath + " is an " + keyAlgorithm + " key but the first"
                    + " certificate of " + certificatePath + " holds an " + certAlgorithm + " public key: they must"
                    + " belong to the same binding");
        }
        String signatureAlgorithm;
        switch (keyAlgorithm) {
            case "RSA":
                signatureAlgorithm = "SHA256withRSA";
                break;
            case "EC":
                signatureAlgorithm = "SHA256withECDSA";
                break;
            default:
                return;  // other algorithms: leave the proof to the handshake
        }
        try {
            byte[] probe = "calm-sdk key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(signatureAlgorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // fall through to the mismatch message: the pair is unusable either way
        }
        throw new InvalidServiceKeyException(keyPath, keyPath + " does not match the first certificate of "
                + certificatePath + " (" + leaf.getSubjectX500Principal().getName() + "): they must belong to the"
                + " same binding");
    }

    /**
     * The certificate chain, leaf first.
     *
     * @return the chain, at least one certificate
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * When the client certificate stops being valid.
     *
     * @return the leaf certificate's notAfter
     */
    public Instant notAfter() {
        return chain.get(0).getNotAfter().toInstant();
    }

    /**
     * The client certificate's subject, for messages.
     *
     * @return the RFC 2253 subject name
     */
    public String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /**
     * Builds a TLS context that presents this identity as the client certificate.
     *
     * @param trustStore the CA certificates to trust for the server, or {@code null} for the JDK's
     *     default trust store
     * @return a new TLS context
     * @throws IllegalStateException if the JDK cannot build it (a broken JDK security setup)
     */
    public SSLContext sslContext(KeyStore trustStore) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("client", privateKey, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, IN_MEMORY_PASSWORD);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not build the mutual-TLS context for client certificate "
                    + subject() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Builds a TLS context that trusts the given store and presents no client certificate.
     *
     * @param trustStore the CA certificates to trust for the server
     * @return a new TLS context
     * @throws IllegalStateException if the JDK cannot build it
     */
    public static SSLContext trustingContext(KeyStore trustStore) {
        Objects.requireNonNull(trustStore, "trustStore");
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not build a TLS context from the trust store ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * The certificate's subject and expiry; never the private key.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "X509Identity{subject=" + subject() + ", notAfter=" + notAfter() + ", chainLength=" + chain.size() + "}";
    }
}
