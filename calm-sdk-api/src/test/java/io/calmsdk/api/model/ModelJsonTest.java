package io.calmsdk.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.internal.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    private static <T> T read(String json, Class<T> type) throws Exception {
        return Json.mapper().readValue(json, type);
    }

    @Test
    void task_fullJson_decodesEveryField() throws Exception {
        Task t = read("{\"id\":\"t1\",\"projectId\":\"p1\",\"title\":\"Do it\",\"type\":\"CALMST\",\"status\":\"OPEN\","
                + "\"description\":\"d\",\"externalId\":\"x\",\"dueDate\":\"2025-06-30T00:00:00.000Z\",\"priorityId\":20,"
                + "\"assigneeId\":\"u\",\"assigneeName\":\"Ann\",\"parentId\":\"t0\",\"timeboxName\":\"Sprint 1\","
                + "\"timeboxStartDate\":\"2025-06-01\",\"timeboxEndDate\":\"2025-06-14\",\"unknown\":[1],"
                + "\"createdDate\":\"2025-05-01T08:00:00Z\",\"lastChangedDate\":\"2025-05-02T09:30:00.123Z\"}", Task.class);
        assertThat(t).isEqualTo(new Task("t1", Optional.of("p1"), "Do it", TaskType.SUB_TASK, Optional.of("OPEN"),
                Optional.of("d"), Optional.of("x"), Optional.of(LocalDate.of(2025, 6, 30)), Optional.of(20),
                Optional.of("u"), Optional.of("Ann"), Optional.of("t0"), Optional.of("Sprint 1"),
                Optional.of(LocalDate.of(2025, 6, 1)), Optional.of(LocalDate.of(2025, 6, 14)),
                Optional.of(Instant.parse("2025-05-01T08:00:00Z")), Optional.of(Instant.parse("2025-05-02T09:30:00.123Z"))));
    }

    @Test
    void task_writtenBack_omitsAbsentFieldsAndUsesWireNames() throws Exception {
        Task t = read("{\"id\":\"t1\",\"title\":\"A\",\"type\":\"calmtask\",\"dueDate\":\"2025-01-02\"}", Task.class);
        JsonNode json = Json.mapper().valueToTree(t);
        assertThat(json.toString()).isEqualTo("{\"id\":\"t1\",\"title\":\"A\",\"type\":\"CALMTASK\",\"dueDate\":\"2025-01-02\"}");
    }

    @Test
    void task_unknownType_isKeptVerbatim() throws Exception {
        Task t = read("{\"id\":\"t1\",\"title\":\"A\",\"type\":\"CALMNEW\"}", Task.class);
        assertThat(t.type().value()).isEqualTo("CALMNEW");
        assertThat(t.type().isKnown()).isFalse();
        assertThat(TaskType.DEFECT.isKnown()).isTrue();
    }

    @Test
    void task_badDate_failsDecoding() {
        assertThatThrownBy(() -> read("{\"id\":\"t1\",\"title\":\"A\",\"dueDate\":\"tomorrow\"}", Task.class))
                .hasMessageContaining("tomorrow");
    }

    @Test
    void project_json_decodesAndReportsClosed() throws Exception {
        Project p = read("{\"id\":\"p1\",\"name\":\"Rollout\",\"status\":\"C\"}", Project.class);
        assertThat(p.name()).isEqualTo("Rollout");
        assertThat(p.isClosed()).isTrue();
        assertThat(p.description()).isEmpty();
        assertThat(Json.mapper().writeValueAsString(p)).isEqualTo("{\"id\":\"p1\",\"name\":\"Rollout\",\"status\":\"C\"}");
    }

    @Test
    void project_missingName_failsDecoding() {
        assertThatThrownBy(() -> read("{\"id\":\"p1\"}", Project.class)).hasMessageContaining("name");
    }

    @Test
    void timebox_json_decodesDates() throws Exception {
        Timebox t = read("{\"id\":\"b\",\"name\":\"Sprint\",\"type\":\"SPRINT\",\"startDate\":\"2025-01-01\","
                + "\"endDate\":\"2025-01-14T23:59:59\"}", Timebox.class);
        assertThat(t.startDate()).contains(LocalDate.of(2025, 1, 1));
        assertThat(t.endDate()).contains(LocalDate.of(2025, 1, 14));
        assertThat(Json.mapper().writeValueAsString(t)).contains("\"endDate\":\"2025-01-14\"");
    }

    @Test
    void comment_json_decodesTimestamp() throws Exception {
        Comment c = read("{\"id\":\"c\",\"text\":\"hi\",\"createdBy\":\"u\",\"createdAt\":\"2025-01-01T10:00:00+01:00\"}",
                Comment.class);
        assertThat(c.createdAt()).contains(Instant.parse("2025-01-01T09:00:00Z"));
        assertThat(Json.mapper().writeValueAsString(c)).contains("\"createdAt\":\"2025-01-01T09:00:00Z\"");
    }

    @Test
    void hierarchyNode_sapSpelling_parentNodeUUID_isRead() throws Exception {
        // The field names of SAP's process-hierarchy notebook: uuid, parentNodeUUID.
        HierarchyNode child = read("{\"uuid\":\"c\",\"parentNodeUUID\":\"r\",\"rootNodeUUID\":\"r\",\"title\":\"Child\","
                + "\"toExternalReferences\":[{\"name\":\"External Reference\",\"url\":\"https://sap.com\","
                + "\"externalReferenceId\":\"ec44740b\"}]}", HierarchyNode.class);
        HierarchyNode root = read("{\"uuid\":\"r\",\"parentNodeUUID\":null,\"title\":\"Root\"}", HierarchyNode.class);

        assertThat(child.parentNodeUuid()).contains("r");
        assertThat(child.rootNodeUuid()).contains("r");
        assertThat(child.isRoot()).isFalse();
        assertThat(child.externalReferences()).containsExactly(
                ExternalReference.of("External Reference", "https://sap.com", "ec44740b"));
        assertThat(root.isRoot()).isTrue();
        assertThat(root.externalReferences()).isEmpty();
    }

    @Test
    void hierarchyNode_writesSapSpelling() throws Exception {
        HierarchyNode n = read("{\"uuid\":\"n\",\"parentNodeUuid\":\"r\",\"rootNodeUuid\":\"r\"}", HierarchyNode.class);

        assertThat(Json.mapper().writeValueAsString(n)).contains("\"parentNodeUUID\":\"r\"")
                .contains("\"rootNodeUUID\":\"r\"").doesNotContain("Uuid");
    }

    @Test
    void hierarchyNode_json_decodesAndWritesBack() throws Exception {
        HierarchyNode n = read("{\"uuid\":\"n\",\"parentNodeUuid\":\"r\",\"rootNodeUuid\":\"r\",\"hierarchyLevel\":2,"
                + "\"sequence\":3,\"title\":\"Order to cash\",\"@odata.etag\":\"W/1\"}", HierarchyNode.class);
        assertThat(n.isRoot()).isFalse();
        assertThat(n.hierarchyLevel()).contains(2);
        assertThat(Json.mapper().writeValueAsString(n)).contains("\"sequence\":3").doesNotContain("etag");
    }
}
