package io.calmsdk.testkit.internal.x509;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes and reads the PEM forms the credentials use. */
public final class Pem {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

    private Pem() {
    }

    /**
     * Wraps DER in a PEM block with 64-character lines.
     *
     * @param type block type, e.g. {@code CERTIFICATE}
     * @param der content
     * @return the block, ending with a newline
     */
    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /**
     * PEM of a certificate.
     *
     * @param certificate the certificate
     * @return the PEM block
     */
    public static String certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * PEM of an RSA private key as PKCS #8 ({@code PRIVATE KEY}).
     *
     * @param key the key
     * @return the PEM block
     */
    public static String pkcs8(PrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded());
    }

    /**
     * PEM of an RSA private key as PKCS #1 ({@code RSA PRIVATE KEY}).
     *
     * @param key the key
     * @return the PEM block
     */
    public static String pkcs1(RSAPrivateCrtKey key) {
        byte[] der = Der.sequence(
                Der.integer(0),
                Der.integer(key.getModulus()),
                Der.integer(key.getPublicExponent()),
                Der.integer(key.getPrivateExponent()),
                Der.integer(key.getPrimeP()),
                Der.integer(key.getPrimeQ()),
                Der.integer(key.getPrimeExponentP()),
                Der.integer(key.getPrimeExponentQ()),
                Der.integer(key.getCrtCoefficient()));
        return encode("RSA PRIVATE KEY", der);
    }

    /**
     * Reads every certificate of a PEM chain.
     *
     * @param pem one or more {@code CERTIFICATE} blocks
     * @return the certificates, leaf first as written
     */
    public static List<X509Certificate> readCertificates(String pem) {
        List<X509Certificate> result = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Matcher m = BLOCK.matcher(pem);
            while (m.find()) {
                if (m.group(1).equals("CERTIFICATE")) {
                    byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                    result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate chain", e);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no CERTIFICATE block found");
        }
        return result;
    }

    /**
     * Reads an RSA private key from a PKCS #8 or PKCS #1 PEM block.
     *
     * @param pem the key block
     * @return the key
     */
    public static PrivateKey readPrivateKey(String pem) {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("no PEM key block found");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        if (m.group(1).equals("RSA PRIVATE KEY")) {
            // Wrap PKCS #1 into a PKCS #8 PrivateKeyInfo, which is what the JDK reads.
            der = Der.sequence(Der.integer(0), Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue()),
                    Der.octetString(der));
        } else if (!m.group(1).equals("PRIVATE KEY")) {
            throw new IllegalArgumentException("unsupported key block " + m.group(1));
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key", e);
        }
    }
}
