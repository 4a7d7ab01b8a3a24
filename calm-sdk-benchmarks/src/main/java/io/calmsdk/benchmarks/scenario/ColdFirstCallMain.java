package io.calmsdk.benchmarks.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.Task;
import io.calmsdk.benchmarks.jmh.TaskListBenchmark;
import io.calmsdk.benchmarks.support.ChildJvm;
import io.calmsdk.benchmarks.support.LoopbackServer;
import io.calmsdk.benchmarks.support.RawTask;
import io.calmsdk.core.keys.ServiceKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * B8's cold first call, in a JVM of its own: starts the loopback server, then times building one client and its
 * first list call (token request included). Argument {@code raw} or {@code calm}; reports
 * {@code firstCallMillis}.
 */
public final class ColdFirstCallMain {

    private ColdFirstCallMain() {
    }

    /**
     * Entry point.
     *
     * @param args {@code raw} or {@code calm}
     * @throws Exception if the call fails
     */
    public static void main(String[] args) throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Duration.ZERO, TaskListBenchmark.ITEMS)) {
            String key = server.cloudAlmKeyJson();
            long start = System.nanoTime();
            int items = "raw".equals(args[0]) ? raw(server) : calm(key);
            long nanos = System.nanoTime() - start;
            if (items != TaskListBenchmark.ITEMS) {
                throw new IllegalStateException("decoded " + items + " items");
            }
            ChildJvm.report("firstCallMillis", nanos / 1e6);
        }
    }

    private static int calm(String key) {
        try (CloudAlmClient calm = CloudAlmClient.create(ServiceKeys.calm().fromJson(key))) {
            List<Task> tasks = calm.tasks().list("b7a1d3c2-1111-4222-8333-444455556666").stream()
                    .collect(Collectors.toList());
            return tasks.size();
        }
    }

    private static int raw(LoopbackServer server) throws Exception {
        HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        String basic = Base64.getEncoder().encodeToString((LoopbackServer.CLIENT_ID + ":"
                + LoopbackServer.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> tokenAnswer = raw.send(HttpRequest.newBuilder(server.tokenUrl())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode token = mapper.readTree(tokenAnswer.body());
        HttpResponse<byte[]> response = raw.send(HttpRequest.newBuilder(URI.create(server.tasksUrl()
                        + "?projectId=b7a1d3c2-1111-4222-8333-444455556666"))
                .header("Authorization", "Bearer " + token.path("access_token").asText())
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<RawTask> tasks = mapper.readValue(response.body(),
                mapper.getTypeFactory().constructCollectionType(List.class, RawTask.class));
        return tasks.size();
    }
}
