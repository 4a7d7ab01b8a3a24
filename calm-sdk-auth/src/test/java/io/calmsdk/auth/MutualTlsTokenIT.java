package io.calmsdk.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.calmsdk.auth.internal.X509Identity;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.OAuthClientCredentials;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.testing.LogCapture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The X.509 path over real mutual TLS on loopback: WireMock serves HTTPS with a certificate of the test
 * CA (SAN localhost, 127.0.0.1, ::1) and requires a client certificate issued under the same CA.
 */
class MutualTlsTokenIT {

    private static final String TOKEN_PATH = "/oauth/token";
    private static final String CLIENT_ID = "sb-calm-x509!b1|calm!b2";

    private static WireMockServer mtlsServer;
    private static WireMockServer tlsServer;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void startServers() throws Exception {
        Path dir = Files.createTempDirectory("calm-sdk-auth-pki");
        dir.toFile().deleteOnExit();
        Path keyStore = TestPki.writeServerKeyStore(dir);
        Path trustStore = TestPki.writeClientCaTrustStore(dir);
        String password = new String(TestPki.PASSWORD);
        mtlsServer = new WireMockServer(wireMockConfig()
                .httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keyStore.toString()).keystorePassword(password).keyManagerPassword(password)
                .keystoreType("PKCS12")
                .needClientAuth(true)
                .trustStorePath(trustStore.toString()).trustStorePassword(password).trustStoreType("PKCS12"));
        mtlsServer.start();
        tlsServer = new WireMockServer(wireMockConfig()
                .httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keyStore.toString()).keystorePassword(password).keyManagerPassword(password)
                .keystoreType("PKCS12"));
        tlsServer.start();
        keyStore.toFile().deleteOnExit();
        trustStore.toFile().deleteOnExit();
    }

    @AfterAll
    static void stopServers() {
        mtlsServer.stop();
        tlsServer.stop();
    }

    @BeforeEach
    void stubTokens() {
        for (WireMockServer server : List.of(mtlsServer, tlsServer)) {
            server.resetAll();
            server.stubFor(post(urlEqualTo(TOKEN_PATH))
                    .willReturn(ClientCredentialsTokenProviderIT.tokenAnswer("mtls-token", 3600)));
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private ClientCredentialsTokenProvider provider(ClientCredentialsTokenProvider.Builder builder) {
        return provider(builder, java.time.Clock.systemUTC());
    }

    private ClientCredentialsTokenProvider provider(ClientCredentialsTokenProvider.Builder builder,
            java.time.Clock clock) {
        ClientCredentialsTokenProvider p = builder.options(ClientOptions.builder().sleeper(sleeper).clock(clock).build())
                .build();
        closeables.add(p);
        return p;
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static ServiceKey x509Key(String host, String certificateFile, String keyFile) {
        String certUrl = "https://" + host + ":" + mtlsServer.httpsPort();
        return ServiceKeys.calm().fromJson("{\"endpoints\":{\"Api\":\"https://t.eu10.alm.cloud.sap/api\"},\"uaa\":{"
                + "\"clientid\":" + jsonString(CLIENT_ID) + ",\"credential-type\":\"x509\","
                + "\"certificate\":" + jsonString(TestPki.pem(certificateFile)) + ","
                + "\"key\":" + jsonString(TestPki.pem(keyFile)) + ","
                + "\"url\":\"https://unused.authentication.example\",\"certurl\":\"" + certUrl + "\"}}");
    }

    private static int tokenRequests(WireMockServer server) {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo(TOKEN_PATH)).build()).getCount();
    }

    @ParameterizedTest
    @CsvSource({
        "client-rsa-chain.pem, client-rsa.pkcs8.key",
        "client-rsa-chain.pem, client-rsa.pkcs1.key",
        "client-ec-chain.pem, client-ec.pkcs8.key",
        "client-ec-chain.pem, client-ec.sec1.key"
    })
    void token_x509Key_fetchesATokenOverMutualTls(String certificate, String key) {
        ClientCredentialsTokenProvider provider = provider(ClientCredentialsTokenProvider.builder()
                .credentials(x509Key("localhost", certificate, key))
                .trustStore(TestPki.rootTrustStore()));

        AccessToken token = provider.token();

        assertThat(token.value().reveal()).isEqualTo("mtls-token");
        assertThat(provider.tokenUrl()).hasToString("https://localhost:" + mtlsServer.httpsPort() + TOKEN_PATH);
        mtlsServer.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Authorization", absent())
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=sb-calm-x509%21b1%7Ccalm%21b2")));
        assertThat(provider.toString()).contains("authentication=X509");
    }

    @Test
    void token_loopbackIpAddress_isCoveredByTheServerCertificate() {
        ClientCredentialsTokenProvider provider = provider(ClientCredentialsTokenProvider.builder()
                .credentials(x509Key("127.0.0.1", "client-rsa-chain.pem", "client-rsa.pkcs8.key"))
                .trustStore(TestPki.rootTrustStore()));

        assertThat(provider.token().value().reveal()).isEqualTo("mtls-token");
    }

    @Test
    void token_hostNotInTheServerCertificate_isRefusedBecauseHostnameVerificationStaysOn() {
        ClientCredentialsTokenProvider provider = provider(ClientCredentialsTokenProvider.builder()
                .credentials(x509Key("127.0.0.2", "client-rsa-chain.pem", "client-rsa.pkcs8.key"))
                .trustStore(TestPki.rootTrustStore()));

        assertThatThrownBy(provider::token)
                .isInstanceOf(TokenAcquisitionException.class)
                .hasMessageContaining("the token endpoint could not be reached")
                .hasMessageContaining("TLS handshake")
                .hasMessageContaining("check the trust store and, for X.509 keys, the client certificate")
                .satisfies(e -> assertThat(((TokenAcquisitionException) e).isTransient()).isFalse());
        assertThat(tokenRequests(mtlsServer)).isZero();
    }

    @Test
    void token_defaultJdkTrustStore_doesNotTrustTheTestServer() {
        ClientCredentialsTokenProvider provider = provider(ClientCredentialsTokenProvider.builder()
                .credentials(x509Key("localhost", "client-rsa-chain.pem", "client-rsa.pkcs8.key")));

        assertThatThrownBy(provider::token)
                .isInstanceOf(TokenAcquisitionException.class)
                .hasMessageContaining("TLS handshake");
        assertThat(tokenRequests(mtlsServer)).isZero();
    }

    @Test
    void token_clientCertificateNotIssuedByTheTrustedCa_isRefusedByTheServer() {
        OAuthClientCredentials untrusted = OAuthClientCredentials.builder()
                .clientId(CLIENT_ID)
                .certificate(TestPki.pem("untrusted-client.pem"))
                .privateKey(Secret.of(TestPki.pem("untrusted-client.key")))
                .certUrl(URI.create("https://localhost:" + mtlsServer.httpsPort()))
                .build();
        ClientCredentialsTokenProvider provider = provider(ClientCredentialsTokenProvider.builder()
                .credentials(untrusted)
                .trustStore(TestPki.rootTrustStore()));

        assertThatThrownBy(provider::token)
                .isInstanceOf(TokenAcquisitionException.class)
                .hasMessageContaining("could not be reached")
                .satisfies(e -> assertThat(((TokenAcquisitionException) e).status()).isEmpty());
        assertThat(tokenRequests(mtlsServer)).isZero();
    }

    @Test
    void token_clientSecretWithACustomTrustStore_worksOverServerOnlyTls() {
        ClientCredentialsTokenProvider provider = provider(ClientCredentialsTokenProvider.builder()
                .credentials(URI.create("https://localhost:" + tlsServer.httpsPort()), "client", Secret.of("s"))
                .trustStore(TestPki.rootTrustStore()));

        assertThat(provider.token().value().reveal()).isEqualTo("mtls-token");
        tlsServer.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Authorization", equalTo(
                "Basic Y2xpZW50OnM=")));
    }

    @Test
    void token_explicitSslContext_isUsedAsItIs() {
        X509Identity identity = X509Identity.parse(TestPki.pem("client-ec-chain.pem"),
                Secret.of(TestPki.pem("client-ec.pkcs8.key")), "certificate", "key");
        OAuthClientCredentials credentials = OAuthClientCredentials.builder()
                .clientId(CLIENT_ID)
                .certificate("ignored: the SSLContext decides")
                .privateKey(Secret.of("ignored"))
                .certUrl(URI.create("https://localhost:" + mtlsServer.httpsPort()))
                .build();
        ClientCredentialsTokenProvider provider = provider(ClientCredentialsTokenProvider.builder()
                .credentials(credentials)
                .sslContext(identity.sslContext(TestPki.rootTrustStore())));

        assertThat(provider.token().value().reveal()).isEqualTo("mtls-token");
    }

    @Test
    void build_brokenPrivateKey_failsNamingTheKeyField() {
        String brokenKey = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        String json = "{\"clientid\":\"sm\",\"certificate\":" + jsonString(TestPki.pem("client-rsa-chain.pem"))
                + ",\"key\":" + jsonString(brokenKey) + ",\"certurl\":\"https://localhost:1\",\"sm_url\":\"https://sm\"}";

        assertThatThrownBy(() -> ClientCredentialsTokenProvider.builder()
                .credentials(ServiceKeys.serviceManager().fromJson(json)).build())
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("key is not a well-formed PKCS#8 private key")
                .satisfies(e -> assertThat(((InvalidServiceKeyException) e).path()).isEqualTo("key"));
        assertThatThrownBy(() -> ClientCredentialsTokenProvider.builder()
                .credentials(x509Key("localhost", "client-rsa-chain.pem", "client-ec.pkcs8.key")).build())
                .isInstanceOf(InvalidServiceKeyException.class)
                .satisfies(e -> assertThat(((InvalidServiceKeyException) e).path()).isEqualTo("uaa.key"));
    }

    @Test
    void build_clientCertificateCloseToOrPastItsExpiry_warns() {
        ServiceKey key = x509Key("localhost", "client-rsa-chain.pem", "client-rsa.pkcs8.key");
        X509Identity identity = X509Identity.parse(TestPki.pem("client-rsa-chain.pem"),
                Secret.of(TestPki.pem("client-rsa.pkcs8.key")), "c", "k");

        try (LogCapture logs = LogCapture.start()) {
            provider(ClientCredentialsTokenProvider.builder().credentials(key),
                    new MutableClock(identity.notAfter().minus(java.time.Duration.ofDays(3))));
            provider(ClientCredentialsTokenProvider.builder().credentials(key),
                    new MutableClock(identity.notAfter().plusSeconds(1)));
            provider(ClientCredentialsTokenProvider.builder().credentials(key));

            assertThat(logs.events()).filteredOn(e -> e.getLevel() == Level.WARN)
                    .extracting(e -> e.getFormattedMessage())
                    .hasSize(2)
                    .anySatisfy(m -> assertThat(m).contains("expires at").contains("rotate the binding"))
                    .anySatisfy(m -> assertThat(m).contains("expired at").contains("create a new binding"));
        }
    }
}
