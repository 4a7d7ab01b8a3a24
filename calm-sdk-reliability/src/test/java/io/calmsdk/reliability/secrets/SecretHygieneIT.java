package io.calmsdk.reliability.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.ProjectCreateRequest;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.EntitlementsClient;
import io.calmsdk.btp.ProvisioningPlan;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.btp.RotationResult;
import io.calmsdk.btp.ServiceManagerClient;
import io.calmsdk.core.Secret;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.CredentialType;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import io.calmsdk.core.testing.LogCapture;
import io.calmsdk.reliability.support.Canaries;
import io.calmsdk.reliability.support.Fixture;
import io.calmsdk.reliability.support.ObjectGraph;
import io.calmsdk.reliability.support.ReliabilityReport;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.SimulatedApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole story — key files, provisioning, tokens, Cloud ALM calls, rotation, deprovisioning, and a
 * dozen failures — with every io.calmsdk logger at TRACE, then a search for every secret involved, in
 * every form it could leak in: the captured log, every exception (messages, causes, stack traces) and
 * the {@code toString()} of every calm-sdk object reachable from the results.
 *
 * <p>The canaries are the secrets the simulator issued (admin keys, binding keys, a private key, the
 * access tokens) plus made-up ones planted in broken keys; any JWT found anywhere counts as a leak.
 */
@ExtendWith(ReliabilityReport.class)
class SecretHygieneIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLANTED = "CANARY-planted-Secret$4f7a=9c1e";

    private static BtpSimulator sim;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sim = BtpSimulator.start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void wholeStory_traceLogging_noSecretInLogsExceptionsOrToString() throws Exception {
        Fixture fx = new Fixture(sim);
        Canaries canaries = new Canaries();
        Map<String, Throwable> failures = new LinkedHashMap<>();
        List<Object> shown = new ArrayList<>();
        ObjectNode cisJson = sim.cisCentralKey().tree();
        ObjectNode smJson = sim.serviceManagerKey().tree();
        canaries.addClient("cis admin secret", cisJson.at("/uaa/clientid").asText(), cisJson.at("/uaa/clientsecret").asText());
        canaries.addClient("Service Manager admin secret", smJson.get("clientid").asText(), smJson.get("clientsecret").asText());
        canaries.add("planted secret", PLANTED);

        String logText;
        try (LogCapture logs = LogCapture.start()) {
            // Key files: written by the SDK, read back by the SDK.
            Path cisFile = dir.resolve("cis.json");
            Path smFile = dir.resolve("sm.json");
            ServiceKeys.write(cisFile, fx.cisKey());
            ServiceKeys.write(smFile, fx.serviceManagerKey());
            CisKey cis = ServiceKeys.cis().fromFile(cisFile);
            ServiceManagerKey sm = ServiceKeys.serviceManager().fromFile(smFile);
            shown.add(cis);
            shown.add(sm);

            BindingRequest request = fx.request().verify(true).build();
            try (CloudAlmProvisioner provisioner = fx.builder().credentials(cis).credentials(sm).build()) {
                shown.add(provisioner);
                ProvisioningPlan plan = provisioner.plan(request);
                ProvisioningResult result = provisioner.ensureBinding(request);
                ServiceKey key = result.serviceKey();
                canaries.addClient("binding secret", key.uaa().clientId(), key.uaa().clientSecret().orElseThrow().reveal());
                Path keyFile = dir.resolve("calm-key.json");
                ServiceKeys.write(keyFile, key);
                shown.add(ServiceKeys.calm().fromFile(keyFile));
                shown.add(plan);
                shown.add(result);
                shown.add(provisioner.ensureBinding(request));

                // Token and Cloud ALM calls with the new key.
                try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.create(key);
                     CloudAlmClient calm = CloudAlmClient.builder().credentials(key).tokenProvider(tokens).build()) {
                    AccessToken token = tokens.token();
                    canaries.add("access token", token.value().reveal());
                    shown.add(token);
                    shown.add(token.claims());
                    shown.add(tokens);
                    shown.add(calm);
                    calm.projects().list().stream().forEach(shown::add);
                    // projects.read only: creating a project is refused (403) and says which scope is missing.
                    fail(failures, "403 creating a project", () -> calm.projects().create(ProjectCreateRequest.of("secret-hygiene")));
                    fail(failures, "403 creating a task", () -> calm.tasks().create(TaskCreateRequest.of("p-1", "t")));
                    fail(failures, "404 reading a project", () -> calm.projects().get("no-such-project"));
                }

                // Rotation: a second binding secret, the first one retired.
                RotationResult rotated = provisioner.rotateBinding(request, Duration.ZERO);
                ServiceKey rotatedKey = rotated.current().serviceKey();
                canaries.addClient("rotated binding secret", rotatedKey.uaa().clientId(),
                        rotatedKey.uaa().clientSecret().orElseThrow().reveal());
                shown.add(rotated);

                // Failures during provisioning, each on a fresh binding or instance name.
                sim.faults().failNextOperation(OperationKind.BINDING_CREATE, "broker failed the binding");
                fail(failures, "broker fails a binding create", () -> provisioner.ensureBinding(request.toBuilder().bindingName("key-2")
                        .build()));
                sim.faults().failNext(100, 500, RequestMatcher.of("POST", "/v1/service_bindings"));
                fail(failures, "500 on a binding create", () -> provisioner.ensureBinding(request.toBuilder().bindingName("key-3")
                        .build()));
                sim.faults().clear();
                // Persistent: a single garbled answer to a read is read again (and succeeds).
                sim.faults().malformedBodyNext(100, RequestMatcher.regex("GET", "/v1/service_bindings/[^/]+"));
                fail(failures, "malformed binding answer", () -> provisioner.ensureBinding(request.toBuilder().bindingName("key-4")
                        .build()));
                sim.faults().clear();
                shown.add(provisioner.deprovision(request.toBuilder().bindingName("key-2").build()));
            }

            // A fresh provisioner whose token requests fail in three ways.
            for (Runnable fault : List.<Runnable>of(
                    () -> sim.faults().failNext(100, 503, RequestMatcher.path("/oauth/token").on(SimulatedApi.XSUAA)),
                    () -> sim.faults().malformedBodyNext(100, RequestMatcher.path("/oauth/token").on(SimulatedApi.XSUAA)),
                    () -> sim.faults().resetNext(100, RequestMatcher.path("/oauth/token").on(SimulatedApi.XSUAA)))) {
                fault.run();
                try (CloudAlmProvisioner broken = fx.provisioner()) {
                    fail(failures, "token endpoint down (503, garbage, reset)", () -> broken.ensureBinding(request));
                }
                sim.faults().clear();
            }

            // X.509: an instance whose bindings are certificates; the private key is a canary too.
            // (Another subaccount: each is entitled to one instance.)
            String other = sim.createSubaccount("x509");
            ObjectNode otherSm = sim.serviceManagerKey(other).tree();
            canaries.addClient("second Service Manager admin secret", otherSm.get("clientid").asText(),
                    otherSm.get("clientsecret").asText());
            BindingRequest x509 = fx.request().subaccountId(other).instanceName("calm-x509").bindingName("x509-key")
                    .credentialType(CredentialType.X509).build();
            try (CloudAlmProvisioner provisioner = fx.builder().credentials(other,
                    ServiceKeys.serviceManager().fromJson(otherSm.toString())).build()) {
                ProvisioningResult result = provisioner.ensureBinding(x509);
                ServiceKey key = result.serviceKey();
                String pem = key.uaa().privateKey().orElseThrow().reveal();
                canaries.add("X.509 private key", pemBody(pem));
                shown.add(result);
                try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.builder().credentials(key)
                        .trustStore(sim.tls().trustStore()).build()) {
                    AccessToken token = tokens.token();
                    canaries.add("X.509 access token", token.value().reveal());
                    shown.add(token);
                }
                // Without trusting the simulator's CA, the TLS handshake fails: the error must not show the key.
                try (ClientCredentialsTokenProvider untrusting = ClientCredentialsTokenProvider.create(key)) {
                    fail(failures, "X.509 token without trusting the CA", untrusting::token);
                }
                shown.add(provisioner.deprovision(x509));
            }

            // Wrong and broken credentials holding the planted secret.
            ObjectNode wrong = sim.seed().cloudAlmKey("calm-api.projects.read").tree();
            ((ObjectNode) wrong.get("uaa")).put("clientsecret", PLANTED);
            ServiceKey wrongKey = ServiceKeys.calm().fromJson(JSON.writeValueAsString(wrong));
            shown.add(wrongKey);
            try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.create(wrongKey);
                 CloudAlmClient calm = CloudAlmClient.create(wrongKey)) {
                fail(failures, "wrong secret: token", tokens::token);
                fail(failures, "wrong secret: Cloud ALM call", () -> calm.projects().list().stream().findFirst());
            }
            String text = JSON.writeValueAsString(wrong);
            fail(failures, "key truncated inside the secret", () -> ServiceKeys.calm().fromJson(text.substring(0, text.indexOf(PLANTED) + 10)));
            fail(failures, "key with a number as url", () -> ServiceKeys.calm().fromJson(text.replace("\"url\"", "\"url\":42,\"x\"")));
            ObjectNode userInfo = wrong.deepCopy();
            ((ObjectNode) userInfo.get("uaa")).put("url", "https://user:" + PLANTED + "@auth.example.com");
            fail(failures, "token URL with user info", () -> ClientCredentialsTokenProvider.create(
                    ServiceKeys.calm().fromJson(JSON.writeValueAsString(userInfo))).token());
            ObjectNode query = wrong.deepCopy();
            ((ObjectNode) query.get("endpoints")).put("Api", "http://127.0.0.1:1/api?client_secret=" + PLANTED);
            fail(failures, "Api URL with a secret query parameter", () -> {
                try (CloudAlmClient calm = CloudAlmClient.create(ServiceKeys.calm().fromJson(JSON.writeValueAsString(query)))) {
                    calm.projects().list().stream().findFirst();
                }
            });
            CisKey wrongCis = ServiceKeys.cis().fromJson(JSON.writeValueAsString(withCisSecret(cisJson, PLANTED)));
            try (EntitlementsClient entitlements = EntitlementsClient.create(wrongCis)) {
                shown.add(entitlements);
                fail(failures, "wrong cis secret", () -> entitlements.getAssignments(sim.defaultSubaccountId(),
                        BindingRequest.SERVICE_NAME, BindingRequest.PLAN_NAME));
            }
            try (ServiceManagerClient smClient = ServiceManagerClient.create(ServiceKeys.serviceManager().fromJson(
                    JSON.writeValueAsString(smJson.deepCopy().put("clientsecret", PLANTED))))) {
                shown.add(smClient);
                fail(failures, "wrong Service Manager secret", () -> smClient.listInstances(io.calmsdk.btp.ListQuery.all()).stream()
                        .findFirst());
            }
            shown.add(Secret.of(PLANTED));
            logText = logs.text();
            assertThat(logs.events()).as("DEBUG lines were captured").anyMatch(e -> e.getLevel().toString().equals("DEBUG"));
        }

        ObjectGraph graph = new ObjectGraph().walk(shown.toArray()).walk(failures.values().toArray());
        canaries.assertAbsent("the TRACE log (" + logText.lines().count() + " lines)", logText);
        failures.forEach((label, t) -> canaries.assertAbsent(label + ": message, causes, stack trace",
                Canaries.everythingShownBy(t)));
        canaries.assertAbsent("toString() of " + graph.objects() + " objects", graph.shown());

        ReliabilityReport.note(SecretHygieneIT.class, "canaries", canaries.size() + " values (secrets, tokens, a private"
                + " key, in plain, URL-encoded and Basic-header form) plus any JWT");
        ReliabilityReport.note(SecretHygieneIT.class, "log", logText.lines().count() + " captured log lines at TRACE: 0"
                + " canary occurrences");
        ReliabilityReport.note(SecretHygieneIT.class, "exceptions", failures.size() + " failures (messages, causes,"
                + " stack traces): 0 canary occurrences");
        ReliabilityReport.note(SecretHygieneIT.class, "toString", graph.objects() + " objects of " + graph.types().size()
                + " calm-sdk types: 0 canary occurrences; types: " + graph.types());
    }

    @Test
    void keyFiles_writtenOwnerOnly_evenOverAReadableFile() throws Exception {
        Fixture fx = new Fixture(sim);
        Path fresh = dir.resolve("fresh-key.json");
        Path existing = Files.createFile(dir.resolve("existing-key.json"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");

        ServiceKeys.write(fresh, fx.serviceManagerKey());
        ServiceKeys.write(existing, fx.cisKey());

        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(ownerOnly);
        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(ownerOnly);
        assertThat(ServiceKeys.serviceManager().fromFile(fresh).credentials().clientSecret().orElseThrow().reveal())
                .isEqualTo(fx.serviceManagerKey().credentials().clientSecret().orElseThrow().reveal());
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).as("no temporary files left behind")
                    .noneMatch(n -> n.contains(".tmp"));
        }
        ReliabilityReport.note(SecretHygieneIT.class, "key files", "written 0600 (rw-------), also over an existing"
                + " 0644 file");
    }

    /** Runs a case that must fail and keeps what it threw. */
    private static void fail(Map<String, Throwable> failures, String label, ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).as("%s must fail", label).isNotNull();
        failures.put(label + " (" + t.getClass().getSimpleName() + ")", t);
    }

    private static ObjectNode withCisSecret(ObjectNode cis, String secret) {
        ObjectNode copy = cis.deepCopy();
        ((ObjectNode) copy.get("uaa")).put("clientsecret", secret);
        return copy;
    }

    /** The base64 body of a PEM block, without the armour lines: what a leak would show. */
    private static String pemBody(String pem) {
        return pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat).substring(0, 64);
    }
}
