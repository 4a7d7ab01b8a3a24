package io.calmsdk.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CredentialType;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import io.calmsdk.reliability.support.Fixture;
import io.calmsdk.reliability.support.ReliabilityReport;
import io.calmsdk.testkit.BtpSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is refused before anything is sent: every row of the table must end in a
 * {@link ValidationException} or {@link InvalidServiceKeyException} that names the field (or JSON path),
 * and the simulator's journal must stay empty — not one request, not even for a token.
 */
@ExtendWith(ReliabilityReport.class)
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEN_MB = "a".repeat(10 * 1024 * 1024);
    private static final String GUID = BtpSimulator.DEFAULT_SUBACCOUNT_ID;

    private static BtpSimulator sim;
    private static Fixture fx;
    private static String calmKey;
    private static String cisKey;
    private static String smKey;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sim = BtpSimulator.start();
        fx = new Fixture(sim);
        calmKey = sim.seed().cloudAlmKey("calm-api.projects.read").json();
        cisKey = sim.cisCentralKey().json();
        smKey = sim.serviceManagerKey().json();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /**
     * A row: what is wrong, how it is used, and the field the refusal must name. A row with a
     * {@code limitation} is a known gap (RELIABILITY.md): the input is not refused before sending, and
     * the row asserts exactly that, so that fixing the gap turns the row red until it is moved back.
     */
    record Row(String what, Runnable use, String field, String limitation) {
        Row(String what, Runnable use, String field) {
            this(what, use, field, null);
        }

        Row knownLimitation(String why) {
            return new Row(what, use, field, why);
        }

        @Override
        public String toString() {
            return what;
        }
    }

    // ------------------------------------------------------------------ the request

    private static Row request(String what, UnaryOperator<BindingRequest.Builder> change, String field) {
        return new Row("request " + what, () -> {
            try (CloudAlmProvisioner provisioner = fx.provisioner()) {
                provisioner.ensureBinding(change.apply(fx.request()).build());
            }
        }, field);
    }

    static Stream<Row> requests() {
        return Stream.of(
                request("subaccountId missing", b -> b.subaccountId(null), "subaccountId"),
                request("subaccountId empty", b -> b.subaccountId(""), "subaccountId"),
                request("subaccountId blank", b -> b.subaccountId("   "), "subaccountId"),
                request("subaccountId not a GUID", b -> b.subaccountId("my-subaccount"), "subaccountId"),
                request("subaccountId truncated GUID", b -> b.subaccountId(GUID.substring(0, 23)), "subaccountId"),
                request("subaccountId with a path", b -> b.subaccountId(GUID + "/../other"), "subaccountId"),
                request("subaccountId with a line break", b -> b.subaccountId(GUID + "\nX-Evil: 1"), "subaccountId"),
                request("subaccountId 10 MB", b -> b.subaccountId(TEN_MB), "subaccountId"),
                request("subaccountId with a query", b -> b.subaccountId(GUID + "?x=1"), "subaccountId"),
                request("instanceName missing", b -> b.instanceName(null), "instanceName"),
                request("instanceName empty", b -> b.instanceName(""), "instanceName"),
                request("instanceName 33 characters", b -> b.instanceName("a".repeat(33)), "instanceName"),
                request("instanceName with a space", b -> b.instanceName("calm api"), "instanceName"),
                request("instanceName with a slash", b -> b.instanceName("calm/api"), "instanceName"),
                request("instanceName with a quote", b -> b.instanceName("calm'api"), "instanceName"),
                request("instanceName non-ASCII", b -> b.instanceName("c\u00e4lm"), "instanceName"),
                request("instanceName NUL character", b -> b.instanceName("calm\u0000"), "instanceName"),
                request("instanceName 10 MB", b -> b.instanceName(TEN_MB), "instanceName"),
                request("bindingName missing", b -> b.bindingName(null), "bindingName"),
                request("bindingName empty", b -> b.bindingName(""), "bindingName"),
                request("bindingName auto-created pattern", b -> b.bindingName("ABC_001_12"), "bindingName"),
                request("bindingName 101 characters", b -> b.bindingName("k".repeat(101)), "bindingName"),
                request("bindingName with a line break", b -> b.bindingName("key\nX-Evil: 1"), "bindingName"),
                request("bindingName 10 MB", b -> b.bindingName(TEN_MB), "bindingName"),
                request("scopes none", b -> BindingRequest.builder().subaccountId(GUID).instanceName("calm-api")
                        .bindingName("calm-api-key"), "scopes"),
                request("scope empty", b -> b.scopes(""), "authorities"),
                request("scope with empty segment", b -> b.scopes("calm-api..read"), "authorities"),
                request("scope with a space", b -> b.scopes("calm-api.projects.read calm-api.tasks.write"),
                        "authorities"),
                request("scope with a quote", b -> b.scopes("calm-api.projects.read'"), "authorities"),
                request("scope 10 MB", b -> b.scopes(TEN_MB), "scopes"),
                request("scope a typo of a known one", b -> b.scopes("calm-api.project.read"), "scopes"),
                request("scope unknown, without prefix", b -> b.scopes("projects.delete"), "scopes"),
                request("custom scope 10 MB", b -> b.scopes(CalmScope.custom(TEN_MB)), "authorities").knownLimitation(
                        "a scope declared with CalmScope.custom has no length limit: the 10 MB authority is sent to"
                        + " Service Manager (the simulator accepts it; real XSUAA limits are not in the contract)"),
                request("xsappname empty", b -> b.xsappname(""), "xsappname"),
                request("xsappname with dots", b -> b.xsappname("calm.api"), "xsappname"),
                request("xsappname 101 characters", b -> b.xsappname("x".repeat(101)), "xsappname"),
                request("xsappname with a space", b -> b.xsappname("calm api"), "xsappname"),
                request("xsappname 10 MB", b -> b.xsappname(TEN_MB), "xsappname"),
                request("credential type instance-secret", b -> b.credentialType(CredentialType.INSTANCE_SECRET),
                        "credential-types"),
                request("token validity 0", b -> b.tokenValidity(0), "token-validity"),
                request("token validity negative", b -> b.tokenValidity(-1), "token-validity"),
                request("token validity above a day", b -> b.tokenValidity(86_401), "token-validity"),
                request("timeout zero", b -> b.timeout(Duration.ZERO), "timeout"),
                request("timeout negative", b -> b.timeout(Duration.ofSeconds(-1)), "timeout"));
    }

    // ------------------------------------------------------------------ keys

    private static String mutate(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(json);
            change.accept(node);
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode uaa(ObjectNode key) {
        return (ObjectNode) key.get("uaa");
    }

    /** A Cloud ALM key row: parsed, then used for a token and a Cloud ALM call. */
    private static Row calm(String what, String json, String field) {
        return new Row("Cloud ALM key " + what, () -> {
            ServiceKey key = ServiceKeys.calm().fromJson(json);
            try (CloudAlmClient calm = CloudAlmClient.create(key)) {
                calm.projects().list().stream().findFirst();
            }
        }, field);
    }

    private static Row calm(String what, Consumer<ObjectNode> change, String field) {
        return calm(what, mutate(calmKey, change), field);
    }

    /** A Cloud ALM key row used only for a token (X.509 material is read when the token client is built). */
    private static Row calmToken(String what, Consumer<ObjectNode> change, String field) {
        String json = mutate(calmKey, change);
        return new Row("Cloud ALM key " + what, () -> {
            try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.create(ServiceKeys.calm().fromJson(json))) {
                tokens.token();
            }
        }, field);
    }

    private static Row cis(String what, Consumer<ObjectNode> change, String field) {
        String json = mutate(cisKey, change);
        return new Row("cis key " + what, () -> {
            CisKey key = ServiceKeys.cis().fromJson(json);
            try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder().credentials(key)
                    .credentials(fx.serviceManagerKey()).build()) {
                provisioner.ensureBinding(fx.request().build());
            }
        }, field);
    }

    private static Row sm(String what, Consumer<ObjectNode> change, String field) {
        String json = mutate(smKey, change);
        return new Row("Service Manager key " + what, () -> {
            ServiceManagerKey key = ServiceKeys.serviceManager().fromJson(json);
            try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder().credentials(key).build()) {
                provisioner.ensureBinding(fx.request().skipEntitlement(true).build());
            }
        }, field);
    }

    private static Row file(String what, String content, String field) {
        return new Row("key file " + what, () -> {
            Path file = dir.resolve("key-" + Integer.toHexString(what.hashCode()) + ".json");
            try {
                Files.writeString(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ServiceKeys.calm().fromFile(file);
        }, field);
    }

    static Stream<Row> keys() {
        String half = calmKey.substring(0, calmKey.length() / 2);
        List<Row> rows = new ArrayList<>(List.of(
                calm("empty text", "", "$"),
                calm("blank text", "  \n ", "$"),
                calm("JSON null", "null", "$"),
                calm("JSON array", "[" + calmKey + "]", "$"),
                calm("JSON string", "\"" + calmKey.replace("\"", "'") + "\"", "$"),
                calm("truncated to half", half, "$"),
                calm("truncated by one character", calmKey.substring(0, calmKey.length() - 1), "$"),
                calm("empty object", "{}", "endpoints"),
                calm("without uaa", k -> k.remove("uaa"), "uaa"),
                calm("uaa a string", k -> k.put("uaa", "clientid"), "uaa"),
                calm("uaa an array", k -> k.putArray("uaa"), "uaa"),
                calm("without uaa.clientid", k -> uaa(k).remove("clientid"), "uaa.clientid"),
                calm("uaa.clientid a number", k -> uaa(k).put("clientid", 42), "uaa.clientid"),
                calm("uaa.clientid an object", k -> uaa(k).putObject("clientid"), "uaa.clientid"),
                calm("uaa.clientid empty", k -> uaa(k).put("clientid", ""), "uaa.clientid"),
                calm("uaa.clientid 10 MB", k -> uaa(k).put("clientid", TEN_MB), "$"),
                calm("uaa.clientsecret 10 MB", k -> uaa(k).put("clientsecret", TEN_MB), "$"),
                calm("10 MB of padding", k -> k.put("padding", TEN_MB), "$"),
                calm("without uaa.clientsecret", k -> uaa(k).remove("clientsecret"), "uaa.clientsecret"),
                calm("uaa.clientsecret empty", k -> uaa(k).put("clientsecret", ""), "uaa.clientsecret"),
                calm("uaa.clientsecret an object", k -> uaa(k).putObject("clientsecret"), "uaa.clientsecret"),
                calm("without uaa.url", k -> uaa(k).remove("url"), "uaa.url"),
                calm("uaa.url a number", k -> uaa(k).put("url", 8080), "uaa.url"),
                calm("uaa.url http:// non-loopback", k -> uaa(k).put("url", "http://auth.example.com"), "uaa.url"),
                calm("uaa.url http:// private address", k -> uaa(k).put("url", "http://10.0.0.7:8080"), "uaa.url"),
                calm("uaa.url ftp://", k -> uaa(k).put("url", "ftp://auth.example.com"), "uaa.url"),
                calm("uaa.url relative", k -> uaa(k).put("url", "/oauth"), "uaa.url"),
                calm("uaa.url without host", k -> uaa(k).put("url", "https://"), "uaa.url"),
                calm("uaa.url not a URL", k -> uaa(k).put("url", "ht tp://x y"), "uaa.url"),
                calm("without endpoints", k -> k.remove("endpoints"), "endpoints"),
                calm("endpoints an array", k -> k.putArray("endpoints"), "endpoints"),
                calm("without endpoints.Api", k -> ((ObjectNode) k.get("endpoints")).remove("Api"), "endpoints.Api"),
                calm("endpoints.Api http:// non-loopback",
                        k -> ((ObjectNode) k.get("endpoints")).put("Api", "http://calm.example.com/api"), "endpoints.Api"),
                calm("endpoints.Api a number", k -> ((ObjectNode) k.get("endpoints")).put("Api", 1), "endpoints.Api"),
                calm("unknown credential type, no secret or certificate", k -> {
                    uaa(k).put("credential-type", "magic-token");
                    uaa(k).remove("clientsecret");
                }, "uaa.clientsecret"),
                calm("unknown credential type with a secret", k -> uaa(k).put("credential-type", "magic-token"),
                        "uaa.credential-type").knownLimitation("the declared credential-type is not checked: a key"
                        + " with a client secret is used with it whatever type it declares"),
                calm("X.509 type without certificate", k -> {
                    uaa(k).put("credential-type", "x509");
                    uaa(k).remove("clientsecret");
                    uaa(k).put("key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----");
                }, "uaa.certificate"),
                calm("X.509 type without key", k -> {
                    uaa(k).put("credential-type", "x509");
                    uaa(k).remove("clientsecret");
                    uaa(k).put("certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----");
                }, "uaa.key"),
                calmToken("X.509 certificate not PEM", k -> {
                    uaa(k).put("credential-type", "x509");
                    uaa(k).remove("clientsecret");
                    uaa(k).put("certificate", "not a certificate");
                    uaa(k).put("key", "not a key");
                    uaa(k).put("certurl", uaa(k).get("url").asText());
                }, "certificate"),
                file("of 10 MB", "{\"padding\":\"" + TEN_MB + "\"}", "$"),
                file("empty", "", "$"),
                file("truncated", half, "$"),
                cis("without endpoints.entitlements_service_url",
                        k -> ((ObjectNode) k.get("endpoints")).remove("entitlements_service_url"),
                        "endpoints.entitlements_service_url"),
                cis("entitlements_service_url http:// non-loopback", k -> ((ObjectNode) k.get("endpoints"))
                        .put("entitlements_service_url", "http://entitlements.example.com"),
                        "endpoints.entitlements_service_url"),
                cis("without uaa", k -> k.remove("uaa"), "uaa"),
                cis("uaa.clientsecret a number", k -> uaa(k).put("clientsecret", 7), "uaa.clientsecret"),
                sm("without sm_url", k -> k.remove("sm_url"), "sm_url"),
                sm("sm_url http:// non-loopback", k -> k.put("sm_url", "http://sm.example.com"), "sm_url"),
                sm("url http:// non-loopback", k -> k.put("url", "http://auth.example.com"), "url"),
                sm("without clientid", k -> k.remove("clientid"), "clientid"),
                sm("clientsecret a boolean", k -> k.put("clientsecret", true), "clientsecret")));
        return rows.stream();
    }

    static Stream<Arguments> table() {
        return Stream.concat(requests(), keys()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void badInput_refusedNamingTheField_beforeAnyRequest(Row row) {
        sim.reset();

        Throwable thrown = catchThrowable(() -> row.use().run());

        if (row.limitation() != null) {
            assertKnownLimitation(row, thrown);
            return;
        }
        assertThat(thrown).as(row.what()).isInstanceOfAny(ValidationException.class, InvalidServiceKeyException.class);
        String named = thrown instanceof ValidationException ? ((ValidationException) thrown).field()
                : ((InvalidServiceKeyException) thrown).path();
        assertThat(named).as("field named by: %s", thrown.getMessage()).endsWith(row.field());
        if (!row.field().equals("$")) {
            assertThat(thrown.getMessage()).contains(row.field());
        }
        assertThat(thrown.getMessage()).hasSizeLessThan(2_000);
        assertThat(sim.journal().entries()).as("requests sent for %s", row.what()).isEmpty();
        ReliabilityReport.tally(BadInputIT.class, "refused before sending: " + thrown.getClass().getSimpleName());
        ReliabilityReport.note(BadInputIT.class, row.what(), thrown.getClass().getSimpleName() + " naming " + named);
    }

    /** The gap as it is today: not refused before sending; whatever follows is typed (or a success). */
    private static void assertKnownLimitation(Row row, Throwable thrown) {
        if (thrown != null) {
            assertThat(thrown).as(row.what()).isInstanceOf(CalmException.class)
                    .isNotInstanceOfAny(ValidationException.class, InvalidServiceKeyException.class);
        }
        assertThat(sim.journal().entries()).as("requests sent for %s", row.what()).isNotEmpty();
        ReliabilityReport.tally(BadInputIT.class, "known limitation (not refused before sending)");
        ReliabilityReport.note(BadInputIT.class, row.what(), "KNOWN LIMITATION: " + row.limitation() + "; ends in "
                + (thrown == null ? "success" : thrown.getClass().getSimpleName()) + " after " + sim.journal().size()
                + " request(s)");
    }
}
