package io.calmsdk.testkit.internal.x509;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds X.509 v3 certificates signed with SHA256withRSA, from the JDK's own key and signature classes
 * and {@link Der}: the simulator needs no Bouncy Castle. Not thread-safe; build one certificate per
 * builder.
 */
public final class CertificateBuilder {

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String CN = "2.5.4.3";
    private static final String C = "2.5.4.6";
    private static final String L = "2.5.4.7";
    private static final String O = "2.5.4.10";
    private static final String OU = "2.5.4.11";
    private static final String SUBJECT_KEY_ID = "2.5.29.14";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final String EXT_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<byte[]> subject = new ArrayList<>();
    private byte[] issuer;
    private PublicKey publicKey;
    private PrivateKey signingKey;
    private PublicKey issuerPublicKey;
    private Instant notBefore;
    private Instant notAfter;
    private boolean ca;
    private boolean serverAuth;
    private boolean clientAuth;
    private final List<String> dnsNames = new ArrayList<>();
    private final List<InetAddress> ipAddresses = new ArrayList<>();

    /**
     * Adds a common name to the subject.
     *
     * @param value the CN
     * @return this builder
     */
    public CertificateBuilder commonName(String value) {
        subject.add(rdn(CN, Der.utf8String(value)));
        return this;
    }

    /**
     * Adds an organisational unit to the subject.
     *
     * @param value the OU
     * @return this builder
     */
    public CertificateBuilder organizationalUnit(String value) {
        subject.add(rdn(OU, Der.utf8String(value)));
        return this;
    }

    /**
     * Adds an organisation to the subject.
     *
     * @param value the O
     * @return this builder
     */
    public CertificateBuilder organization(String value) {
        subject.add(rdn(O, Der.utf8String(value)));
        return this;
    }

    /**
     * Adds a locality to the subject.
     *
     * @param value the L
     * @return this builder
     */
    public CertificateBuilder locality(String value) {
        subject.add(rdn(L, Der.utf8String(value)));
        return this;
    }

    /**
     * Adds a country to the subject.
     *
     * @param value two-letter code
     * @return this builder
     */
    public CertificateBuilder country(String value) {
        subject.add(rdn(C, Der.printableString(value)));
        return this;
    }

    /**
     * The key the certificate certifies.
     *
     * @param key RSA public key
     * @return this builder
     */
    public CertificateBuilder publicKey(PublicKey key) {
        this.publicKey = key;
        return this;
    }

    /**
     * Signs with an issuer; without it the certificate is self-signed with {@link #selfSigned(PrivateKey)}.
     *
     * @param issuerCertificate the issuing CA certificate
     * @param issuerKey its private key
     * @return this builder
     */
    public CertificateBuilder issuer(X509Certificate issuerCertificate, PrivateKey issuerKey) {
        this.issuer = issuerCertificate.getSubjectX500Principal().getEncoded();
        this.issuerPublicKey = issuerCertificate.getPublicKey();
        this.signingKey = issuerKey;
        return this;
    }

    /**
     * Makes the certificate self-signed.
     *
     * @param privateKey the private key of {@link #publicKey(PublicKey)}
     * @return this builder
     */
    public CertificateBuilder selfSigned(PrivateKey privateKey) {
        this.signingKey = privateKey;
        this.issuer = null;
        this.issuerPublicKey = null;
        return this;
    }

    /**
     * The validity period (truncated to seconds).
     *
     * @param from not before
     * @param until not after
     * @return this builder
     */
    public CertificateBuilder validity(Instant from, Instant until) {
        this.notBefore = Instant.ofEpochSecond(from.getEpochSecond());
        this.notAfter = Instant.ofEpochSecond(until.getEpochSecond());
        return this;
    }

    /**
     * Makes it a CA certificate (basic constraints CA, key usage certificate and CRL signing).
     *
     * @return this builder
     */
    public CertificateBuilder certificateAuthority() {
        this.ca = true;
        return this;
    }

    /**
     * Allows TLS server use for the given names.
     *
     * @param dns DNS names
     * @param ips IP addresses
     * @return this builder
     */
    public CertificateBuilder server(List<String> dns, List<InetAddress> ips) {
        this.serverAuth = true;
        this.dnsNames.addAll(dns);
        this.ipAddresses.addAll(ips);
        return this;
    }

    /**
     * Allows TLS client use.
     *
     * @return this builder
     */
    public CertificateBuilder client() {
        this.clientAuth = true;
        return this;
    }

    /**
     * Encodes and signs the certificate, then parses it with the JDK to prove it is well-formed.
     *
     * @return the certificate
     */
    public X509Certificate build() {
        if (publicKey == null || signingKey == null || notBefore == null || subject.isEmpty()) {
            throw new IllegalStateException("subject, public key, signing key and validity are required");
        }
        byte[] subjectName = Der.sequence(subject.toArray(new byte[0][]));
        byte[] issuerName = issuer != null ? issuer : subjectName;
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(2)),
                Der.integer(new BigInteger(127, RANDOM).add(BigInteger.ONE)),
                algorithm,
                issuerName,
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                subjectName,
                publicKey.getEncoded(),
                Der.explicit(3, extensions()));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(signingKey);
            signer.update(tbs);
            byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a certificate", e);
        }
    }

    private byte[] extensions() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(extension(BASIC_CONSTRAINTS, true, ca ? Der.sequence(Der.bool(true)) : Der.sequence()));
        // Key usage bits: digitalSignature(0), keyEncipherment(2), keyCertSign(5), cRLSign(6).
        byte[] keyUsage = ca ? Der.bitString(new byte[] {(byte) 0x86}, 1) : Der.bitString(new byte[] {(byte) 0xa0}, 5);
        all.writeBytes(extension(KEY_USAGE, true, keyUsage));
        if (serverAuth || clientAuth) {
            List<byte[]> purposes = new ArrayList<>();
            if (serverAuth) {
                purposes.add(Der.oid(SERVER_AUTH));
            }
            if (clientAuth) {
                purposes.add(Der.oid(CLIENT_AUTH));
            }
            all.writeBytes(extension(EXT_KEY_USAGE, false, Der.sequence(purposes.toArray(new byte[0][]))));
        }
        if (!dnsNames.isEmpty() || !ipAddresses.isEmpty()) {
            List<byte[]> names = new ArrayList<>();
            dnsNames.forEach(d -> names.add(Der.implicitPrimitive(2, d.getBytes(StandardCharsets.US_ASCII))));
            ipAddresses.forEach(ip -> names.add(Der.implicitPrimitive(7, ip.getAddress())));
            all.writeBytes(extension(SUBJECT_ALT_NAME, false, Der.sequence(names.toArray(new byte[0][]))));
        }
        all.writeBytes(extension(SUBJECT_KEY_ID, false, Der.octetString(keyId(publicKey))));
        if (issuerPublicKey != null) {
            all.writeBytes(extension(AUTHORITY_KEY_ID, false,
                    Der.sequence(Der.implicitPrimitive(0, keyId(issuerPublicKey)))));
        }
        return Der.tlv(0x30, all.toByteArray());
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    private static byte[] keyId(PublicKey key) {
        // RFC 5280 allows any unique value; a SHA-1 over the encoded key info is stable and unique.
        try {
            return MessageDigest.getInstance("SHA-1").digest(key.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rdn(String oid, byte[] value) {
        return Der.set(Der.sequence(Der.oid(oid), value));
    }
}
