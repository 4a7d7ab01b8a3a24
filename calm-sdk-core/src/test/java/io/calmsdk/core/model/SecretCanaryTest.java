package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.Secret;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.testing.LogCapture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unique canary secrets in every credential-bearing type never show in toString(), exception
 * messages, Jackson default serialization or logs at TRACE.
 */
class SecretCanaryTest {

    private static final String SECRET = "CANARY-client-secret-7c1e";
    private static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nCANARY-private-key-91ab\n-----END PRIVATE KEY-----";
    private static final String CANARY = "CANARY";

    @TempDir
    Path dir;

    private static String calmKey(String secret) {
        return "{\"endpoints\":{\"Api\":\"https://t.eu10.alm.cloud.sap/api\"},\"uaa\":{\"clientid\":\"sb-c\","
                + "\"clientsecret\":\"" + secret + "\",\"url\":\"https://s.authentication.eu10.hana.ondemand.com\","
                + "\"password\":\"CANARY-unknown-password-55\",\"nested\":{\"token\":\"CANARY-nested-token-66\"}}}";
    }

    private static String x509Key() {
        return "{\"endpoints\":{\"Api\":\"https://t.eu10.alm.cloud.sap/api\"},\"uaa\":{\"clientid\":\"sb-c\","
                + "\"certificate\":\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\","
                + "\"key\":\"" + PRIVATE_KEY.replace("\n", "\\n") + "\",\"certurl\":\"https://s.authentication.cert.eu10.hana.ondemand.com\","
                + "\"url\":\"https://s.authentication.eu10.hana.ondemand.com\"}}";
    }

    private static String cisKey() {
        return "{\"endpoints\":{\"entitlements_service_url\":\"https://e.example\",\"accounts_service_url\":\"https://a.example\"},"
                + "\"grant_type\":\"client_credentials\",\"uaa\":{\"clientid\":\"c\",\"clientsecret\":\"" + SECRET + "\","
                + "\"url\":\"https://s.authentication.eu10.hana.ondemand.com\"}}";
    }

    private static String smKey() {
        return "{\"clientid\":\"c\",\"clientsecret\":\"" + SECRET + "\",\"sm_url\":\"https://sm.example\","
                + "\"url\":\"https://s.authentication.eu10.hana.ondemand.com\",\"xsappname\":\"x\"}";
    }

    private static List<Object> allCredentialBearingValues() throws Exception {
        List<Object> values = new ArrayList<>();
        values.add(Secret.of(SECRET));
        values.add(ServiceKeys.calm().fromJson(calmKey(SECRET)));
        values.add(ServiceKeys.calm().fromJson(x509Key()));
        values.add(ServiceKeys.cis().fromJson(cisKey()));
        values.add(ServiceKeys.serviceManager().fromJson(smKey()));
        values.add(OAuthClientCredentials.builder().clientId("c").clientSecret(Secret.of(SECRET))
                .url(URI.create("https://a.example")).build());
        values.add(OAuthClientCredentials.builder().clientId("c").certificate("C").privateKey(Secret.of(PRIVATE_KEY))
                .certUrl(URI.create("https://a.example")).build());
        values.add(ServiceKeys.calm().fromJson(calmKey(SECRET)).uaa());
        ServiceBinding binding = Json.mapper().readValue("{\"id\":\"b\",\"name\":\"n\",\"credentials\":" + calmKey(SECRET) + "}",
                ServiceBinding.class);
        values.add(binding);
        values.add(binding.credentials().orElseThrow());
        values.add(Json.mapper().readValue("{\"id\":\"b\",\"name\":\"n\",\"credentials\":" + x509Key() + "}", ServiceBinding.class));
        return values;
    }

    @Test
    void toString_ofEveryCredentialBearingType_hidesCanaries() throws Exception {
        for (Object value : allCredentialBearingValues()) {
            assertThat(value.toString()).as(value.getClass().getSimpleName()).doesNotContain(CANARY);
        }
    }

    @Test
    void jacksonDefaultSerialization_ofEveryCredentialBearingType_hidesCanaries() throws Exception {
        ObjectMapper usersOwnMapper = new ObjectMapper();
        for (Object value : allCredentialBearingValues()) {
            assertThat(Json.mapper().writeValueAsString(value)).as(value.getClass().getSimpleName()).doesNotContain(CANARY);
            assertThat(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("v", value)))
                    .doesNotContain(CANARY);
            assertThat(usersOwnMapper.writeValueAsString(value)).as(value.getClass().getSimpleName()).doesNotContain(CANARY);
        }
    }

    @Test
    void revealJson_isTheExplicitWayToGetSecrets() throws Exception {
        ServiceKey key = ServiceKeys.calm().fromJson(calmKey(SECRET));
        assertThat(key.revealJson()).contains(SECRET, "CANARY-unknown-password-55");
        assertThat(ServiceKeys.cis().fromJson(cisKey()).revealJson()).contains(SECRET);
        assertThat(ServiceKeys.serviceManager().fromJson(smKey()).revealJson()).contains(SECRET);
    }

    @Test
    void parsingBrokenKeys_exceptionMessagesHideCanaries() {
        List<Supplier<Object>> broken = List.of(
                () -> ServiceKeys.calm().fromJson(calmKey(SECRET).replace("\"clientid\":\"sb-c\",", "")),
                () -> ServiceKeys.calm().fromJson(calmKey(SECRET).replace("https://t.eu10", "http://t.eu10")),
                () -> ServiceKeys.calm().fromJson(calmKey(SECRET).replace("\"" + SECRET + "\"", SECRET)),
                () -> ServiceKeys.calm().fromJson(calmKey(SECRET).substring(0, calmKey(SECRET).indexOf(SECRET) + 12)),
                () -> ServiceKeys.calm().fromJson(calmKey(SECRET).replace("https://s.authentication.eu10.hana.ondemand.com", SECRET)),
                () -> ServiceKeys.calm().fromJson(calmKey(SECRET).replace("https://t.eu10.alm.cloud.sap/api", "http://" + SECRET + ".example/api")),
                () -> ServiceKeys.calm().fromJson(calmKey(SECRET).replace("\"clientid\":\"sb-c\"", "\"clientid\":[\"" + SECRET + "\"]")),
                () -> ServiceKeys.calm().fromJson(x509Key().replace("\"certificate\"", "\"certificate_x\"")),
                () -> ServiceKeys.calm().fromJson("Getting key as " + SECRET + "\n{\"uaa\": " + SECRET + "}"),
                () -> ServiceKeys.cis().fromJson(cisKey().replace("entitlements_service_url", "x")),
                () -> ServiceKeys.cis().fromJson(cisKey().replace("https://e.example", SECRET)),
                () -> ServiceKeys.serviceManager().fromJson(smKey().replace("sm_url", "x")),
                () -> ServiceKeys.serviceManager().fromJson(smKey().replace("\"c\"", "\"\"")),
                () -> ServiceKeys.calm().fromVcapServices(Map.of("VCAP_SERVICES", "{\"SAPCloudALMAPIs\":[{\"name\":\"a\",\"credentials\":"
                        + calmKey(SECRET).replace("endpoints", "e") + "}]}")),
                () -> ServiceKeys.calm().fromEnvironment("K", Map.of("K", "[\"" + SECRET + "\"]")),
                () -> ServiceBinding.Credentials.fromJson("{\"a\": " + SECRET + "}").asServiceKey(),
                () -> ServiceBinding.Credentials.fromJson(calmKey(SECRET).replace("endpoints", "x")).asServiceKey(),
                () -> XsSecurityParams.fromJson("{\"xs-security\": " + SECRET + "}"));
        for (Supplier<Object> attempt : broken) {
            Throwable thrown = null;
            try {
                attempt.get();
            } catch (RuntimeException e) {
                thrown = e;
            }
            assertThat(thrown).isNotNull();
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(CANARY);
                assertThat(t.toString()).doesNotContain(CANARY);
            }
        }
    }

    @Test
    void logsAtTrace_neverContainCanaries() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            allCredentialBearingValues();
            Path shared = dir.resolve("shared.json");
            Files.writeString(shared, calmKey(SECRET));
            if (shared.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-rw-"));
            }
            ServiceKey key = ServiceKeys.calm().fromFile(shared);
            ServiceKeys.write(dir.resolve("written.json"), key);
            ServiceKeys.write(dir.resolve("cis.json"), ServiceKeys.cis().fromJson(cisKey()));
            ServiceKeys.write(dir.resolve("sm.json"), ServiceKeys.serviceManager().fromJson(smKey()));
            ServiceKeys.calm().fromFile(dir.resolve("written.json"));
            try {
                ServiceKeys.write(dir.resolve("missing").resolve("k.json"), key);
            } catch (RuntimeException expected) {
                // only the log output matters here
            }
            assertThat(logs.events()).isNotEmpty();
            assertThat(logs.text()).doesNotContain(CANARY);
        }
    }

    @Test
    void rawJsonMasking_coversUnknownSecretLikeFields() throws Exception {
        ServiceKey key = ServiceKeys.calm().fromJson(calmKey(SECRET));
        ObjectNode masked = Json.mapper().valueToTree(key);
        assertThat(masked.at("/uaa/password").asText()).isEqualTo("***");
        assertThat(masked.at("/uaa/nested/token").asText()).isEqualTo("***");
        assertThat(masked.at("/uaa/clientid").asText()).isEqualTo("sb-c");
        assertThat(SecretMasking.isSecretName("credential-type")).isFalse();
        assertThat(SecretMasking.isSecretName("client_secret")).isTrue();
        assertThat(SecretMasking.isSecretName("apiKey")).isTrue();
        assertThat(SecretMasking.isSecretName("refresh_token")).isTrue();
    }
}
