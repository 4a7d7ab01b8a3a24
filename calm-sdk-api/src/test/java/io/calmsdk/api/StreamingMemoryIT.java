package io.calmsdk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.api.model.Feature;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskListRequest;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.testkit.BtpSimulator;
import org.junit.jupiter.api.Test;

/**
 * Listing 100,000 tasks (REST offset/limit) and 100,000 features (OData {@code $skip}/{@code $top}) through the pager in a JVM whose heap cannot hold them all: it only completes
 * if pages are decoded one at a time and never accumulated. The build runs this class in its own
 * failsafe execution with {@code -Xmx64m} (see the module pom).
 */
class StreamingMemoryIT {

    private static final int TASKS = 100_000;
    private static final long HEAP_LIMIT = 96L * 1024 * 1024;

    @Test
    void list_100000Tasks_completesInABoundedHeap() {
        // The bound is what makes the test meaningful: 100,000 decoded tasks need well over 64 MB.
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx64m").isLessThan(HEAP_LIMIT);
        try (BtpSimulator sim = BtpSimulator.builder().journalCapacity(1_000).start()) {
            ServiceKey key = ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey("calm-api.tasks.read").json());
            String projectId = sim.cloudAlm().createProject("Huge backlog");
            sim.cloudAlm().seedTasks(projectId, TASKS);
            long count = 0;
            long titleChars = 0;
            try (CloudAlmClient calm = CloudAlmClient.create(key)) {
                for (Task task : calm.tasks().list(TaskListRequest.builder().projectId(projectId).pageSize(1000).build())) {
                    count++;
                    titleChars += task.title().length();
                }
            }
            assertThat(count).isEqualTo(TASKS);
            assertThat(titleChars).isPositive();
            // 100 full pages and the empty page that ends the collection.
            assertThat(sim.journal().count("GET", "/api/calm-tasks/v1/tasks")).isEqualTo(TASKS / 1000 + 1);
            assertThat(sim.journal().tokenRequests()).isEqualTo(1);
        }
    }

    @Test
    void list_100000Features_odata_completesInABoundedHeap() {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx64m").isLessThan(HEAP_LIMIT);
        try (BtpSimulator sim = BtpSimulator.builder().journalCapacity(1_000).odataPageSize(1_000).start()) {
            ServiceKey key = ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey("calm-api.features.read").json());
            sim.cloudAlm().generateFeatures("huge", TASKS);
            long count = 0;
            long titleChars = 0;
            try (CloudAlmClient calm = CloudAlmClient.create(key)) {
                for (Feature feature : calm.features().list(ODataQuery.builder().pageSize(1000).build())) {
                    count++;
                    titleChars += feature.title().length();
                }
            }
            assertThat(count).isEqualTo(TASKS);
            assertThat(titleChars).isPositive();
            // 100 full pages; the count the first page reports ends the collection without an empty page.
            assertThat(sim.journal().count("GET", "/api/calm-features/v1/Features")).isBetween((long) TASKS / 1000,
                    (long) TASKS / 1000 + 1);
            assertThat(sim.journal().tokenRequests()).isEqualTo(1);
        }
    }
}
