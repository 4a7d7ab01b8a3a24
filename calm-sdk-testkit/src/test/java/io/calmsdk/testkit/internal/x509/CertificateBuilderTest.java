package io.calmsdk.testkit.internal.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateBuilderTest {

    private static CertificateAuthority ca;
    private static KeyPair clientKeys;

    @BeforeAll
    static void createAuthority() {
        ca = new CertificateAuthority();
        clientKeys = CertificateAuthority.newKeyPair(2048);
    }

    @Test
    void certificateAuthority_selfSigned_isAV3CaThatVerifiesItself() throws Exception {
        X509Certificate cert = ca.certificate();

        cert.verify(cert.getPublicKey());
        assertThat(cert.getVersion()).isEqualTo(3);
        assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=calm-sdk BTP simulator CA");
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
    }

    @Test
    void issueClient_signedByCa_carriesSubjectValidityAndClientAuth() throws Exception {
        Instant from = Instant.parse("2030-01-01T00:00:00Z");
        X509Certificate cert = ca.issueClient(clientKeys, "sb-client!b1|calm-api!b2", "sub-guid", "zone",
                from, from.plus(Duration.ofDays(7)));

        cert.verify(ca.certificate().getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName())
                .contains("CN=sb-client!b1|calm-api!b2", "OU=sub-guid", "L=zone", "O=SAP SE", "C=DE");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(from);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(from.plus(Duration.ofDays(7)));
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getPublicKey()).isEqualTo(clientKeys.getPublic());
    }

    @Test
    void build_afterYear2049_usesGeneralizedTime() {
        Instant from = Instant.parse("2049-06-01T00:00:00Z");
        X509Certificate cert = ca.issueClient(clientKeys, "c", "s", "z", from, Instant.parse("2051-01-01T00:00:00Z"));

        assertThat(cert.getNotAfter().toInstant()).isEqualTo(Instant.parse("2051-01-01T00:00:00Z"));
    }

    @Test
    void build_withoutKeys_failsNamingWhatIsMissing() {
        assertThatThrownBy(() -> new CertificateBuilder().commonName("x").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("public key");
    }

    @Test
    void pem_pkcs1AndPkcs8_readBackToTheSameKey() throws Exception {
        PrivateKey fromPkcs8 = Pem.readPrivateKey(Pem.pkcs8(clientKeys.getPrivate()));
        PrivateKey fromPkcs1 = Pem.readPrivateKey(Pem.pkcs1((RSAPrivateCrtKey) clientKeys.getPrivate()));

        assertThat(Pem.pkcs1((RSAPrivateCrtKey) clientKeys.getPrivate())).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        for (PrivateKey key : List.of(fromPkcs8, fromPkcs1)) {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(new byte[] {1, 2, 3});
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(clientKeys.getPublic());
            verifier.update(new byte[] {1, 2, 3});
            assertThat(verifier.verify(signer.sign())).isTrue();
        }
    }

    @Test
    void pem_certificateChain_readsBothCertificates() {
        X509Certificate leaf = ca.issueClient(clientKeys, "c", "s", "z", Instant.now(), Instant.now().plusSeconds(60));
        String chain = Pem.certificate(leaf) + Pem.certificate(ca.certificate());

        assertThat(Pem.readCertificates(chain)).containsExactly(leaf, ca.certificate());
    }

    @Test
    void pem_garbage_isRejected() {
        assertThatThrownBy(() -> Pem.readCertificates("not pem")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no CERTIFICATE block");
        assertThatThrownBy(() -> Pem.readPrivateKey("nothing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no PEM key block");
    }

    @Test
    void der_longLengthsAndLargeOidArcs_encodeCorrectly() {
        assertThat(Der.tlv(0x04, new byte[200])).startsWith((byte) 0x04, (byte) 0x81, (byte) 200);
        assertThat(Der.tlv(0x04, new byte[300])).startsWith((byte) 0x04, (byte) 0x82, (byte) 0x01, (byte) 0x2c);
        assertThat(HexFormat.of().formatHex(Der.oid("1.2.840.113549.1.1.11"))).isEqualTo("06092a864886f70d01010b");
        assertThat(HexFormat.of().formatHex(Der.integer(128))).isEqualTo("02020080");
    }
}
