package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Cloud ALM APIs against the contract, including token and scope checks. */
@CalmSimulatorTest
class CloudAlmContractIT {

    private static final String[] ALL = {"calm-api.projects.read", "calm-api.projects.write", "calm-api.tasks.read",
        "calm-api.tasks.write", "calm-api.processhierarchy.read", "calm-api.processhierarchy.write"};

    private final BtpSimulator sim;
    private final RawHttp http = new RawHttp();
    private String api;
    private String token;

    CloudAlmContractIT(BtpSimulator sim) {
        this.sim = sim;
    }

    @BeforeEach
    void key() {
        JsonNode key = sim.seed().cloudAlmKey(ALL).tree();
        api = key.at("/endpoints/Api").asText();
        token = http.token(key);
    }

    @Test
    void projects_crud_answersContractStatuses() {
        RawHttp.Reply created = http.post(api + "/calm-projects/v1/projects", token, "{\"name\":\"Rollout\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("status").asText()).isEqualTo("O");

        JsonNode list = http.get(api + "/calm-projects/v1/projects", token).json();
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(1);
        assertThat(http.get(api + "/calm-projects/v1/projects/" + id, token).json().get("name").asText())
                .isEqualTo("Rollout");

        RawHttp.Reply patched = http.patch(api + "/calm-projects/v1/projects/" + id, token, "{\"status\":\"C\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("status").asText()).isEqualTo("C");

        JsonNode timeboxes = http.get(api + "/calm-projects/v1/projects/" + id + "/timeboxes", token).json();
        assertThat(timeboxes.isArray()).isTrue();
        assertThat(timeboxes.get(0).get("projectId").asText()).isEqualTo(id);
        assertThat(http.get(api + "/calm-projects/v1/projects/" + id + "/teams", token).json()).hasSize(1);

        assertThat(http.delete(api + "/calm-projects/v1/projects/" + id, token).status()).isEqualTo(204);
        RawHttp.Reply gone = http.get(api + "/calm-projects/v1/projects/" + id, token);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/error/code").asText()).isEqualTo("NotFound");
    }

    @Test
    void projects_invalidCreate_answers400() {
        assertThat(http.post(api + "/calm-projects/v1/projects", token, "{}").status()).isEqualTo(400);
        assertThat(http.post(api + "/calm-projects/v1/projects", token, "{\"name\":\"x\",\"status\":\"Z\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void timeboxes_createAndClose_asInTheProjectTaskNotebook() {
        String project = sim.cloudAlm().createProject("P");
        String url = api + "/calm-projects/v1/projects/" + project + "/timeboxes";

        RawHttp.Reply created = http.post(url, token, "{\"type\":2,\"name\":\"API Demo Sprint\","
                + "\"startDate\":\"2022-02-07\",\"endDate\":\"2022-02-18\",\"closed\":false}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("type").asInt()).isEqualTo(2);
        assertThat(created.json().get("projectId").asText()).isEqualTo(project);
        JsonNode listed = http.get(url, token).json();
        assertThat(listed).hasSize(4);
        assertThat(listed.get(3).get("name").asText()).isEqualTo("API Demo Sprint");
        RawHttp.Reply closed = http.patch(api + "/calm-projects/v1/timeboxes/" + id, token, "{\"closed\":true}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("closed").asBoolean()).isTrue();
        assertThat(closed.json().get("name").asText()).isEqualTo("API Demo Sprint");
    }

    @Test
    void timeboxes_invalidCreate_answers400Or404() {
        String project = sim.cloudAlm().createProject("P");
        String url = api + "/calm-projects/v1/projects/" + project + "/timeboxes";

        assertThat(http.post(url, token, "{\"type\":2,\"startDate\":\"2022-02-07\",\"endDate\":\"2022-02-18\"}")
                .status()).isEqualTo(400);
        assertThat(http.post(url, token, "{\"type\":7,\"name\":\"x\",\"startDate\":\"2022-02-07\","
                + "\"endDate\":\"2022-02-18\"}").status()).isEqualTo(400);
        assertThat(http.post(url, token, "{\"type\":1,\"name\":\"x\",\"startDate\":\"2022-02-18\","
                + "\"endDate\":\"2022-02-07\"}").status()).isEqualTo(400);
        assertThat(http.post(api + "/calm-projects/v1/projects/missing/timeboxes", token, "{\"type\":1,"
                + "\"name\":\"x\",\"startDate\":\"2022-02-07\",\"endDate\":\"2022-02-18\"}").status()).isEqualTo(404);
        assertThat(http.patch(api + "/calm-projects/v1/timeboxes/missing", token, "{\"closed\":true}").status())
                .isEqualTo(404);
    }

    @Test
    void tasks_crudAndComments_answerContractStatuses() {
        String project = sim.cloudAlm().createProject("P");
        RawHttp.Reply created = http.post(api + "/calm-tasks/v1/tasks", token, "{\"projectId\":\"" + project
                + "\",\"title\":\"Do it\",\"type\":\"CALMTASK\",\"description\":\"d\",\"assigneeId\":\"user-1\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode task = created.json();
        String id = task.get("id").asText();
        for (String field : new String[] {"id", "projectId", "title", "type", "status", "externalId", "dueDate",
                "priorityId", "assigneeId", "assigneeName", "timeboxName", "timeboxStartDate", "timeboxEndDate",
                "description"}) {
            assertThat(task.has(field)).as(field).isTrue();
        }
        assertThat(task.get("status").asText()).isEqualTo("CIPTKOPEN");

        RawHttp.Reply patched = http.patch(api + "/calm-tasks/v1/tasks/" + id, token,
                "{\"title\":\"Done\",\"priorityId\":10}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("title").asText()).isEqualTo("Done");
        assertThat(patched.json().get("priorityId").asInt()).isEqualTo(10);
        assertThat(http.patch(api + "/calm-tasks/v1/tasks/" + id, token, "{\"priorityId\":15}").status())
                .isEqualTo(400);
        assertThat(http.patch(api + "/calm-tasks/v1/tasks/" + id, token, "{\"type\":\"CALMDEF\"}").status())
                .isEqualTo(400);

        assertThat(http.post(api + "/calm-tasks/v1/tasks/" + id + "/comments", token, "{\"text\":\"hi\"}").status())
                .isEqualTo(201);
        JsonNode comments = http.get(api + "/calm-tasks/v1/tasks/" + id + "/comments", token).json();
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("text").asText()).isEqualTo("hi");

        assertThat(http.delete(api + "/calm-tasks/v1/tasks/" + id, token).status()).isEqualTo(204);
        assertThat(http.get(api + "/calm-tasks/v1/tasks/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void tasks_createValidation_answers400() {
        String project = sim.cloudAlm().createProject("P");

        assertThat(http.post(api + "/calm-tasks/v1/tasks", token, "{\"title\":\"x\"}").status()).isEqualTo(400);
        assertThat(http.post(api + "/calm-tasks/v1/tasks", token, "{\"projectId\":\"" + project + "\"}").status())
                .isEqualTo(400);
        assertThat(http.post(api + "/calm-tasks/v1/tasks", token, "{\"projectId\":\"" + project
                + "\",\"title\":\"x\",\"type\":\"CALMST\"}").status()).isEqualTo(400);
        assertThat(http.get(api + "/calm-tasks/v1/tasks", token).status()).as("projectId is required")
                .isEqualTo(400);
    }

    @Test
    void tasks_filtersAndOffsetLimit_selectAndPage() {
        String project = sim.cloudAlm().createProject("P");
        sim.cloudAlm().seedTasks(project, 40);
        String base = api + "/calm-tasks/v1/tasks?projectId=" + project;

        assertThat(http.get(base, token).json()).hasSize(40);
        JsonNode defects = http.get(base + "&type=CALMDEF", token).json();
        assertThat(defects).hasSize(10);
        defects.forEach(t -> assertThat(t.get("type").asText()).isEqualTo("CALMDEF"));
        JsonNode user = http.get(base + "&assigneeId=user-3", token).json();
        user.forEach(t -> assertThat(t.get("assigneeId").asText()).isEqualTo("user-3"));
        assertThat(user.size()).isBetween(5, 6);

        String yesterday = LocalDate.ofInstant(sim.clock().instant(), ZoneOffset.UTC).minusDays(1).toString();
        JsonNode recent = http.get(base + "&lastChangedDate=gt:" + yesterday, token).json();
        assertThat(recent.size()).isBetween(1, 39);
        recent.forEach(t -> assertThat(Instant.parse(t.get("lastChangedDate").asText()))
                .isAfterOrEqualTo(LocalDate.parse(yesterday).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));

        Set<String> ids = new HashSet<>();
        for (int offset = 0; offset < 40; offset += 15) {
            JsonNode page = http.get(base + "&offset=" + offset + "&limit=15", token).json();
            assertThat(page.size()).isEqualTo(Math.min(15, 40 - offset));
            page.forEach(t -> ids.add(t.get("id").asText()));
        }
        assertThat(ids).hasSize(40);
        assertThat(http.get(base + "&limit=-1", token).status()).isEqualTo(400);
        assertThat(http.get(base + "&lastChangedDate=after:2020-01-01", token).status()).isEqualTo(400);
    }

    @Test
    void tasks_bulkSeeded100000_pageCheaplyAndStayEditable() {
        String project = sim.cloudAlm().createProject("Big");
        sim.cloudAlm().seedTasks(project, 100_000);
        String base = api + "/calm-tasks/v1/tasks?projectId=" + project;

        JsonNode last = http.get(base + "&offset=99990&limit=100", token).json();
        assertThat(last).hasSize(10);
        String id = last.get(9).get("id").asText();
        assertThat(http.get(api + "/calm-tasks/v1/tasks/" + id, token).json().get("title").asText())
                .isEqualTo("Generated task 100000");

        assertThat(http.patch(api + "/calm-tasks/v1/tasks/" + id, token, "{\"title\":\"Edited\"}").status())
                .isEqualTo(200);
        assertThat(http.get(api + "/calm-tasks/v1/tasks/" + id, token).json().get("title").asText())
                .isEqualTo("Edited");
        assertThat(http.delete(api + "/calm-tasks/v1/tasks/" + id, token).status()).isEqualTo(204);
        assertThat(sim.cloudAlm().taskCount(project)).isEqualTo(99_999);
        assertThat(http.get(base + "&offset=99990&limit=100", token).json()).hasSize(9);
    }

    @Test
    void hierarchyNodes_odataPagingCountAndFilter() {
        String base = api + "/calm-processhierarchy/v1/HierarchyNodes";

        JsonNode all = http.get(base + "?$count=true", token).json();
        assertThat(all.get("@count").asInt()).isEqualTo(13);
        assertThat(all.has("@odata.count")).isFalse();
        assertThat(all.get("value")).hasSize(13);

        JsonNode page = http.get(base + "?$top=5&$skip=10&$count=true", token).json();
        assertThat(page.get("value")).hasSize(3);
        assertThat(page.get("@count").asInt()).isEqualTo(13);

        String root = all.at("/value/0/uuid").asText();
        JsonNode children = http.get(base + "?$filter=" + RawHttp.enc("parentNodeUUID eq '" + root + "'"), token)
                .json();
        assertThat(children.get("value")).hasSize(3);
        JsonNode both = http.get(base + "?$filter=" + RawHttp.enc("parentNodeUUID eq '" + root
                + "' and title eq 'Source to Pay'"), token).json();
        assertThat(both.get("value")).hasSize(1);
        assertThat(http.get(base + "?$filter=" + RawHttp.enc("parentNodeUUID eq null"), token).json().get("value"))
                .hasSize(1);
        assertThat(http.get(base + "(" + root + ")", token).json().get("title").asText())
                .isEqualTo("Solution Value Flows");

        RawHttp.Reply bad = http.get(base + "?$filter=" + RawHttp.enc("title gt 'a'"), token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(http.get(base + "?$top=x", token).status()).isEqualTo(400);
    }

    @Test
    void hierarchyNodes_useSapFieldNames_asTheProcessHierarchyNotebookReadsThem() {
        String base = api + "/calm-processhierarchy/v1/HierarchyNodes";
        JsonNode nodes = http.get(base, token).json().get("value");

        JsonNode root = nodes.get(0);
        JsonNode child = nodes.get(1);
        assertThat(root.has("parentNodeUUID")).isTrue();
        assertThat(root.get("parentNodeUUID").isNull()).isTrue();
        assertThat(child.get("parentNodeUUID").asText()).isEqualTo(root.get("uuid").asText());
        assertThat(child.get("rootNodeUUID").asText()).isEqualTo(root.get("uuid").asText());
        assertThat(child.has("parentNodeUuid")).isFalse();
        // A property the entity does not have is refused, as an OData service refuses it.
        assertThat(http.get(base + "?$filter=" + RawHttp.enc("parentNodeUuid eq null"), token).status())
                .isEqualTo(400);
    }

    @Test
    void hierarchyNodes_notebookFlow_createsUpdatesMovesAndDeletes() {
        String base = api + "/calm-processhierarchy/v1/HierarchyNodes";
        // CREATE two root hierarchy nodes
        RawHttp.Reply root1 = http.post(base, token,
                "{\"title\":\"Parent Hierarchy Node 1\",\"description\":\"This is a new hierarchy node\"}");
        assertThat(root1.status()).isEqualTo(201);
        String r1 = root1.json().get("uuid").asText();
        assertThat(root1.json().get("parentNodeUUID").isNull()).isTrue();
        String r2 = http.post(base, token, "{\"title\":\"Parent Hierarchy Node 2\"}").json().get("uuid").asText();
        // CREATE two child hierarchy nodes, the second with an external reference
        RawHttp.Reply child1 = http.post(base, token, "{\"title\":\"Child Hierarchy Node 1\",\"parentNodeUUID\":\""
                + r1 + "\"}");
        assertThat(child1.status()).isEqualTo(201);
        String c1 = child1.json().get("uuid").asText();
        assertThat(child1.json().get("level").asInt()).isEqualTo(2);
        RawHttp.Reply child2 = http.post(base, token, "{\"title\":\"Child Hierarchy Node 2\",\"parentNodeUUID\":\""
                + r1 + "\",\"toExternalReferences\":[{\"name\":\"External Reference\",\"url\":\"https://sap.com\","
                + "\"externalReferenceId\":\"ec44740b-7001-4ea1-a61a-4ecae614431f\"}]}");
        assertThat(child2.status()).isEqualTo(201);
        String c2 = child2.json().get("uuid").asText();
        assertThat(child2.json().at("/toExternalReferences/0/name").asText()).isEqualTo("External Reference");
        assertThat(http.get(base + "?$count=true", token).json().get("@count").asInt()).isEqualTo(17);

        // Update a hierarchy node: title and references replaced
        RawHttp.Reply updated = http.patch(base + "/" + c2, token, "{\"title\":\"Updated Child Hierarchy Node 2\","
                + "\"toExternalReferences\":[{\"name\":\"Renamed External Reference\",\"url\":\"https://sap.com/\","
                + "\"externalReferenceId\":\"ec44740b-7001-4ea1-a61a-4ecae614431f\"},{\"name\":\"New External Reference\","
                + "\"url\":\"https://sap.com/\",\"externalReferenceId\":\"ec44740b-7001-4ea1-a61a-4ecae614431f\"}]}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("title").asText()).isEqualTo("Updated Child Hierarchy Node 2");
        assertThat(updated.json().get("toExternalReferences")).hasSize(2);
        // Reach a hierarchy node by external reference
        String filter = "toExternalReferences/any(er:er/name eq 'Renamed External Reference' and"
                + " er/externalReferenceId eq 'ec44740b-7001-4ea1-a61a-4ecae614431f')";
        JsonNode found = http.get(base + "?$expand=toExternalReferences&$filter=" + RawHttp.enc(filter), token).json();
        assertThat(found.get("value")).hasSize(1);
        assertThat(found.at("/value/0/uuid").asText()).isEqualTo(c2);
        assertThat(found.at("/value/0/toExternalReferences")).hasSize(2);
        assertThat(http.get(base + "(" + c2 + ")", token).json().has("toExternalReferences")).isFalse();
        // Change the sequence; move a child node to a different parent
        assertThat(http.patch(base + "/" + c2, token, "{\"sequence\":3}").json().get("sequence").asInt()).isEqualTo(3);
        RawHttp.Reply moved = http.patch(base + "/" + c1, token, "{\"parentNodeUUID\":\"" + r2 + "\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("parentNodeUUID").asText()).isEqualTo(r2);
        assertThat(moved.json().get("rootNodeUUID").asText()).isEqualTo(r2);
        // Delete a root hierarchy node: its child goes with it
        assertThat(http.delete(base + "/" + r2, token).status()).isEqualTo(204);
        assertThat(http.get(base + "/" + c1, token).status()).isEqualTo(404);
        assertThat(http.get(base + "?$count=true", token).json().get("@count").asInt()).isEqualTo(15);
    }

    @Test
    void hierarchyNodes_invalidWrites_answer400Or404() {
        String base = api + "/calm-processhierarchy/v1/HierarchyNodes";
        String root = http.get(base, token).json().at("/value/0/uuid").asText();

        assertThat(http.post(base, token, "{\"description\":\"no title\"}").status()).isEqualTo(400);
        assertThat(http.post(base, token, "{\"title\":\"t\",\"parentNodeUuid\":\"" + root + "\"}").status())
                .isEqualTo(400);
        assertThat(http.post(base, token, "{\"title\":\"t\",\"parentNodeUUID\":\"missing\"}").status())
                .isEqualTo(400);
        String child = http.get(base + "?$filter=" + RawHttp.enc("parentNodeUUID eq '" + root + "'"), token).json()
                .at("/value/0/uuid").asText();
        assertThat(http.patch(base + "/" + root, token, "{\"parentNodeUUID\":\"" + child + "\"}").status())
                .isEqualTo(400);
        assertThat(http.patch(base + "/missing", token, "{\"title\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.delete(base + "/missing", token).status()).isEqualTo(404);

        String readOnly = http.token(sim.seed().cloudAlmKey("calm-api.processhierarchy.read").tree());
        assertThat(http.post(base, readOnly, "{\"title\":\"t\"}").status()).isEqualTo(403);
    }

    @Test
    void hierarchyNodes_moreThanAServerPage_addsNextLink() {
        sim.cloudAlm().seedHierarchyNodes(200);
        String base = api + "/calm-processhierarchy/v1/HierarchyNodes";

        JsonNode first = http.get(base + "?$count=true", token).json();
        assertThat(first.get("value")).hasSize(100);
        String next = first.get("@odata.nextLink").asText();
        JsonNode second = http.get(java.net.URI.create(base).resolve(next).toString(), token).json();

        assertThat(second.get("value")).hasSize(100);
        assertThat(second.get("@count").asInt()).isEqualTo(213);
        assertThat(second.at("/value/0/uuid").asText()).isNotEqualTo(first.at("/value/0/uuid").asText());
    }

    @Test
    void tokenChecks_missingBadExpired_answer401() {
        String url = api + "/calm-projects/v1/projects";

        RawHttp.Reply none = http.send(RawHttp.request(url).GET().build());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isPresent();
        String[] parts = token.split("\\.");
        assertThat(http.get(url, parts[0] + "." + parts[1] + ".c2lnbmF0dXJl").status()).isEqualTo(401);
        assertThat(http.get(url, "not-a-jwt").status()).isEqualTo(401);

        sim.clock().advance(Duration.ofHours(13));
        RawHttp.Reply expired = http.get(url, token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().at("/error/message").asText()).contains("expired");
    }

    @Test
    void scopeChecks_missingScope_answers403() {
        JsonNode readOnly = sim.seed().cloudAlmKey("calm-api.projects.read").tree();
        String readToken = http.token(readOnly);
        String smToken = http.token(sim.serviceManagerKey().tree());

        assertThat(http.get(api + "/calm-projects/v1/projects", readToken).status()).isEqualTo(200);
        RawHttp.Reply write = http.post(api + "/calm-projects/v1/projects", readToken, "{\"name\":\"x\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().at("/error/code").asText()).isEqualTo("Forbidden");
        assertThat(http.get(api + "/calm-tasks/v1/tasks?projectId=p", readToken).status()).isEqualTo(403);
        assertThat(http.get(api + "/calm-processhierarchy/v1/HierarchyNodes", readToken).status()).isEqualTo(403);
        assertThat(http.get(api + "/calm-projects/v1/projects", smToken).status()).isEqualTo(403);
    }

    @Test
    void unknownPath_answers404InTheServiceShape() {
        RawHttp.Reply reply = http.get(api + "/calm-nothing/v1/x", token);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/error/code").asText()).isEqualTo("NotFound");
    }
}
