package io.calmsdk.testkit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorMainTest {

    @Test
    void start_withOptions_printsEndpointsAndWorkingKeys(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (BtpSimulator sim = SimulatorMain.start(new String[] {"--page-size", "3", "--seed-tasks", "25",
            "--keys-dir", dir.toString()}, new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
            String out = buffer.toString(StandardCharsets.UTF_8);

            assertThat(out).contains("calm-sdk BTP simulator started", sim.endpoints().serviceManager().toString(),
                    sim.defaultSubaccountId(), "accounts_service_url", "sm_url", "(25 tasks)");
            assertThat(Files.readString(dir.resolve("cis-central-key.json"))).contains("entitlements_service_url");
            assertThat(new RawHttp().token(RawHttp.JSON.readTree(dir.resolve("service-manager-key.json").toFile())))
                    .isNotEmpty();
        }
    }

    @Test
    void start_help_printsUsageAndStartsNothing() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        assertThat(SimulatorMain.start(new String[] {"--help"}, new PrintStream(buffer, true, StandardCharsets.UTF_8)))
                .isNull();
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("--port N");
    }

    @Test
    void start_badOptions_areRejected() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SimulatorMain.start(new String[] {"--bogus"}, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> SimulatorMain.start(new String[] {"--port"}, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SimulatorMain.start(new String[] {"--port", "x"}, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a number");
    }
}
