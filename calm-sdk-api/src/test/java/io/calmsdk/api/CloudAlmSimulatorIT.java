package io.calmsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.api.model.ExternalReference;
import io.calmsdk.api.model.HierarchyNode;
import io.calmsdk.api.model.HierarchyNodeCreateRequest;
import io.calmsdk.api.model.HierarchyNodeUpdateRequest;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.Project;
import io.calmsdk.api.model.ProjectCreateRequest;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.api.model.TaskListRequest;
import io.calmsdk.api.model.TaskType;
import io.calmsdk.api.model.TaskUpdateRequest;
import io.calmsdk.api.model.Timebox;
import io.calmsdk.api.model.TimeboxCreateRequest;
import io.calmsdk.core.exception.ForbiddenException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.paging.Page;
import io.calmsdk.core.testing.LogCapture;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestJournal;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.SimulatedKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acceptance: the Cloud ALM client against the testkit simulator, with keys the simulator issued. */
class CloudAlmSimulatorIT {

    private static final String[] ALL = {"calm-api.projects.read", "calm-api.projects.write", "calm-api.tasks.read",
        "calm-api.tasks.write", "calm-api.processhierarchy.read", "calm-api.processhierarchy.write"};

    private static BtpSimulator sim;

    @BeforeAll
    static void start() {
        sim = BtpSimulator.builder().odataPageSize(40).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    private static ServiceKey key(String... scopes) {
        return ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey(scopes).json());
    }

    private static List<RequestJournal.Entry> calmRequests(String method, String path) {
        return sim.journal().filter(e -> e.api() == SimulatedApi.CLOUD_ALM && e.method().equals(method)
                && e.path().equals(path));
    }

    @Test
    void consumerOverloads_buildRequestsInPlace_sameAsBuiltRequests() {
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            Project project = calm.projects().create(p -> p.name("Consumer rollout"));
            Project renamed = calm.projects().update(project.id(), p -> p.name("Consumer rollout 2"));
            Task task = calm.tasks().create(t -> t.projectId(project.id()).title("In place"));
            Task updated = calm.tasks().update(task.id(), t -> t.title("Changed in place"));
            List<Task> listed = calm.tasks().list(f -> f.projectId(project.id())).stream().toList();

            assertThat(renamed.name()).isEqualTo("Consumer rollout 2");
            assertThat(updated.title()).isEqualTo("Changed in place");
            assertThat(listed).extracting(Task::id).containsExactly(task.id());
        }
    }

    @Test
    void typedSequence_createPageUpdateDelete_usesOneToken() {
        ServiceKey key = key(ALL);
        sim.journal().clear();
        try (CloudAlmClient calm = CloudAlmClient.create(key)) {
            Project project = calm.projects().create(ProjectCreateRequest.of("S/4HANA rollout"));
            assertThat(calm.projects().get(project.id()).name()).isEqualTo("S/4HANA rollout");

            List<Task> created = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                created.add(calm.tasks().create(TaskCreateRequest.builder().projectId(project.id())
                        .title("Task " + i).type(i % 2 == 0 ? TaskType.USER_STORY : TaskType.TASK).build()));
            }
            assertThat(created).allSatisfy(t -> assertThat(t.projectId()).contains(project.id()));

            TaskListRequest byThree = TaskListRequest.builder().projectId(project.id()).pageSize(3).build();
            List<Integer> pageSizes = new ArrayList<>();
            for (Page<Task> page : calm.tasks().list(byThree).byPage()) {
                pageSizes.add(page.items().size());
            }
            assertThat(pageSizes).containsExactly(3, 3, 1);
            assertThat(calm.tasks().list(byThree).stream().map(Task::title).collect(Collectors.toList()))
                    .containsExactlyInAnyOrder("Task 1", "Task 2", "Task 3", "Task 4", "Task 5", "Task 6", "Task 7");

            Task first = created.get(0);
            Task updated = calm.tasks().update(first.id(), TaskUpdateRequest.builder().title("Task 1 (revised)")
                    .priorityId(10).build());
            assertThat(updated.title()).isEqualTo("Task 1 (revised)");
            assertThat(updated.priorityId()).contains(10);
            assertThat(calm.tasks().get(first.id()).title()).isEqualTo("Task 1 (revised)");

            calm.tasks().delete(created.get(1).id());
            assertThat(calm.tasks().find(created.get(1).id())).isEmpty();
            assertThat(calm.tasks().list(project.id())).hasSize(6);
            assertThat(calm.tasks().list(TaskListRequest.builder().projectId(project.id())
                    .type(TaskType.USER_STORY).build())).hasSize(2);
        }
        assertThat(sim.journal().tokenRequests()).isEqualTo(1);
        assertThat(calmRequests("POST", "/api/calm-tasks/v1/tasks")).hasSize(7);
        assertThat(sim.cloudAlm().projects()).hasSize(1);
    }

    @Test
    void timeboxesAndComments_roundTrip() {
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            Project project = calm.projects().create(ProjectCreateRequest.of("Sprints"));
            assertThat(calm.projects().listTimeboxes(project.id())).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.startDate()).isPresent());
            Task task = calm.tasks().create(TaskCreateRequest.of(project.id(), "Commented"));
            assertThat(calm.tasks().createComment(task.id(), "first!").text()).isEqualTo("first!");
            assertThat(calm.tasks().listComments(task.id())).extracting(c -> c.text()).containsExactly("first!");
        }
    }

    @Test
    void keyWithoutTasksWrite_createTask_throwsForbiddenNamingScope() {
        ServiceKey readOnly = key("calm-api.projects.read", "calm-api.projects.write", "calm-api.tasks.read");
        try (CloudAlmClient calm = CloudAlmClient.create(readOnly)) {
            Project project = calm.projects().create(ProjectCreateRequest.of("Read-only tasks"));
            assertThat(calm.tasks().list(project.id())).isEmpty();
            assertThatThrownBy(() -> calm.tasks().create(TaskCreateRequest.of(project.id(), "Not allowed")))
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                        assertThat(e.requiredScope().map(io.calmsdk.core.model.CalmScope::name)).contains("calm-api.tasks.write");
                        assertThat(e.grantedScopes()).contains("calm-api.tasks.read", "calm-api.projects.write")
                                .doesNotContain("calm-api.tasks.write");
                    })
                    .hasMessageContaining("needs scope calm-api.tasks.write");
        }
    }

    @Test
    void restPaging_seededTasks_crossesPagesWithOffsetAndLimit() {
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            String projectId = sim.cloudAlm().createProject("Bulk");
            sim.cloudAlm().seedTasks(projectId, 250);
            sim.journal().clear();
            assertThat(calm.tasks().list(TaskListRequest.builder().projectId(projectId).pageSize(100).build()).stream()
                    .map(Task::id).distinct().count()).isEqualTo(250);
        }
        List<String> queries = calmRequests("GET", "/api/calm-tasks/v1/tasks").stream().map(RequestJournal.Entry::query)
                .collect(Collectors.toList());
        assertThat(queries).hasSize(3);
        assertThat(queries.get(0)).contains("offset=0").contains("limit=100");
        assertThat(queries.get(1)).contains("offset=100");
        assertThat(queries.get(2)).contains("offset=200");
    }

    @Test
    void odataPaging_hierarchyNodes_crossesPagesWithSkipTopAndCount() {
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            long baseline = calm.processHierarchy().listNodes().stream().count();
            sim.cloudAlm().seedHierarchyNodes(230);
            long total = baseline + 230;
            Page<HierarchyNode> first = calm.processHierarchy().listNodes().byPage().iterator().next();
            assertThat(first.totalCount()).hasValue(total);

            sim.journal().clear();
            // pageSize 30 < the simulator's server page (40): plain $skip/$top paging.
            List<HierarchyNode> nodes = calm.processHierarchy().listNodes(ODataQuery.builder().pageSize(30).build())
                    .stream().collect(Collectors.toList());
            assertThat(nodes).hasSize((int) total);
            assertThat(nodes.stream().map(HierarchyNode::uuid).distinct().count()).isEqualTo(total);
            List<String> queries = calmRequests("GET", "/api/calm-processhierarchy/v1/HierarchyNodes").stream()
                    .map(RequestJournal.Entry::query).collect(Collectors.toList());
            long pages = (total + 29) / 30;
            assertThat(queries).hasSize((int) pages);
            assertThat(queries.get(0)).contains("$count=true").contains("$top=30").contains("$skip=0");
            assertThat(queries.get(queries.size() - 1)).contains("$skip=" + (pages - 1) * 30).doesNotContain("$count");

            // pageSize 100 > the server page (40): the server's next links complete each window.
            assertThat(calm.processHierarchy().listNodes(ODataQuery.builder().pageSize(100).build()).stream()
                    .map(HierarchyNode::uuid).distinct().count()).isEqualTo(total);
        }
    }

    @Test
    void odataFilter_isApplied() {
        sim.cloudAlm().seedHierarchyNodes(50);
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            List<HierarchyNode> all = calm.processHierarchy().listNodes().stream().collect(Collectors.toList());
            long roots = all.stream().filter(HierarchyNode::isRoot).count();
            assertThat(roots).isPositive();
            assertThat(calm.processHierarchy().listNodes(ODataQuery.filter("parentNodeUUID eq null")))
                    .hasSize((int) roots).allSatisfy(n -> assertThat(n.isRoot()).isTrue());
        }
    }

    @Test
    void hierarchyNodes_childrenKnowTheirParent() {
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            List<HierarchyNode> all = calm.processHierarchy().listNodes().stream().collect(Collectors.toList());

            // The baseline hierarchy has one root; every other node names its parent.
            assertThat(all).filteredOn(HierarchyNode::isRoot).hasSize(1);
            assertThat(all).filteredOn(n -> !n.isRoot()).hasSize(all.size() - 1)
                    .allSatisfy(n -> assertThat(all).extracting(HierarchyNode::uuid)
                            .contains(n.parentNodeUuid().orElseThrow()));
        }
    }

    @Test
    void hierarchyNodes_notebookFlow_createUpdateMoveDelete() {
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            ProcessHierarchyClient hierarchy = calm.processHierarchy();
            HierarchyNode root1 = hierarchy.create(n -> n.title("Parent Hierarchy Node 1")
                    .description("This is a new hierarchy node"));
            HierarchyNode root2 = hierarchy.create(HierarchyNodeCreateRequest.root("Parent Hierarchy Node 2"));
            HierarchyNode child1 = hierarchy.create(HierarchyNodeCreateRequest.child(root1.uuid(), "Child 1"));
            HierarchyNode child2 = hierarchy.create(n -> n.title("Child 2").parentNodeUuid(root1.uuid())
                    .externalReference(ExternalReference.of("External Reference", "https://sap.com",
                            "ec44740b-7001-4ea1-a61a-4ecae614431f")));

            assertThat(root1.isRoot()).isTrue();
            assertThat(child1.parentNodeUuid()).contains(root1.uuid());
            assertThat(child2.externalReferences()).extracting(r -> r.name().orElseThrow())
                    .containsExactly("External Reference");

            HierarchyNode updated = hierarchy.update(child2.uuid(), n -> n.title("Updated Child 2")
                    .externalReferences(List.of(ExternalReference.of("Renamed", "https://sap.com/"),
                            ExternalReference.of("New", "https://sap.com/"))));
            HierarchyNode moved = hierarchy.update(child1.uuid(), n -> n.parentNodeUuid(root2.uuid()));
            HierarchyNode toRoot = hierarchy.update(child2.uuid(), HierarchyNodeUpdateRequest.builder().moveToRoot()
                    .build());
            List<HierarchyNode> expanded = hierarchy.listNodes(ODataQuery.builder().expand("toExternalReferences")
                    .filter("uuid eq '" + child2.uuid() + "'").build()).stream().toList();
            hierarchy.delete(root2.uuid());

            assertThat(updated.title()).contains("Updated Child 2");
            assertThat(updated.externalReferences()).hasSize(2);
            assertThat(moved.parentNodeUuid()).contains(root2.uuid());
            assertThat(toRoot.isRoot()).isTrue();
            assertThat(expanded).singleElement().satisfies(n -> assertThat(n.externalReferences()).hasSize(2));
            assertThat(hierarchy.listNodes(ODataQuery.filter("uuid eq '" + child1.uuid() + "'"))).isEmpty();
            assertThat(calmRequests("POST", "/api/calm-processhierarchy/v1/HierarchyNodes")).hasSize(4)
                    .allSatisfy(e -> assertThat(e.status()).isEqualTo(201));
        }
    }

    @Test
    void timeboxes_createdInAProject_areListed() {
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            Project project = calm.projects().create(ProjectCreateRequest.of("Timeboxes"));
            Timebox sprint = calm.projects().createTimebox(project.id(), TimeboxCreateRequest.sprint("Sprint 4",
                    LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 14)));
            Timebox phase = calm.projects().createTimebox(project.id(), t -> t.type(TimeboxCreateRequest.Type.PHASE)
                    .name("Realize").startDate(LocalDate.of(2025, 3, 1)).endDate(LocalDate.of(2025, 6, 30)));

            assertThat(sprint.type()).contains("2");
            assertThat(phase.type()).contains("1");
            assertThat(calm.projects().listTimeboxes(project.id())).extracting(Timebox::id)
                    .contains(sprint.id(), phase.id());
        }
    }

    @Test
    void tokenExpiredOnTheServerMidSequence_fetchesOneNewTokenAndSucceeds() {
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            Project project = calm.projects().create(ProjectCreateRequest.of("Long job"));
            assertThat(sim.journal().tokenRequests()).isEqualTo(1);
            // The simulator's clock moves past the token's lifetime; the client's clock does not, so the
            // client still holds the token as valid and learns otherwise from a 401.
            sim.clock().advance(Duration.ofHours(13));
            Task task = calm.tasks().create(TaskCreateRequest.of(project.id(), "After expiry"));
            assertThat(task.title()).isEqualTo("After expiry");
            assertThat(calm.tasks().list(project.id())).hasSize(1);
        }
        assertThat(sim.journal().tokenRequests()).isEqualTo(2);
        assertThat(sim.journal().filter(e -> e.status() == 401)).hasSize(1);
    }

    @Test
    void simulatorSequence_neverLogsSecretOrToken() {
        SimulatedKey simulated = sim.seed().cloudAlmKey("calm-api.projects.read", "calm-api.projects.write");
        ServiceKey key = ServiceKeys.calm().fromJson(simulated.json());
        String secret = key.uaa().clientSecret().orElseThrow().reveal();
        try (LogCapture logs = LogCapture.start(); CloudAlmClient calm = CloudAlmClient.create(key)) {
            Project p = calm.projects().create(ProjectCreateRequest.of("Canary"));
            assertThatThrownBy(() -> calm.tasks().list(p.id()).iterator().hasNext())
                    .isInstanceOf(ForbiddenException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("eyJ"));
            sim.clock().advance(Duration.ofHours(13));
            calm.projects().get(p.id());
            assertThat(logs.text()).isNotEmpty().doesNotContain(secret).doesNotContain("eyJ")
                    .doesNotContain("Bearer ey");
            assertThat(calm.toString() + key + simulated).doesNotContain(secret);
        }
    }
}
