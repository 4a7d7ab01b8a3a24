package io.calmsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example's {@code main} as {@code ./calm example NAME} runs it: through {@link ExampleEnvironment} with
 * the environment calm hands over — empty, so each starts its own in-process simulator, or with a real-looking
 * key and a missing variable.
 */
@CalmSimulatorTest
class ExampleMainsIT {

    @ParameterizedTest
    @ValueSource(strings = {"FirstCall", "EnsureBinding", "TokenOnly", "ProjectsAndTasks", "FleetProvisioning",
        "KeyFromEnvironment", "MonitoringSignals"})
    void main_withoutKeys_runsAgainstItsOwnSimulatorAndSaysSo(String name) throws Exception {
        String out = runMain(name, Map.of());

        assertThat(out).as(name).isNotBlank().doesNotContain("clientsecret");
    }

    @Test
    void firstCall_withoutKeys_printsTheDemoProject() throws Exception {
        String out = runMain("FirstCall", Map.of());

        assertThat(out).contains("1 project(s) in Cloud ALM at http://127.0.0.1:").contains("  " + ExampleSetup.DEMO_PROJECT);
    }

    @Test
    void monitoringSignals_withoutKeys_printsTheSummary() throws Exception {
        String out = runMain("MonitoringSignals", Map.of());

        assertThat(out).contains("metric points: 150").contains("error logs: 13").contains("disruptions: 3");
    }

    @Test
    void firstCall_realKeyWithoutSubaccount_refusedNamingTheVariable(BtpSimulator sim) {
        assertThatThrownBy(() -> runMain("FirstCall", Map.of("CALM_CIS_KEY", sim.cisCentralKey().json())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("CALM_SUBACCOUNT_ID is not set");
    }

    @Test
    void ensureBinding_withTheSimulatorsKeys_reportsItsSteps(BtpSimulator sim, @TempDir Path dir) throws Exception {
        // With real (not demo) keys the example writes the key where it is told: never into the working tree.
        Path keyFile = dir.resolve("calm-key.json");
        String out = runMain("EnsureBinding", Map.of("CALM_CIS_KEY", sim.cisCentralKey().json(),
                "CALM_SUBACCOUNT_ID", sim.defaultSubaccountId()), keyFile.toString());

        assertThat(keyFile).exists();
        assertThat(Path.of("calm-key.json")).doesNotExist();

        assertThat(out).containsPattern("binding: CREATED \\(.*\\) in \\d+(\\.\\d)? (ms|s)\\n").doesNotContainPattern("PT\\d");
    }

    private static String runMain(String name, Map<String, String> environment, String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ExampleEnvironment.run(environment, () -> {
                try {
                    Class.forName("io.calmsdk.examples." + name).getMethod("main", String[].class)
                            .invoke(null, (Object) args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    if (e.getCause() instanceof Exception) {
                        throw (Exception) e.getCause();
                    }
                    throw e;
                }
                return null;
            });
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
