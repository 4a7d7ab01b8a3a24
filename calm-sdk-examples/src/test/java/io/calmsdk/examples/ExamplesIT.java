package io.calmsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example against the simulator: the code the README shows works as the README says. */
@CalmSimulatorTest
class ExamplesIT {

    @TempDir
    Path dir;

    private static ServiceKey calmKey(BtpSimulator sim) {
        return ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey("calm-api.projects.read", "calm-api.projects.write",
                "calm-api.tasks.read", "calm-api.tasks.write").json());
    }

    @Test
    void ensureBinding_twice_createsOnceAndWritesAnOwnerOnlyKey(BtpSimulator sim) throws Exception {
        Path keyFile = dir.resolve("calm-key.json");
        ExampleSetup setup = ExampleSetup.of(sim);

        ServiceKey first = EnsureBinding.ensureBinding(setup.cisKey(), setup.subaccountId(), keyFile);
        long writes = sim.journal().writes();
        ServiceKey second = EnsureBinding.ensureBinding(setup.cisKey(), setup.subaccountId(), keyFile);

        assertThat(second.uaa().clientId()).isEqualTo(first.uaa().clientId());
        assertThat(sim.journal().writes()).isEqualTo(writes);
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(ServiceKeys.calm().fromFile(keyFile).apiEndpoint()).isEqualTo(first.apiEndpoint());
    }

    @Test
    void quickstart_fromACloudAlmKeyFileAlone_printsTheProjects(BtpSimulator sim) throws Exception {
        sim.cloudAlm().createProject("S/4HANA rollout");
        Path keyFile = dir.resolve("k.json");
        ServiceKeys.write(keyFile, calmKey(sim));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            FirstCall.quickstart(keyFile);
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("S/4HANA rollout");
        assertThat(sim.journal().writes()).isZero();
    }

    @Test
    void firstCall_fromCisKeyFile_provisionsOnceAndListsProjects(BtpSimulator sim) throws Exception {
        Path cisFile = dir.resolve("cis-central.json");
        ExampleSetup setup = ExampleSetup.of(sim);
        io.calmsdk.core.keys.ServiceKeys.write(cisFile, setup.cisKey());

        FirstCall.run(cisFile, setup.subaccountId());
        FirstCall.run(cisFile, setup.subaccountId());

        assertThat(sim.state().instances(setup.subaccountId())).hasSize(1);
        assertThat(sim.state().bindings(setup.subaccountId())).hasSize(1);
        assertThat(sim.journal().count("GET", "/api/calm-projects/v1/projects")).isEqualTo(2);
    }

    @Test
    void tokenOnly_callsCloudAlmWithTheJdkClient(BtpSimulator sim) throws Exception {
        assertThat(TokenOnly.callWithOwnClient(calmKey(sim))).isEqualTo(200);
        assertThat(sim.journal().tokenRequests()).isEqualTo(1);
    }

    @Test
    void projectsAndTasks_listsOnlyTheUserStory(BtpSimulator sim) {
        assertThat(ProjectsAndTasks.run(calmKey(sim))).containsExactly("As a planner I see the cutover plan");
    }

    @Test
    void fleetProvisioning_everySubaccountGetsItsInstance(BtpSimulator sim) {
        ExampleSetup setup = ExampleSetup.of(sim);
        List<String> ids = setup.subaccountIds(3);

        List<ProvisioningResult.Outcome> outcomes = FleetProvisioning.provisionAll(setup.cisKey(), ids);

        assertThat(outcomes).allMatch(ProvisioningResult.Outcome::succeeded).hasSize(3);
        ids.forEach(id -> assertThat(sim.state().instances(id)).hasSize(1)
                .allSatisfy(i -> assertThat(i.labels()).containsEntry("owner", List.of("platform-team"))));
    }

    @Test
    void keyFromEnvironment_readsVcapServicesKubernetesSecretAndVariable(BtpSimulator sim) {
        String keyJson = sim.seed().cloudAlmKey("calm-api.projects.read").json();
        ServiceKey expected = ServiceKeys.calm().fromJson(keyJson);
        Path secret = KeyFromEnvironment.kubernetesSecret(keyJson);
        Path none = dir.resolve("none");

        ServiceKey fromVcap = KeyFromEnvironment.readKey(Map.of("VCAP_SERVICES", KeyFromEnvironment.vcapServices(keyJson)), none);
        ServiceKey fromSecret = KeyFromEnvironment.readKey(Map.of(), secret);
        ServiceKey fromVariable = KeyFromEnvironment.readKey(Map.of("CALM_SERVICE_KEY", keyJson), none);

        assertThat(List.of(fromVcap, fromSecret, fromVariable)).extracting(k -> k.uaa().clientId())
                .containsOnly(expected.uaa().clientId());
    }

    @Test
    void mains_runOutOfTheBoxAgainstTheirOwnSimulator() throws Exception {
        // With real keys in the environment the mains would provision for real: not in a test.
        assumeTrue(List.of("CALM_CIS_KEY", "CALM_SERVICE_KEY", "VCAP_SERVICES").stream()
                .noneMatch(v -> System.getenv(v) != null), "real keys in the environment");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EnsureBinding.main(new String[] {dir.resolve("k.json").toString()});
            TokenOnly.main(new String[0]);
            ProjectsAndTasks.main(new String[0]);
            FleetProvisioning.main(new String[0]);
            KeyFromEnvironment.main(new String[] {dir.resolve("no-secret").toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("binding: CREATED")
                .contains("GET projects answered HTTP 200")
                .contains("User stories: [As a planner I see the cutover plan]")
                .contains("5 subaccounts ready, 0 failed")
                .contains("key from VCAP_SERVICES").contains("key from Kubernetes secret").contains("key from CALM_SERVICE_KEY");
    }
}
