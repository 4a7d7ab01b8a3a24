package io.calmsdk.benchmarks.jmh;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.Task;
import io.calmsdk.benchmarks.support.LoopbackServer;
import io.calmsdk.benchmarks.support.RawTask;
import io.calmsdk.core.keys.ServiceKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * B3: GET a 50-item task list below {@code endpoints.Api} and decode it into objects, through
 * {@link CloudAlmClient} and by hand with {@code java.net.http} + Jackson, against the same loopback server
 * and payload. The hand-written client is what a careful developer writes: one {@code HttpClient} (HTTP/1.1,
 * as calm-sdk uses), one token fetched up front and reused, one {@code ObjectMapper}, the same field types.
 */
@State(Scope.Benchmark)
public class TaskListBenchmark {

    /** The project whose tasks are listed (the server ignores it; both clients send it). */
    static final String PROJECT_ID = "b7a1d3c2-1111-4222-8333-444455556666";
    /** Items in the list. */
    public static final int ITEMS = 50;

    private LoopbackServer server;
    private CloudAlmClient calm;
    private HttpClient raw;
    private ObjectMapper mapper;
    private JavaType rawListType;
    private HttpRequest rawRequest;

    /**
     * Starts the server, builds both clients and fetches the token each of them will use.
     *
     * @throws Exception if the server or a token cannot be reached
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = LoopbackServer.start(Duration.ZERO, ITEMS);
        calm = CloudAlmClient.create(ServiceKeys.calm().fromJson(server.cloudAlmKeyJson()));
        raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
        mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        rawListType = mapper.getTypeFactory().constructCollectionType(List.class, RawTask.class);
        String basic = Base64.getEncoder().encodeToString((LoopbackServer.CLIENT_ID + ":"
                + LoopbackServer.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> tokenAnswer = raw.send(HttpRequest.newBuilder(server.tokenUrl())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode token = mapper.readTree(tokenAnswer.body());
        rawRequest = HttpRequest.newBuilder(URI.create(server.tasksUrl() + "?projectId=" + PROJECT_ID))
                .header("Authorization", "Bearer " + token.path("access_token").asText())
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET().build();
        check(calmTypedList().size(), "calm-sdk tasks().list()");
        check(calmRequest().size(), "calm-sdk request().asListOf()");
        check(rawJavaNetHttp().size(), "raw java.net.http");
    }

    private static void check(int size, String who) {
        if (size != ITEMS) {
            throw new IllegalStateException(who + " decoded " + size + " tasks, expected " + ITEMS);
        }
    }

    /** Closes both clients and the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        calm.close();
        server.close();
    }

    /**
     * calm-sdk as documented: {@code tasks().list(projectId)}, a lazy pager, collected into a list.
     *
     * @return the decoded tasks
     */
    @Benchmark
    public List<Task> calmTypedList() {
        return calm.tasks().list(PROJECT_ID).stream().collect(Collectors.toList());
    }

    /**
     * calm-sdk's generic request: {@code request("GET", path).query(...).send().asListOf(Task.class)}.
     *
     * @return the decoded tasks
     */
    @Benchmark
    public List<Task> calmRequest() {
        return calm.request("GET", LoopbackServer.TASKS_PATH).query("projectId", PROJECT_ID).send()
                .asListOf(Task.class);
    }

    /**
     * The hand-written baseline: {@code HttpClient.send} and {@code ObjectMapper.readValue}.
     *
     * @return the decoded tasks
     * @throws IOException if the request fails
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public List<RawTask> rawJavaNetHttp() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = raw.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return mapper.readValue(response.body(), rawListType);
    }
}
