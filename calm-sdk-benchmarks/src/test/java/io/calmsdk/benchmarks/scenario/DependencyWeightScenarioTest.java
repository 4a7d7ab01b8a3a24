package io.calmsdk.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyWeightScenarioTest {

    @TempDir
    Path dir;

    @Test
    void closure_twoModulesSharingJars_eachArtifactCountedOnce() throws IOException {
        Path repo = dir.resolve("repo");
        Path jackson = jar(repo.resolve("com/fasterxml/jackson/core/jackson-core/2.23.0/jackson-core-2.23.0.jar"), 300);
        Path slf4j = jar(repo.resolve("org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"), 70);
        Path a = module("a", 10, jackson + ":" + slf4j);
        Path b = module("b", 20, slf4j.toString());

        DependencyWeightScenario.Closure closure = DependencyWeightScenario.closure("x", List.of(a, b), true);

        assertThat(closure.count()).isEqualTo(4);
        assertThat(closure.bytes()).isEqualTo(300 + 70 + 10 + 20);
    }

    @Test
    void closure_missingClasspathFile_explainsHowToResolve() {
        assertThatThrownBy(() -> DependencyWeightScenario.closure("x", List.of(dir.resolve("nothing")), false))
                .isInstanceOf(IOException.class).hasMessageContaining("run.sh");
    }

    @Test
    void artifactKey_repositoryAndReactorJars_versionIgnored() {
        assertThat(DependencyWeightScenario.artifactKey(
                Path.of("/r/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar")))
                .isEqualTo(Path.of("/r/org/slf4j/slf4j-api").toString());
        assertThat(DependencyWeightScenario.artifactKey(
                Path.of("/w/calm-sdk-core/target/calm-sdk-core-0.1.0-SNAPSHOT.jar")))
                .isEqualTo("calm-sdk-core");
    }

    private Path module(String name, int ownJarBytes, String classpath) throws IOException {
        Path module = dir.resolve(name);
        jar(module.resolve("target/" + name + "-0.1.0-SNAPSHOT.jar"), ownJarBytes);
        Files.writeString(module.resolve(DependencyWeightScenario.CLASSPATH_FILE), classpath);
        return module;
    }

    private static Path jar(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
        return file;
    }
}
