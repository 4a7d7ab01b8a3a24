package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@CalmSimulatorTest
class ProvisionCommandIT {

    @TempDir
    Path dir;

    private BtpSimulator sim;
    private Path cisKey;
    private Path smKey;

    @BeforeEach
    void keys(BtpSimulator simulator) {
        sim = simulator;
        Path[] files = Cli.adminKeyFiles(sim, dir);
        cisKey = files[0];
        smKey = files[1];
    }

    private String[] withKeys(String... args) {
        List<String> all = new ArrayList<>(List.of("provision", "--cis-key", cisKey.toString(), "--sm-key",
                smKey.toString(), "--subaccount", sim.defaultSubaccountId()));
        all.addAll(List.of(args));
        return all.toArray(new String[0]);
    }

    @Test
    void provision_twice_secondRunChangesNothing() {
        Cli.Result first = Cli.create().run(withKeys("--json"));
        long writesAfterFirst = sim.journal().writes();

        Cli.Result second = Cli.create().run(withKeys("--json"));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.json().get("changed").asBoolean()).isTrue();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        JsonNode doc = second.json();
        assertThat(doc.get("changed").asBoolean()).isFalse();
        assertThat(doc.get("httpWrites").asInt()).isZero();
        List<String> outcomes = new ArrayList<>();
        doc.get("steps").forEach(s -> outcomes.add(s.get("step").asText() + "=" + s.get("outcome").asText()));
        assertThat(outcomes).containsExactly("entitlement=UNCHANGED", "offering and plan=UNCHANGED",
                "instance=UNCHANGED", "binding=UNCHANGED", "verify=SKIPPED");
        assertThat(sim.journal().writes()).isEqualTo(writesAfterFirst);
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
    }

    @Test
    void provision_secondRunHuman_saysNothingToChange() {
        Cli.create().run(withKeys());

        Cli.Result second = Cli.create().run(withKeys());

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("Nothing to change").contains("instance           unchanged");
    }

    @Test
    void provision_dryRun_writesNothingAndShowsThePlan() {
        Cli.Result r = Cli.create().run(withKeys("--dry-run", "--json"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(sim.journal().writes()).isZero();
        assertThat(sim.state().instances(sim.defaultSubaccountId())).isEmpty();
        JsonNode plan = r.json().get("plans").get(0);
        assertThat(plan.get("changesNeeded").asBoolean()).isTrue();
        assertThat(plan.get("steps").findValuesAsText("outcome")).contains("CREATED");
        assertThat(r.json().get("dryRun").asBoolean()).isTrue();
    }

    @Test
    void provision_dryRunHuman_saysNothingIsWritten() {
        Cli.Result r = Cli.create().run(withKeys("--dry-run"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Dry run for instance calm-api").contains("nothing is written")
                .contains("Run without --dry-run");
        assertThat(sim.journal().writes()).isZero();
    }

    @Test
    void provision_keyFile_isOwnerOnlyAndHoldsAWorkingKey() throws Exception {
        Path keyFile = dir.resolve("calm-key.json");

        Cli.Result r = Cli.create().run(withKeys("--key-file", keyFile.toString()));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        ServiceKey key = ServiceKeys.calm().fromFile(keyFile);
        String secret = key.uaa().clientSecret().orElseThrow().reveal();
        assertThat(r.all()).doesNotContain(secret).contains("written to " + keyFile.toAbsolutePath());
    }

    @Test
    void provision_withoutReveal_neverPrintsTheSecret_withRevealDoes() throws Exception {
        Path keyFile = dir.resolve("calm-key.json");
        Cli.Result masked = Cli.create().run(withKeys("--key-file", keyFile.toString(), "--json"));
        String secret = ServiceKeys.calm().fromFile(keyFile).uaa().clientSecret().orElseThrow().reveal();

        Cli.Result human = Cli.create().run(withKeys());
        Cli.Result revealed = Cli.create().run(withKeys("--reveal"));

        assertThat(masked.all()).doesNotContain(secret);
        assertThat(masked.json().at("/serviceKey/uaa/clientsecret").asText()).isEqualTo("***");
        assertThat(human.all()).doesNotContain(secret).contains("uaa.clientsecret  ***");
        assertThat(revealed.out()).contains(secret);
    }

    @Test
    void provision_json_isOneDocumentWithProgressAsJsonLinesOnStderr() {
        Cli.Result r = Cli.create().run(withKeys("--json"));

        assertThat(r.exitCode()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("ok").asBoolean()).isTrue();
        assertThat(doc.get("mode").asText()).isEqualTo("keys");
        assertThat(doc.at("/instance/name").asText()).isEqualTo("calm-api");
        assertThat(doc.at("/binding/name").asText()).isEqualTo("calm-api-key");
        assertThat(r.errJsonLines()).isNotEmpty().allSatisfy(line -> assertThat(line.has("event")).isTrue());
        assertThat(r.err()).doesNotContain("warning");
        assertThat(r.errJsonLines()).anySatisfy(line -> assertThat(line.get("event").asText()).isEqualTo("waiting"));
    }

    @Test
    void provision_groupReadableKeyFile_warnsAsJsonLogLine() throws Exception {
        Files.setPosixFilePermissions(cisKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result r = Cli.create().run(withKeys("--json"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.errJsonLines()).anySatisfy(line -> {
            assertThat(line.path("log").asText()).isEqualTo("WARN");
            assertThat(line.path("message").asText()).contains("cis.json").contains("chmod 600");
        });
    }

    @Test
    void provision_plainProgress_namesTheWaitAndItsState() {
        Cli.Result r = Cli.create().run(withKeys());

        assertThat(r.err()).contains("waiting for create service instance calm-api: in progress");
    }

    @Test
    void provision_quiet_printsNothingOnSuccess() {
        Cli.Result r = Cli.create().run(withKeys("--quiet"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void provision_scopesByShortName_becomeTheInstanceAuthorities() {
        Cli.Result r = Cli.create().run(withKeys("--scopes", "projects.read,tasks.write", "--verify", "--json",
                "--label", "team=alm"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(sim.state().instances(sim.defaultSubaccountId()).get(0).parameters().toString())
                .contains("calm-api.projects.read").contains("calm-api.tasks.write").doesNotContain("tasks.read");
        assertThat(r.json().get("steps").get(4).get("outcome").asText()).isNotEqualTo("SKIPPED");
    }

    @Test
    void provision_onlyServiceManagerKey_skipsEntitlementWithAWarning() {
        sim.seed().cloudAlmEntitlement(sim.defaultSubaccountId());

        Cli.Result r = Cli.create().run("provision", "--sm-key", smKey.toString(), "--subaccount",
                sim.defaultSubaccountId());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("warning: no Cloud Management key");
        assertThat(r.out()).contains("entitlement        skipped");
    }

    @Test
    void provision_keysFromEnvironment_jsonTextAndFilePath() throws Exception {
        Cli.Result r = Cli.create()
                .env("CALM_CIS_KEY", Files.readString(cisKey))
                .env("CALM_SM_KEY", smKey.toString())
                .run("provision", "--subaccount", sim.defaultSubaccountId(), "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("mode").asText()).isEqualTo("keys");
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
    }

    @Test
    void provision_fleet_provisionsEverySubaccountAndWritesOneKeyEach() {
        String a = sim.createSubaccount("alpha");
        String b = sim.createSubaccount("beta");
        Path keyDir = dir.resolve("keys");

        Cli.Result r = Cli.create().run("provision", "--cis-key", cisKey.toString(), "--subaccounts", a + "," + b,
                "--key-dir", keyDir.toString(), "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("succeeded").asInt()).isEqualTo(2);
        assertThat(doc.get("results").findValuesAsText("subaccountId")).containsExactly(a, b);
        assertThat(keyDir.resolve(a + ".json")).exists();
        assertThat(keyDir.resolve(b + ".json")).exists();
        assertThat(sim.state().instances(a)).hasSize(1);
        assertThat(sim.state().instances(b)).hasSize(1);
        assertThat(r.errJsonLines()).anySatisfy(e -> assertThat(e.path("event").asText()).isEqualTo("progress"));
    }

    @Test
    void provision_fleetFromFile_oneUnknownSubaccountFailsAloneWithServiceExitCode() throws Exception {
        String a = sim.createSubaccount("alpha");
        String unknown = "00000000-0000-4000-8000-000000000000";
        Path list = dir.resolve("subaccounts.txt");
        Files.writeString(list, "# fleet\n" + a + "\n\n" + unknown + "  # gone\n");

        Cli.Result r = Cli.create().run("provision", "--cis-key", cisKey.toString(), "--subaccounts-file",
                list.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.SERVICE_FAILURE);
        assertThat(r.out()).contains(a + " ").contains("ok").contains(unknown).contains("FAILED")
                .contains("1 succeeded, 1 failed");
        assertThat(r.err()).contains("[2/2]");
        assertThat(sim.state().instances(a)).hasSize(1);
    }

    @Test
    void provision_failedInstanceCreate_exitsWithServiceFailureAndNoStackTrace() {
        sim.faults().failNextOperation(OperationKind.INSTANCE_CREATE, "broker exploded");

        Cli.Result r = Cli.create().run(withKeys());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.SERVICE_FAILURE);
        assertThat(r.err()).contains("calm: Cloud ALM provisioning of instance calm-api").contains("broker exploded")
                .contains("exit 4").doesNotContain("\tat ");
    }

    @Test
    void provision_stuckOperation_timesOutWithTimeoutExitCode() {
        sim.faults().stickNextOperation();

        Cli.Result r = Cli.create().time(new FakeTime()).run(withKeys("--timeout", "2m", "--json"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(r.json().at("/error/kind").asText()).isEqualTo("timeout");
        assertThat(r.json().get("ok").asBoolean()).isFalse();
    }

    @Test
    void provision_wrongAdminSecret_exitsWithAuthFailure() throws Exception {
        Files.writeString(cisKey, Files.readString(cisKey).replaceFirst("\"clientsecret\"\\s*:\\s*\"[^\"]+\"",
                "\"clientsecret\":\"wrong-secret\""));

        Cli.Result r = Cli.create().run(withKeys());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.AUTH_FAILURE);
        assertThat(r.err()).contains("401").doesNotContain("wrong-secret");
    }

    @Test
    void provision_badSubaccountId_isBadInputBeforeAnyCall() {
        Cli.Result r = Cli.create().run("provision", "--cis-key", cisKey.toString(), "--subaccount", "not-a-guid");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--subaccount is 'not-a-guid', not a subaccount GUID");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void provision_keyFileWithFleet_isRefused() {
        Cli.Result r = Cli.create().run("provision", "--cis-key", cisKey.toString(), "--subaccounts",
                sim.defaultSubaccountId(), "--key-file", dir.resolve("k.json").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--key-dir");
    }

    @Test
    void provision_malformedKeyFile_isBadInputNamingTheFile() throws Exception {
        Files.writeString(cisKey, "{\"uaa\": {}}");

        Cli.Result r = Cli.create().run(withKeys());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(cisKey.toString());
    }

    @Test
    void provision_embedded_tellsTheWholeStory() {
        Cli.Result r = Cli.create().run("provision");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith(EmbeddedSimulator.NOTICE)
                .contains("entitlement        created")
                .contains("instance           created")
                .contains("binding            created")
                .contains("Fetched a token with the new key")
                .contains("created project \"calm-sdk demo\"")
                .contains("created task    \"Try the calm command line\"")
                .contains("- Try the calm command line");
        assertThat(sim.journal().size()).as("the test's simulator is not the embedded one").isZero();
    }

    @Test
    void provision_embeddedJson_holdsStoryAndMaskedToken() {
        Cli.Result r = Cli.create().run("provision", "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("mode").asText()).isEqualTo("embedded-simulator");
        assertThat(doc.at("/story/token/token").asText()).isEqualTo("***");
        assertThat(doc.at("/story/tasks/0/title").asText()).isEqualTo("Try the calm command line");
        assertThat(r.out()).doesNotContain("eyJ");
    }

    @Test
    void provision_embeddedDryRun_plansEverything() {
        Cli.Result r = Cli.create().run("provision", "--dry-run", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("changesNeeded").asBoolean()).isTrue();
    }

    @Test
    void provision_liveTerminal_redrawsOneLineAndErasesIt() {
        Cli.Result r = Cli.create().terminal(true).run(withKeys());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("\r\033[2K").endsWith("\r\033[2K");
        assertThat(r.err()).doesNotContain("waiting for");
    }
}
