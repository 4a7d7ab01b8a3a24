package io.calmsdk.reliability.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.auth.TokenAcquisitionException;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.ListQuery;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.btp.ServiceManagerClient;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CredentialType;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.reliability.support.Fixture;
import io.calmsdk.reliability.support.ReliabilityReport;
import io.calmsdk.testkit.BtpSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transport security: plain {@code http://} only to loopback hosts; TLS host name verification on
 * everywhere (an HTTPS server whose certificate does not name the host is refused by every client, while
 * the same server with a certificate that does is accepted — so the name is the only difference); X.509
 * keys work over mutual TLS end to end.
 */
@ExtendWith(ReliabilityReport.class)
class TransportSecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static BtpSimulator sim;
    private static Fixture fx;
    private static TlsServer wrongName;
    private static TlsServer rightName;
    private static ServiceKey x509Key;
    private static ServiceKey otherX509Key;

    @BeforeAll
    static void start() throws Exception {
        // keytool runs in its own JVMs while the simulator provisions X.509 bindings.
        Process wrong = TlsServer.keytool(dir, "wrong", "dns:wrong.example");
        Process right = TlsServer.keytool(dir, "right", "ip:127.0.0.1,dns:localhost");
        sim = BtpSimulator.start();
        fx = new Fixture(sim);
        BindingRequest request = fx.request().instanceName("calm-x509").bindingName("x509-key")
                .credentialType(CredentialType.X509).build();
        try (CloudAlmProvisioner provisioner = fx.provisioner()) {
            ProvisioningResult result = provisioner.ensureBinding(request);
            x509Key = result.serviceKey();
            otherX509Key = provisioner.ensureBinding(request.toBuilder().bindingName("x509-other").build()).serviceKey();
        }
        wrongName = TlsServer.start(wrong, dir.resolve("wrong.p12"));
        rightName = TlsServer.start(right, dir.resolve("right.p12"));
    }

    @AfterAll
    static void stop() {
        wrongName.close();
        rightName.close();
        sim.close();
    }

    // ------------------------------------------------------------------ plain http

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://auth.example.com", "http://10.0.0.7:8080", "http://[2001:db8::1]",
        "http://localhost.example.com", "http://127.0.0.1.nip.io", "http://0.0.0.0:8080", "http://2130706433",
        "http://169.254.169.254"})
    void plainHttp_nonLoopbackHost_refusedByEveryEntryPointBeforeConnecting(String url) {
        sim.journal().clear();
        List<String> refusedBy = new ArrayList<>();

        refused(refusedBy, "Cloud ALM key uaa.url", "uaa.url",
                () -> ServiceKeys.calm().fromJson(calmKeyWith(k -> ((ObjectNode) k.get("uaa")).put("url", url))));
        refused(refusedBy, "Cloud ALM key endpoints.Api", "endpoints.Api",
                () -> ServiceKeys.calm().fromJson(calmKeyWith(k -> ((ObjectNode) k.get("endpoints")).put("Api", url + "/api"))));
        refused(refusedBy, "cis key entitlements_service_url", "entitlements_service_url",
                () -> ServiceKeys.cis().fromJson(keyWith(sim.cisCentralKey().tree(),
                        k -> ((ObjectNode) k.get("endpoints")).put("entitlements_service_url", url))));
        refused(refusedBy, "Service Manager key sm_url", "sm_url",
                () -> ServiceKeys.serviceManager().fromJson(keyWith(sim.serviceManagerKey().tree(),
                        k -> k.put("sm_url", url))));
        refused(refusedBy, "token provider URL", "url", () -> ClientCredentialsTokenProvider.builder()
                .credentials(URI.create(url), "client-id", Secret.of("secret-value-123")).build().token());
        refused(refusedBy, "Service Manager client endpoint", "", () -> {
            try (ServiceManagerClient sm = ServiceManagerClient.builder().credentials(fx.serviceManagerKey())
                    .endpoint(URI.create(url)).build()) {
                sm.listInstances(ListQuery.all()).stream().findFirst();
            }
        });
        refused(refusedBy, "Cloud ALM client endpoint", "", () -> {
            try (CloudAlmClient calm = CloudAlmClient.builder().endpoint(URI.create(url + "/api"))
                    .credentials(fx.serviceManagerKey().credentials()).build()) {
                calm.projects().list().stream().findFirst();
            }
        });

        assertThat(sim.journal().entries()).as("nothing reached even the token endpoint").isEmpty();
        ReliabilityReport.note(TransportSecurityIT.class, "http refused: " + url, "refused by " + refusedBy.size()
                + " entry points: " + refusedBy);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1", "http://127.10.20.30:1",
        "http://sim.localhost:1"})
    void plainHttp_loopbackHost_accepted(String url) {
        ServiceKey key = ServiceKeys.calm().fromJson(calmKeyWith(k -> {
            ((ObjectNode) k.get("uaa")).put("url", url);
            ((ObjectNode) k.get("endpoints")).put("Api", url + "/api");
        }));

        assertThat(key.apiEndpoint()).hasToString(url + "/api");
    }

    // ------------------------------------------------------------------ host name verification

    @Test
    void tokenProvider_secretKey_certificateForAnotherHost_refused_sameServerRightName_accepted() {
        Throwable refused = catchThrowable(() -> secretTokens(wrongName).token());
        AccessToken token = secretTokens(rightName).token();

        assertHostNameRefusal(refused, wrongName);
        assertThat(token.value().reveal()).isEqualTo("opaque-test-token-value");
        note("secret key token request", refused);
    }

    @Test
    void tokenProvider_x509Key_certificateForAnotherHost_refused_sameServerRightName_accepted() {
        Throwable refused = catchThrowable(() -> x509Tokens(wrongName).token());
        AccessToken token = x509Tokens(rightName).token();

        assertHostNameRefusal(refused, wrongName);
        assertThat(token.value().reveal()).isEqualTo("opaque-test-token-value");
        note("X.509 key token request (mutual TLS)", refused);
    }

    @Test
    void cloudAlmClient_apiCertificateForAnotherHost_refused_sameServerRightName_accepted() throws Exception {
        Throwable refused = catchThrowable(() -> {
            try (CloudAlmClient calm = calmClient(wrongName)) {
                calm.projects().list().stream().findFirst();
            }
        });
        try (CloudAlmClient calm = calmClient(rightName)) {
            assertThat(calm.projects().list().stream().count()).isZero();
        }

        assertHostNameRefusal(refused, wrongName);
        note("Cloud ALM API call", refused);
    }

    @Test
    void serviceManagerClient_certificateForAnotherHost_refused_sameServerRightName_accepted() throws Exception {
        Throwable refused = catchThrowable(() -> {
            try (ServiceManagerClient sm = smClient(wrongName)) {
                sm.listInstances(ListQuery.all()).stream().findFirst();
            }
        });
        try (ServiceManagerClient sm = smClient(rightName)) {
            assertThat(sm.listInstances(ListQuery.all()).stream().count()).isZero();
        }

        assertHostNameRefusal(refused, wrongName);
        note("Service Manager call", refused);
    }

    @Test
    void tokenProvider_defaultTrust_selfSignedServer_refused() {
        int before = rightName.answered();
        Throwable refused = catchThrowable(() -> {
            try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.builder()
                    .credentials(rightName.url(), "client-id", Secret.of("secret-value-123")).build()) {
                tokens.token();
            }
        });

        assertThat(refused).isInstanceOf(TokenAcquisitionException.class);
        assertThat(((TokenAcquisitionException) refused).isTransient()).as("a TLS refusal is not retried").isFalse();
        assertThat(causes(refused)).anyMatch(c -> c instanceof SSLException);
        assertThat(rightName.answered()).isEqualTo(before);
        Throwable root = causes(refused).get(causes(refused).size() - 1);
        ReliabilityReport.note(TransportSecurityIT.class, "default trust store, self-signed server", "refused ("
                + refused.getClass().getSimpleName() + " <- " + root.getClass().getSimpleName() + "), not retried");
    }

    @Test
    void sdkSources_neverTurnOffCertificateOrHostNameChecks() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> forbidden = List.of("disableHostnameVerification", "HostnameVerifier",
                "setEndpointIdentificationAlgorithm", "X509TrustManager", "X509ExtendedTrustManager", "TrustAll",
                "InsecureTrustManager", "SSLContext.getInstance(\"SSL\")", "TLSv1\"", "TLSv1.1\"");
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root)) {
            sources = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> root.relativize(p).toString().startsWith("calm-sdk-"))
                    .filter(p -> !root.relativize(p).toString().startsWith("calm-sdk-testkit"))
                    .collect(Collectors.toList());
        }
        List<String> hits = new ArrayList<>();
        for (Path p : sources) {
            String text = Files.readString(p);
            forbidden.stream().filter(text::contains).forEach(f -> hits.add(root.relativize(p) + ": " + f));
        }

        assertThat(sources).as("SDK sources found under %s", root).hasSizeGreaterThan(50);
        assertThat(hits).isEmpty();
        ReliabilityReport.note(TransportSecurityIT.class, "source scan", sources.size() + " SDK source files (testkit"
                + " excluded: its simulated CA is test infrastructure), " + forbidden.size() + " patterns, 0 hits");
    }

    // ------------------------------------------------------------------ mutual TLS end to end

    @Test
    void x509Key_mutualTlsTokenThenCloudAlmCall_works() {
        sim.journal().clear();
        try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.builder().credentials(x509Key)
                .trustStore(sim.tls().trustStore()).build();
             CloudAlmClient calm = CloudAlmClient.builder().credentials(x509Key).tokenProvider(tokens).build()) {
            AccessToken token = tokens.token();
            long projects = calm.projects().list().stream().count();

            assertThat(x509Key.uaa().isX509()).isTrue();
            assertThat(x509Key.uaa().clientSecret()).isEmpty();
            assertThat(tokens.tokenUrl().getScheme()).isEqualTo("https");
            assertThat(sim.verifyToken(token.value().reveal()).path("client_id").asText())
                    .isEqualTo(x509Key.uaa().clientId());
            assertThat(projects).isGreaterThanOrEqualTo(0);
            assertThat(sim.journal().count("GET", "/api/calm-projects/v1/projects")).isEqualTo(1);
        }
        ReliabilityReport.note(TransportSecurityIT.class, "mutual TLS", "X.509 binding -> token over mutual TLS"
                + " (certurl) -> Cloud ALM call: works");
    }

    @Test
    void x509Key_sameInstanceOtherBinding_certificatesBothWork_butNotForAnotherClientId() {
        // Bindings of one instance share its OAuth client: each binding's certificate gets a token for it.
        try (ClientCredentialsTokenProvider other = ClientCredentialsTokenProvider.builder().credentials(otherX509Key)
                .trustStore(sim.tls().trustStore()).build()) {
            assertThat(other.token().claims().clientId()).contains(x509Key.uaa().clientId());
        }
        ObjectNode mixed = (ObjectNode) readTree(x509Key.revealJson());
        Throwable refused = catchThrowable(() -> {
            ObjectNode uaa = (ObjectNode) mixed.get("uaa");
            uaa.put("clientid", "sb-somebody-else!b1|calm-api!b1234");
            try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.builder()
                    .credentials(ServiceKeys.calm().fromJson(mixed.toString())).trustStore(sim.tls().trustStore()).build()) {
                tokens.token();
            }
        });

        assertThat(refused).isInstanceOf(TokenAcquisitionException.class);
        assertThat(((TokenAcquisitionException) refused).status()).hasValue(401);
        assertThat(refused.getMessage()).contains("certificate");
    }

    // ------------------------------------------------------------------ helpers

    private static void refused(List<String> refusedBy, String what, String field, Runnable use) {
        Throwable t = catchThrowable(use::run);
        assertThat(t).as(what).isInstanceOfAny(ValidationException.class, InvalidServiceKeyException.class);
        String named = t instanceof ValidationException ? ((ValidationException) t).field()
                : ((InvalidServiceKeyException) t).path();
        assertThat(named).as("%s names the field: %s", what, t.getMessage()).endsWith(field);
        refusedBy.add(what + " (" + t.getClass().getSimpleName() + " " + named + ")");
    }

    private static void assertHostNameRefusal(Throwable refused, TlsServer server) {
        assertThat(refused).isInstanceOf(CalmException.class);
        assertThat(causes(refused)).as("caused by a certificate that does not name 127.0.0.1")
                .anyMatch(c -> c instanceof CertificateException && String.valueOf(c.getMessage()).contains("127.0.0.1"));
        assertThat(server.answered()).as("the handshake never completed").isZero();
    }

    private static void note(String what, Throwable refused) {
        Throwable root = causes(refused).get(causes(refused).size() - 1);
        ReliabilityReport.note(TransportSecurityIT.class, "host name: " + what, "refused ("
                + refused.getClass().getSimpleName() + " <- " + root.getClass().getSimpleName() + ": "
                + root.getMessage() + "); accepted with a certificate naming 127.0.0.1");
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private static ClientCredentialsTokenProvider secretTokens(TlsServer server) {
        return ClientCredentialsTokenProvider.builder()
                .credentials(server.url(), "client-id", Secret.of("secret-value-123"))
                .trustStore(server.trustStore()).build();
    }

    private static ClientCredentialsTokenProvider x509Tokens(TlsServer server) {
        ObjectNode key = (ObjectNode) readTree(x509Key.revealJson());
        ((ObjectNode) key.get("uaa")).put("certurl", server.url().toString());
        return ClientCredentialsTokenProvider.builder().credentials(ServiceKeys.calm().fromJson(key.toString()))
                .trustStore(server.trustStore()).build();
    }

    private static CloudAlmClient calmClient(TlsServer server) throws Exception {
        return CloudAlmClient.builder().endpoint(URI.create(server.url() + "/api"))
                .tokenProvider(secretTokens(rightName))
                .options(ClientOptions.builder().httpClient(HttpClient.newBuilder().sslContext(server.trustingContext()).build()).build()).build();
    }

    private static ServiceManagerClient smClient(TlsServer server) throws Exception {
        return ServiceManagerClient.builder().endpoint(server.url()).tokenProvider(secretTokens(rightName))
                .options(ClientOptions.builder().httpClient(HttpClient.newBuilder().sslContext(server.trustingContext()).build()).build()).build();
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String calmKeyWith(Consumer<ObjectNode> change) {
        return keyWith(sim.seed().cloudAlmKey("calm-api.projects.read").tree(), change);
    }

    private static String keyWith(ObjectNode key, Consumer<ObjectNode> change) {
        ObjectNode copy = key.deepCopy();
        change.accept(copy);
        try {
            return JSON.writeValueAsString(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
