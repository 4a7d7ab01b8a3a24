package io.calmsdk.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void tokenAndList_twoRequests_countedAndDecodable() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (LoopbackServer server = LoopbackServer.start(Duration.ZERO, 50)) {
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(server.tokenUrl())
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<byte[]> list = http.send(HttpRequest.newBuilder(server.tasksUrl()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            JsonNode tokenJson = MAPPER.readTree(token.body());
            List<RawTask> tasks = MAPPER.readValue(list.body(),
                    MAPPER.getTypeFactory().constructCollectionType(List.class, RawTask.class));
            assertThat(tokenJson.path("access_token").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            assertThat(tokenJson.path("expires_in").asInt()).isPositive();
            assertThat(tasks).hasSize(50).allSatisfy(t -> {
                assertThat(t.dueDate()).isNotNull();
                assertThat(t.lastChangedDate()).isNotNull();
            });
            assertThat(server.tokenRequests()).isEqualTo(1);
            assertThat(server.listRequests()).isEqualTo(1);
            server.resetCounts();
            assertThat(server.tokenRequests()).isZero();
        }
    }

    @Test
    void cloudAlmKeyJson_pointsAtServer_apiEndsInApi() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Duration.ZERO, 1)) {
            JsonNode key = MAPPER.readTree(server.cloudAlmKeyJson());

            assertThat(key.path("endpoints").path("Api").asText()).isEqualTo(server.apiUrl().toString())
                    .endsWith("/api");
            assertThat(key.path("uaa").path("url").asText()).isEqualTo(server.baseUrl().toString());
        }
    }
}
