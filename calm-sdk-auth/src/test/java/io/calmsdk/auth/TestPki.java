package io.calmsdk.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The committed test PKI (src/test/resources/pki, see its README) and the stores the tests build from it
 * with the JDK only.
 */
final class TestPki {

    static final char[] PASSWORD = "changeit".toCharArray();

    private TestPki() {
    }

    static String pem(String name) {
        try (InputStream in = TestPki.class.getResourceAsStream("/pki/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /pki/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Certificate certificate(String name) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem(name).getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store holding the test root CA. */
    static KeyStore rootTrustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("calm-sdk-test-root", certificate("root-ca.pem"));
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's key store (server key + certificate + root), written as PKCS#12 for WireMock. */
    static Path writeServerKeyStore(Path dir) {
        try {
            String keyPem = pem("server.key");
            String base64 = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, PASSWORD,
                    new Certificate[] {certificate("server.pem"), certificate("root-ca.pem")});
            return write(ks, dir.resolve("server.p12"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's trust store for client certificates: the test root CA. */
    static Path writeClientCaTrustStore(Path dir) {
        return write(rootTrustStore(), dir.resolve("client-ca.p12"));
    }

    private static Path write(KeyStore ks, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD);
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
