package io.calmsdk.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IDEs complete calm.* from the generated metadata: every property is there, with a description. */
class ConfigurationMetadataTest {

    @Test
    void everyCalmPropertyHasMetadataWithDescription() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json on the class path").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.path("properties")) {
            names.add(property.path("name").asText());
            assertThat(property.path("description").asText()).as(property.path("name").asText()).isNotBlank();
        }
        assertThat(names).contains("calm.enabled", "calm.service-key", "calm.instance-name", "calm.admin.cis-key",
                "calm.admin.sm-key", "calm.connect-timeout", "calm.attempt-timeout", "calm.call-timeout",
                "calm.retry.max-attempts", "calm.retry.retryable-statuses", "calm.kubernetes.binding-directory",
                "calm.kubernetes.secrets-root", "calm.health.cache-ttl", "calm.health.path", "calm.metrics.enabled",
                "calm.user-agent-suffix", "management.health.calm.enabled", "calm.test.simulator.scopes");
    }
}
