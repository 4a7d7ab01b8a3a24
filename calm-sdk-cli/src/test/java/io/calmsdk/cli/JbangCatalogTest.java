package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** {@code jbang calm@calm-sdk/calm-sdk} runs this version's main class: the catalog and the build agree. */
class JbangCatalogTest {

    @Test
    void catalogAlias_pointsAtThisVersionOfTheCli() throws Exception {
        Path catalog = Paths.get(System.getProperty("calm.root", "..")).resolve("jbang-catalog.json");
        JsonNode alias = new ObjectMapper().readTree(Files.readString(catalog)).at("/aliases/calm");

        assertThat(alias.path("script-ref").asText()).isEqualTo("io.calmsdk:calm-sdk-cli:" + VersionProvider.version());
        assertThat(alias.path("java").asText()).isEqualTo("17+");
    }
}
