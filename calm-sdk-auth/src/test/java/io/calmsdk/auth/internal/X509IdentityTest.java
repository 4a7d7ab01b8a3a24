package io.calmsdk.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class X509IdentityTest {

    private static String pem(String name) {
        try (InputStream in = X509IdentityTest.class.getResourceAsStream("/pki/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Identity parse(String certificateFile, String keyPem) {
        return X509Identity.parse(pem(certificateFile), Secret.of(keyPem), "uaa.certificate", "uaa.key");
    }

    /** The Base64 body of a PEM file: the part that must never show in a message. */
    private static String keyBody(String pem) {
        return pem.lines().filter(l -> !l.startsWith("-----")).skip(1).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        "client-rsa-chain.pem, client-rsa.pkcs8.key, RSA",
        "client-rsa-chain.pem, client-rsa.pkcs1.key, RSA",
        "client-ec-chain.pem, client-ec.pkcs8.key, EC",
        "client-ec-chain.pem, client-ec.sec1.key, EC"
    })
    void parse_supportedKeyEncodings_readsChainAndMatchingKey(String certificate, String key, String algorithm) {
        X509Identity identity = parse(certificate, pem(key));

        assertThat(identity.chain()).hasSize(2);
        assertThat(identity.chain().get(0).getPublicKey().getAlgorithm()).isEqualTo(algorithm);
        assertThat(identity.subject()).contains("sb-calm-x509");
        assertThat(identity.notAfter()).isAfter(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(identity.sslContext(null)).isInstanceOf(SSLContext.class);
    }

    @Test
    void read_pkcs1AndPkcs8OfOneKey_giveTheSameKey() {
        assertThat(PrivateKeys.read(pem("client-rsa.pkcs1.key")).getEncoded())
                .isEqualTo(PrivateKeys.read(pem("client-rsa.pkcs8.key")).getEncoded());
    }

    @Test
    void read_sec1AndPkcs8OfOneKey_giveTheSameKey() {
        assertThat(((java.security.interfaces.ECPrivateKey) PrivateKeys.read(pem("client-ec.sec1.key"))).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) PrivateKeys.read(pem("client-ec.pkcs8.key"))).getS());
    }

    @Test
    void read_sec1WithoutCurveInKeyButWithParametersBlock_usesTheParametersBlock() {
        // Rebuild the SEC1 key without its [0] parameters: the curve must then come from EC PARAMETERS.
        String sec1Pem = pem("client-ec.sec1.key");
        java.util.List<Pem.Block> blocks = Pem.read(sec1Pem);
        Der.Tlv key = Der.readSingle(blocks.get(1).der);
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        for (Der.Tlv field : key.children()) {
            if (field.tag != Der.CONTEXT_0) {
                byte[] encoded = Der.encode(field.tag, field.content);
                content.write(encoded, 0, encoded.length);
            }
        }
        byte[] withoutCurve = Der.encode(Der.SEQUENCE, content.toByteArray());
        String parameters = "-----BEGIN EC PARAMETERS-----\n"
                + Base64.getEncoder().encodeToString(blocks.get(0).der) + "\n-----END EC PARAMETERS-----\n";
        String keyOnly = "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(withoutCurve)
                + "\n-----END EC PRIVATE KEY-----\n";

        assertThat(PrivateKeys.read(parameters + keyOnly).getEncoded())
                .isEqualTo(PrivateKeys.read(pem("client-ec.pkcs8.key")).getEncoded());
        assertThatThrownBy(() -> PrivateKeys.read(keyOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a named curve");
    }

    @Test
    void parse_pemWithLiteralBackslashNAndCrLf_isTolerated() {
        String escapedKey = pem("client-rsa.pkcs8.key").replace("\n", "\\n");
        String crlfChain = pem("client-rsa-chain.pem").replace("\n", "\r\n");

        X509Identity identity = X509Identity.parse(crlfChain, Secret.of(escapedKey), "certificate", "key");

        assertThat(identity.chain()).hasSize(2);
    }

    @Test
    void parse_pemBodyOnOneLine_isTolerated() {
        String oneLine = pem("client-ec.pkcs8.key").replace("\n", "");

        assertThat(parse("client-ec-chain.pem", oneLine).chain()).hasSize(2);
    }

    @Test
    void parse_keyOfAnotherCertificate_failsNamingBothFields() {
        String otherKey = pem("untrusted-client.key");

        assertThatThrownBy(() -> parse("client-rsa-chain.pem", otherKey))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("uaa.key does not match the first certificate of uaa.certificate")
                .hasMessageNotContaining(keyBody(otherKey))
                .satisfies(e -> assertThat(((InvalidServiceKeyException) e).path()).isEqualTo("uaa.key"));
    }

    @Test
    void parse_ecKeyForRsaCertificate_failsNamingTheAlgorithms() {
        assertThatThrownBy(() -> parse("client-rsa-chain.pem", pem("client-ec.pkcs8.key")))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("is an EC key but the first certificate of uaa.certificate holds an RSA public key");
    }

    @Test
    void parse_corruptedKeyBody_failsWithoutQuotingTheKey() {
        String key = pem("client-rsa.pkcs8.key");
        String body = keyBody(key);
        String corrupted = key.replace(body, body.substring(0, 10) + "*" + body.substring(11));

        assertThatThrownBy(() -> parse("client-rsa-chain.pem", corrupted))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("uaa.key")
                .hasMessageContaining("not valid Base64")
                .hasMessageNotContaining(body.substring(0, 10))
                .hasNoCause();
    }

    @Test
    void parse_truncatedKey_failsAsMalformed() {
        String truncated = "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> parse("client-rsa-chain.pem", truncated))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("uaa.key is not a well-formed PKCS#8 private key");
    }

    @Test
    void parse_encryptedKeys_areRefusedClearly() {
        String pkcs8Encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG\n"
                + "-----END ENCRYPTED PRIVATE KEY-----\n";
        String legacyEncrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";

        assertThatThrownBy(() -> parse("client-rsa-chain.pem", pkcs8Encrypted))
                .hasMessageContaining("encrypted private key");
        assertThatThrownBy(() -> parse("client-rsa-chain.pem", legacyEncrypted))
                .hasMessageContaining("encrypted private key");
    }

    @Test
    void parse_noPemAtAll_failsNamingTheField() {
        assertThatThrownBy(() -> parse("client-rsa-chain.pem", "not a key"))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("uaa.key holds no PEM block");
        assertThatThrownBy(() -> X509Identity.parse("no certificate here", Secret.of(pem("client-rsa.pkcs8.key")),
                "certificate", "key"))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("certificate holds no PEM certificate");
    }

    @Test
    void parse_certificatePemInKeyField_failsAsNoPrivateKey() {
        assertThatThrownBy(() -> parse("client-rsa-chain.pem", pem("root-ca.pem")))
                .hasMessageContaining("holds no private key block");
    }

    @Test
    void parse_garbageCertificate_failsNamingTheField() {
        String garbage = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> X509Identity.parse(garbage, Secret.of(pem("client-rsa.pkcs8.key")),
                "uaa.certificate", "uaa.key"))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("uaa.certificate holds a certificate that cannot be read");
    }

    @Test
    void read_unsupportedAlgorithm_isRefused() {
        // PKCS#8 with the DSA OID (1.2.840.10040.4.1)
        byte[] dsaOid = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x38, 0x04, 0x01};
        byte[] pkcs8 = Der.sequence(new byte[] {0x02, 0x01, 0x00}, Der.sequence(Der.encode(Der.OID, dsaOid)),
                Der.encode(Der.OCTET_STRING, new byte[] {0x02, 0x01, 0x01}));

        assertThatThrownBy(() -> PrivateKeys.fromPkcs8(pkcs8))
                .hasMessageContaining("unsupported key algorithm");
    }

    @Test
    void toString_namesCertificateNotKey() {
        String key = pem("client-rsa.pkcs8.key");
        X509Identity identity = parse("client-rsa-chain.pem", key);

        assertThat(identity.toString()).contains("sb-calm-x509-rsa").contains("chainLength=2")
                .doesNotContain(keyBody(key));
    }

    @Test
    void trustingContext_buildsAContextFromAStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);

        assertThat(X509Identity.trustingContext(store).getProtocol()).isEqualTo("TLS");
    }

    @Test
    void der_longLengths_roundTrip() {
        byte[] big = new byte[70_000];
        byte[] medium = new byte[300];
        byte[] small = new byte[200];

        assertThat(Der.readSingle(Der.encode(Der.OCTET_STRING, big)).content).hasSize(70_000);
        assertThat(Der.readSingle(Der.encode(Der.OCTET_STRING, medium)).content).hasSize(300);
        assertThat(Der.readSingle(Der.encode(Der.OCTET_STRING, small)).content).hasSize(200);
        assertThatThrownBy(() -> Der.readSingle(new byte[] {0x04, 0x05, 0x01}))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> Der.readSingle(new byte[] {0x04, 0x01, 0x01, 0x00}))
                .hasMessageContaining("trailing");
        assertThatThrownBy(() -> Der.readSingle(new byte[] {0x04, (byte) 0x85, 1, 1, 1, 1, 1}))
                .hasMessageContaining("unsupported DER length");
    }
}
