package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The stored {@code calm --help} is exactly what picocli renders now. After a change to a command's name,
 * description or the top-level options, regenerate the two resources with
 * {@code ./mvnw -pl calm-sdk-cli -am test -Dtest=PublishedHelpTest -Dsurefire.failIfNoSpecifiedTests=false -Dcalm.updateHelp=true}.
 */
class PublishedHelpTest {

    private static final Path RESOURCES = Paths.get(System.getProperty("calm.root", ".."))
            .resolve("calm-sdk-cli/src/main/resources/io/calmsdk/cli");

    @Test
    void storedHelp_isWhatPicocliRendersNow_plainAndStyled() throws IOException {
        for (boolean ansi : new boolean[] {false, true}) {
            Path stored = RESOURCES.resolve(ansi ? PublishedHelp.ANSI : PublishedHelp.PLAIN);
            String rendered = PublishedHelp.render(ansi);
            if (Boolean.getBoolean("calm.updateHelp")) {
                Files.writeString(stored, rendered, StandardCharsets.UTF_8);
                continue;
            }
            assertThat(Files.readString(stored, StandardCharsets.UTF_8))
                    .as("%s is stale: regenerate it (see this test's javadoc)", stored.getFileName())
                    .isEqualTo(rendered);
            assertThat(PublishedHelp.read(ansi)).as("on the class path as built").contains(rendered);
        }
    }

    @Test
    void rendering_isWhatTheHelpOptionPrints_lessTheExamples() {
        Cli.Result live = Cli.create().run("--help");

        assertThat(live.exitCode()).isZero();
        assertThat(PublishedHelp.render(false)).isEqualTo(live.out().replaceAll("(?m)^  example .*\\R(^ {15}.*\\R)*", ""))
                .contains("provision", "completion", "Exit codes:").doesNotContain("Run a runnable example");
        assertThat(PublishedHelp.render(true)).contains("\u001B[");
    }
}
