package io.calmsdk.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RequestsTest {

    @Test
    void taskCreate_minimal_defaultsToPlainTask() throws Exception {
        TaskCreateRequest r = TaskCreateRequest.of("p1", "Write docs");
        assertThat(Json.mapper().writeValueAsString(r))
                .isEqualTo("{\"projectId\":\"p1\",\"title\":\"Write docs\",\"type\":\"CALMTASK\"}");
    }

    @Test
    void taskCreate_allFields_serialisesWireNames() throws Exception {
        TaskCreateRequest r = TaskCreateRequest.builder().projectId("p").title("t").type(TaskType.SUB_TASK)
                .parentId("t0").description("d").assigneeId("u").dueDate(LocalDate.of(2025, 2, 3)).priorityId(10)
                .externalId("x").build();
        assertThat(Json.mapper().writeValueAsString(r)).isEqualTo("{\"projectId\":\"p\",\"title\":\"t\",\"type\":\"CALMST\","
                + "\"description\":\"d\",\"assigneeId\":\"u\",\"dueDate\":\"2025-02-03\",\"priorityId\":10,"
                + "\"parentId\":\"t0\",\"externalId\":\"x\"}");
        assertThat(r.toString()).contains("title=t");
    }

    @Test
    void taskCreate_subTaskWithoutParent_throwsValidation() {
        assertThatThrownBy(() -> TaskCreateRequest.builder().projectId("p").title("t").type(TaskType.SUB_TASK).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("parentId");
    }

    @Test
    void taskCreate_blankTitle_throwsValidation() {
        assertThatThrownBy(() -> TaskCreateRequest.of("p", " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("title is blank");
    }

    @Test
    void taskCreate_badPriority_throwsValidation() {
        assertThatThrownBy(() -> TaskCreateRequest.builder().projectId("p").title("t").priorityId(15).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorityId is 15");
    }

    @Test
    void taskUpdate_onlySetFields_areSent() throws Exception {
        TaskUpdateRequest r = TaskUpdateRequest.builder().status("DONE").priorityId(40).build();
        assertThat(Json.mapper().writeValueAsString(r)).isEqualTo("{\"status\":\"DONE\",\"priorityId\":40}");
    }

    @Test
    void taskUpdate_noField_throwsValidation() {
        assertThatThrownBy(() -> TaskUpdateRequest.builder().build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("sets no field");
    }

    @Test
    void projectRequests_serialiseAndValidate() throws Exception {
        assertThat(Json.mapper().writeValueAsString(ProjectCreateRequest.of("Rollout"))).isEqualTo("{\"name\":\"Rollout\"}");
        assertThat(Json.mapper().writeValueAsString(ProjectUpdateRequest.builder().status("C").build()))
                .isEqualTo("{\"status\":\"C\"}");
        assertThatThrownBy(() -> ProjectCreateRequest.of(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("name is missing");
        assertThatThrownBy(() -> ProjectUpdateRequest.builder().name("").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("name is blank");
    }

    @Test
    void taskList_defaultsAndValidation() {
        TaskListRequest r = TaskListRequest.forProject("p");
        assertThat(r.pageSize()).isEqualTo(TaskListRequest.DEFAULT_PAGE_SIZE);
        assertThat(r).isEqualTo(TaskListRequest.builder().projectId("p").build());
        assertThatThrownBy(() -> TaskListRequest.builder().projectId("p").pageSize(0).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("pageSize is 0");
    }

    @Test
    void odataQuery_builder_keepsOptions() {
        ODataQuery q = ODataQuery.builder().filter("parentNodeUUID eq null").select("uuid", "title").orderBy("sequence")
                .expand("toParentNode").pageSize(50).build();
        assertThat(q.filterExpression()).contains("parentNodeUUID eq null");
        assertThat(q.select()).containsExactly("uuid", "title");
        assertThat(q.pageSize()).isEqualTo(50);
        assertThat(ODataQuery.all().pageSize()).isEqualTo(ODataQuery.DEFAULT_PAGE_SIZE);
        assertThatThrownBy(() -> ODataQuery.filter(" ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void hierarchyNodeCreate_sendsSapFieldNames() throws Exception {
        HierarchyNodeCreateRequest child = HierarchyNodeCreateRequest.builder().title("Child Hierarchy Node 2")
                .description("This is another child hierarchy node").parentNodeUuid("r1")
                .externalReference(ExternalReference.of("External Reference", "https://sap.com",
                        "ec44740b-7001-4ea1-a61a-4ecae614431f")).build();

        assertThat(Json.mapper().writeValueAsString(child)).isEqualTo("{\"title\":\"Child Hierarchy Node 2\","
                + "\"description\":\"This is another child hierarchy node\",\"parentNodeUUID\":\"r1\","
                + "\"toExternalReferences\":[{\"name\":\"External Reference\",\"url\":\"https://sap.com\","
                + "\"externalReferenceId\":\"ec44740b-7001-4ea1-a61a-4ecae614431f\"}]}");
        assertThat(Json.mapper().writeValueAsString(HierarchyNodeCreateRequest.root("Root")))
                .isEqualTo("{\"title\":\"Root\"}");
        assertThatThrownBy(() -> HierarchyNodeCreateRequest.builder().build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("title is missing");
        assertThatThrownBy(() -> HierarchyNodeCreateRequest.child(" ", "t")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("parentNodeUuid is blank");
        assertThatThrownBy(() -> HierarchyNodeCreateRequest.builder().title("t").sequence(-1).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("sequence is -1");
    }

    @Test
    void hierarchyNodeUpdate_sendsOnlyWhatChanges_andNullToMoveToTheRoot() throws Exception {
        assertThat(Json.mapper().writeValueAsString(HierarchyNodeUpdateRequest.builder().title("T")
                .externalReferences(java.util.List.of(ExternalReference.of("N", "https://sap.com/"))).build()))
                .isEqualTo("{\"title\":\"T\",\"toExternalReferences\":[{\"name\":\"N\",\"url\":\"https://sap.com/\"}]}");
        assertThat(Json.mapper().writeValueAsString(HierarchyNodeUpdateRequest.builder().parentNodeUuid("r2").build()))
                .isEqualTo("{\"parentNodeUUID\":\"r2\"}");
        HierarchyNodeUpdateRequest toRoot = HierarchyNodeUpdateRequest.builder().moveToRoot().build();
        assertThat(toRoot.movesToRoot()).isTrue();
        assertThat(Json.mapper().writeValueAsString(toRoot)).isEqualTo("{\"parentNodeUUID\":null}");
        assertThat(Json.mapper().writeValueAsString(HierarchyNodeUpdateRequest.builder()
                .externalReferences(java.util.List.of()).build())).isEqualTo("{\"toExternalReferences\":[]}");
        assertThatThrownBy(() -> HierarchyNodeUpdateRequest.builder().build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("sets no field");
        assertThatThrownBy(() -> HierarchyNodeUpdateRequest.builder().title(" ").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("title is blank");
    }

    @Test
    void timeboxCreate_sendsTheNotebookShape() throws Exception {
        TimeboxCreateRequest sprint = TimeboxCreateRequest.builder().type(TimeboxCreateRequest.Type.SPRINT)
                .name("API Demo Sprint").startDate(LocalDate.of(2022, 2, 7)).endDate(LocalDate.of(2022, 2, 18))
                .closed(false).build();

        assertThat(Json.mapper().writeValueAsString(sprint)).isEqualTo("{\"type\":2,\"name\":\"API Demo Sprint\","
                + "\"startDate\":\"2022-02-07\",\"endDate\":\"2022-02-18\",\"closed\":false}");
        assertThat(TimeboxCreateRequest.Type.MILESTONE.code()).isZero();
        assertThat(TimeboxCreateRequest.Type.PHASE.code()).isEqualTo(1);
        assertThatThrownBy(() -> TimeboxCreateRequest.sprint("S", LocalDate.of(2022, 2, 18), LocalDate.of(2022, 2, 7)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("endDate");
        assertThatThrownBy(() -> TimeboxCreateRequest.builder().name("S").startDate(LocalDate.of(2022, 2, 7))
                .endDate(LocalDate.of(2022, 2, 8)).build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("type is missing");
        assertThatThrownBy(() -> ExternalReference.of("n", " ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("url is blank");
    }
}
