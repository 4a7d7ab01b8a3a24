package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deprovision, rotate and simulator: the commands around provision. */
@CalmSimulatorTest
class LifecycleCommandsIT {

    @TempDir
    Path dir;

    private BtpSimulator sim;
    private String cis;
    private String sm;

    @BeforeEach
    void keys(BtpSimulator simulator) {
        sim = simulator;
        Path[] files = Cli.adminKeyFiles(sim, dir);
        cis = files[0].toString();
        sm = files[1].toString();
    }

    private Cli.Result provision() {
        return Cli.create().run("provision", "--cis-key", cis, "--sm-key", sm, "--subaccount", sim.defaultSubaccountId(),
                "--quiet");
    }

    @Test
    void deprovision_afterProvision_removesBindingAndInstance_thenFindsNothing() {
        assertThat(provision().exitCode()).isZero();

        Cli.Result first = Cli.create().run("deprovision", "--cis-key", cis, "--sm-key", sm, "--subaccount",
                sim.defaultSubaccountId());
        Cli.Result second = Cli.create().run("deprovision", "--cis-key", cis, "--sm-key", sm, "--subaccount",
                sim.defaultSubaccountId(), "--json");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Removed in");
        assertThat(sim.state().instances(sim.defaultSubaccountId())).isEmpty();
        assertThat(second.exitCode()).isZero();
        assertThat(second.json().at("/results/0/changed").asBoolean()).isFalse();
    }

    @Test
    void deprovision_removeEntitlementWithoutCisKey_isBadInput() {
        Cli.Result r = Cli.create().run("deprovision", "--sm-key", sm, "--subaccount", sim.defaultSubaccountId(),
                "--remove-entitlement");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("removeEntitlement");
    }

    @Test
    void deprovision_embedded_provisionsFirstThenRemoves() {
        Cli.Result r = Cli.create().run("deprovision", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().at("/results/0/changed").asBoolean()).isTrue();
    }

    @Test
    void rotate_replacesTheBindingAndWritesTheNewKeyOwnerOnly() throws Exception {
        assertThat(provision().exitCode()).isZero();
        String oldBinding = sim.state().bindings(sim.defaultSubaccountId()).get(0).id();
        Path keyFile = dir.resolve("calm-key.json");

        Cli.Result r = Cli.create().time(new FakeTime()).run("rotate", "--cis-key", cis, "--sm-key", sm,
                "--subaccount", sim.defaultSubaccountId(), "--grace", "5m", "--key-file", keyFile.toString(), "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("retiredBindingIds").toString()).contains(oldBinding);
        assertThat(sim.state().bindings(sim.defaultSubaccountId())).extracting(b -> b.id())
                .doesNotContain(oldBinding).hasSize(1);
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(ServiceKeys.calm().fromFile(keyFile).uaa().clientId()).isNotBlank();
    }

    @Test
    void rotate_fleet_isRefused() {
        Cli.Result r = Cli.create().run("rotate", "--cis-key", cis, "--subaccounts", sim.defaultSubaccountId());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void rotate_embedded_works() {
        Cli.Result r = Cli.create().run("rotate");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Rotated binding calm-api-key").contains("uaa.clientsecret  ***");
    }

    @Test
    void simulator_printsEndpointsAndKeys_writesKeyFiles_andStopsOnSignal() throws Exception {
        Path keys = dir.resolve("sim-keys");

        Cli.Result r = Cli.create().run("simulator", "--keys-dir", keys.toString(), "--seed-tasks", "3");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.waitedForStop()).isTrue();
        assertThat(r.out()).contains("Service Manager").contains("Cloud ALM API").contains("\"clientsecret\"")
                .contains("export CALM_CIS_KEY=").contains("Press Ctrl+C to stop.");
        assertThat(Files.getPosixFilePermissions(keys.resolve("cis-key.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(ServiceKeys.serviceManager().fromFile(keys.resolve("sm-key.json")).smUrl()).isNotNull();
    }

    @Test
    void simulator_json_describesEndpointsAndKeys() {
        Cli.Result r = Cli.create().run("simulator", "--json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.json().at("/endpoints/serviceManager").asText()).startsWith("http://127.0.0.1:");
        assertThat(r.json().at("/keys/cis/uaa/clientid").asText()).isNotBlank();
    }
}
