package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published executable jar as a pipeline uses it: copied alone into an empty directory and run with
 * {@code java -jar}, nothing else on the class path — a simulator in one process, then {@code provision},
 * {@code token} and {@code call} in others, each checked by exit code and {@code --json} output.
 */
class ExecutableJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long COMMAND_SECONDS = 120;

    @TempDir
    Path dir;

    private Path jar;
    private Process simulator;

    @BeforeEach
    void copyTheJarAlone() throws IOException {
        Path built = Paths.get(System.getProperty("calm.jar", "target/calm-sdk-cli-unknown-all.jar"));
        assertThat(built).as("the executable jar built by the package phase").isRegularFile();
        jar = Files.copy(built, dir.resolve("calm.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterEach
    void stopTheSimulator() throws InterruptedException {
        if (simulator != null) {
            simulator.destroy();
            simulator.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void simulatorThenProvisionTokenAndCall_fromTheJarAlone() throws Exception {
        simulator = start("simulator", "--keys-dir", "keys", "--operation-polls", "1", "--entitlement-polls", "1", "--json");
        JsonNode described = firstDocument(simulator);
        assertThat(described.path("ok").asBoolean()).isTrue();
        String subaccount = described.path("defaultSubaccountId").asText();
        assertThat(dir.resolve("keys/cis-key.json")).isRegularFile();

        Run provision = run("provision", "--cis-key", "keys/cis-key.json", "--sm-key", "keys/sm-key.json",
                "--subaccount", subaccount, "--scopes", "projects.read", "--key-file", "calm-key.json", "--json");
        assertThat(provision.exitCode).as(provision.err).isZero();
        assertThat(provision.json().path("ok").asBoolean()).isTrue();
        assertThat(provision.json().path("subaccountId").asText()).isEqualTo(subaccount);
        assertThat(provision.json().path("httpWrites").asInt()).isEqualTo(3);
        assertThat(Files.getPosixFilePermissions(dir.resolve("calm-key.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Run again = run("provision", "--cis-key", "keys/cis-key.json", "--sm-key", "keys/sm-key.json",
                "--subaccount", subaccount, "--scopes", "projects.read", "--key-file", "calm-key.json", "--json");
        assertThat(again.exitCode).as(again.err).isZero();
        assertThat(again.json().path("changed").asBoolean()).as("a second run changes nothing").isFalse();
        assertThat(again.json().path("httpWrites").asInt()).isZero();

        Run token = run("token", "--key", "calm-key.json", "--json");
        assertThat(token.exitCode).as(token.err).isZero();
        assertThat(token.json().at("/token/scopes").toString()).contains("calm-api.projects.read");
        assertThat(token.json().at("/token/token").asText()).isEqualTo("***");

        Run call = run("call", "GET", "calm-projects/v1/projects", "--key", "calm-key.json", "--json");
        assertThat(call.exitCode).as(call.err).isZero();
        assertThat(call.json().path("status").asInt()).isEqualTo(200);
        assertThat(call.json().path("body").isArray()).isTrue();

        Run forbidden = run("call", "GET", "calm-tasks/v1/tasks?projectId=x", "--key", "calm-key.json", "--json");
        assertThat(forbidden.exitCode).as("a missing scope is exit 3").isEqualTo(3);
    }

    @Test
    void versionHelpAndCompletion_needNothingButTheJar() throws Exception {
        Run version = run("--version");
        assertThat(version.exitCode).isZero();
        assertThat(version.out).startsWith("calm ").contains("Java ");

        Run help = run("--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.out).contains("provision", "token", "call", "completion", "Exit codes:")
                .as("the published jar has no examples: not offered").doesNotContain("Run a runnable example");

        Run completion = run("completion");
        assertThat(completion.exitCode).isZero();
        assertThat(completion.out).contains("complete -F", "provision", "--key-file");
    }

    /** jbang runs the published thin jar by its manifest; its dependencies come from the pom. */
    @Test
    void thinJar_namesTheMainClass() throws IOException {
        Path thin = Paths.get(System.getProperty("calm.jar").replace("-all.jar", ".jar"));
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(thin.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(CalmCommand.class.getName());
        }
    }

    @Test
    void example_fromTheJarAlone_isBadInputSayingWhereTheExamplesAre() throws Exception {
        Run example = run("example", "FirstCall");
        assertThat(example.exitCode).isEqualTo(2);
        assertThat(example.err).contains("no runnable examples", "./calm example FirstCall");
    }

    /**
     * The README's pipeline job, word for word but for the download (the jar is already here), against the
     * simulator in one-key mode. It needs {@code jq}, as the job does: without it the test is skipped.
     */
    @Test
    void readmePipelineJob_runsAsWritten() throws Exception {
        Assumptions.assumeTrue(onPath("jq") && onPath("sh"), "jq and sh are needed to run the README's job");
        simulator = start("simulator", "--keys-dir", "keys", "--operation-polls", "1", "--entitlement-polls", "1", "--json");
        String subaccount = firstDocument(simulator).path("defaultSubaccountId").asText();
        String readme = Files.readString(Paths.get(System.getProperty("calm.readme", "../README.md")));
        String job = readme.substring(readme.indexOf("### Use the CLI in a pipeline"));
        job = job.substring(job.indexOf("```bash\n") + 8, job.indexOf("```", job.indexOf("```bash\n") + 8));
        assertThat(job).contains("curl -fsSLo calm.jar", "trap 'rm -f calm-key.json' EXIT");
        Files.writeString(dir.resolve("job.sh"), job.replace("curl -fsSLo calm.jar", "true # curl -fsSLo calm.jar"));
        Files.writeString(dir.resolve("run-integration-tests.sh"),
                "#!/bin/sh\necho \"tests got a key of $(printf %s \"$CALM_SERVICE_KEY\" | wc -c) bytes\"\n");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "chmod +x run-integration-tests.sh && sh job.sh")
                .directory(dir.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("CALM_"));
        pb.environment().put("CALM_CIS_KEY", Files.readString(dir.resolve("keys/cis-key.json")));
        pb.environment().put("SUBACCOUNT_ID", subaccount);
        pb.environment().merge("PATH", Paths.get(System.getProperty("java.home"), "bin").toString(),
                (path, javaBin) -> javaBin + java.io.File.pathSeparator + path);
        Run ran = finish(pb.start(), "the README's job");
        assertThat(ran.exitCode).as(ran.err).isZero();
        assertThat(ran.out).contains("changed: true, writes: 4", "token valid until ", "0 project(s) in Cloud ALM")
                .containsPattern("tests got a key of [1-9][0-9]+ bytes");
        assertThat(dir.resolve("calm-key.json")).as("the trap removed the key").doesNotExist();
        assertThat(ran.err).doesNotContain("clientsecret", "\"access_token\"");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(entry, command))) {
                return true;
            }
        }
        return false;
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.getFileName().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("CALM_") || name.equals("CLASSPATH"));
        return pb.start();
    }

    private Run run(String... args) throws Exception {
        return finish(start(args), "calm " + List.of(args));
    }

    /** Waits for a process, reading both its streams at once so that neither fills up and blocks it. */
    private static Run finish(Process p, String what) throws Exception {
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)).as("%s finished", what).isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    /** The simulator's --json document: pretty-printed, it ends with a closing brace alone on a line. */
    private static JsonNode firstDocument(Process p) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> document = CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    text.append(line).append('\n');
                    if (line.equals("}")) {
                        return text.toString();
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new AssertionError("the simulator ended before describing itself: " + text);
        });
        return JSON.readTree(document.get(COMMAND_SECONDS, TimeUnit.SECONDS));
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static final class Run {
        final int exitCode;
        final String out;
        final String err;

        Run(int exitCode, String out, String err) {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }
}
