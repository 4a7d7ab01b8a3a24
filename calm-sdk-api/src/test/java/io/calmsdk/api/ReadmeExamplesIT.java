package io.calmsdk.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.model.ExternalReference;
import io.calmsdk.api.model.HierarchyNode;
import io.calmsdk.api.model.HierarchyNodeCreateRequest;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.Project;
import io.calmsdk.api.model.ProjectCreateRequest;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.api.model.TaskListRequest;
import io.calmsdk.api.model.TaskType;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.api.model.Timebox;
import io.calmsdk.api.model.TimeboxCreateRequest;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.paging.PagedIterable;
import io.calmsdk.testkit.BtpSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of calm-sdk-api/README.md, compiled and run against the simulator. */
class ReadmeExamplesIT {

    @TempDir
    Path dir;

    @Test
    void firstCall_and_keyConcepts_runAsWritten() throws Exception {
        try (BtpSimulator sim = BtpSimulator.start()) {
            Files.writeString(dir.resolve("calm-key.json"), sim.seed().cloudAlmKey("calm-api.projects.read",
                    "calm-api.projects.write", "calm-api.tasks.read", "calm-api.tasks.write",
                    "calm-api.processhierarchy.read", "calm-api.processhierarchy.write").json());
            Path keyFile = dir.resolve("calm-key.json");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

            // README: First call
            ServiceKey key = ServiceKeys.calm().fromFile(keyFile);
            String projectId;
            try (CloudAlmClient calm = CloudAlmClient.create(key)) {
                Project project = calm.projects().create(ProjectCreateRequest.of("S/4HANA rollout"));
                calm.tasks().create(TaskCreateRequest.of(project.id(), "Prepare cutover"));
                for (Task task : calm.tasks().list(project.id())) {
                    out.println(task.title() + " " + task.status().orElse("?"));
                }
                projectId = project.id();
            }
            assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("Prepare cutover ");

            // README: Key concepts
            try (CloudAlmClient calm = CloudAlmClient.builder()
                    .credentials(key)
                    .options(ClientOptions.builder().retryPolicy(RetryPolicy.builder().maxAttempts(6).build())
                    .connectTimeout(Duration.ofSeconds(5))
                    .attemptTimeout(Duration.ofSeconds(20))
                    .callTimeout(Duration.ofMinutes(5))
                    .userAgentSuffix("nightly-sync/1.4").build())
                    .build()) {
                TaskListRequest stories = TaskListRequest.builder()
                        .projectId(projectId).type(TaskType.USER_STORY)
                        .lastChangedAfter(LocalDate.now().minusDays(7)).pageSize(200).build();
                calm.tasks().list(stories).stream().filter(t -> t.assigneeId().isEmpty()).forEach(out::println);

                PagedIterable<HierarchyNode> roots = calm.processHierarchy().listNodes(
                        ODataQuery.builder().filter("parentNodeUUID eq null").orderBy("sequence").build());
                assertThat(roots).isNotEmpty().allSatisfy(n -> assertThat(n.isRoot()).isTrue());

                HierarchyNode root = calm.processHierarchy().create(HierarchyNodeCreateRequest.root("Order to Cash"));
                HierarchyNode child = calm.processHierarchy().create(n -> n.parentNodeUuid(root.uuid())
                        .title("Sell from Stock")
                        .externalReference(ExternalReference.of("Design", "https://example.com/design")));
                Timebox sprint = calm.projects().createTimebox(projectId,
                        TimeboxCreateRequest.sprint("Sprint 4", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 14)));
                assertThat(child.parentNodeUuid()).contains(root.uuid());
                assertThat(sprint.name()).isEqualTo("Sprint 4");

                String taskId = calm.tasks().list(projectId).iterator().next().id();
                CloudAlmResponse read = calm.request("GET", "/calm-tasks/v1/tasks/{id}", taskId).send();
                JsonNode task = read.as(JsonNode.class);
                assertThat(task.path("title").asText()).isEqualTo("Prepare cutover");
                CompletableFuture<Task> later = calm.request("GET", "/calm-tasks/v1/tasks/{id}", taskId)
                        .sendAsync(Task.class);
                assertThat(later.get().id()).isEqualTo(taskId);
            }
        }
    }

    @Test
    void testingYourCode_runsAsWritten() {
        // README: Testing your code
        try (BtpSimulator sim = BtpSimulator.start();
             CloudAlmClient calm = CloudAlmClient.create(ServiceKeys.calm().fromJson(
                     sim.seed().cloudAlmKey("calm-api.projects.read", "calm-api.tasks.read").json()))) {
            String projectId = sim.cloudAlm().createProject("Demo");
            sim.cloudAlm().seedTasks(projectId, 5_000);
            assertThat(calm.tasks().list(projectId).stream().count()).isEqualTo(5_000);
            assertThat(sim.journal().tokenRequests()).isEqualTo(1);
        }
    }
}
