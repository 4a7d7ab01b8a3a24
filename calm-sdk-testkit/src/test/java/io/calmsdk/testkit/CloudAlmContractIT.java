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
        "calm-api.tasks.write", "calm-api.processhierarchy.read"};

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
        assertThat(all.get("@odata.count").asInt()).isEqualTo(13);
        assertThat(all.get("value")).hasSize(13);

        JsonNode page = http.get(base + "?$top=5&$skip=10&$count=true", token).json();
        assertThat(page.get("value")).hasSize(3);
        assertThat(page.get("@odata.count").asInt()).isEqualTo(13);

        String root = all.at("/value/0/uuid").asText();
        JsonNode children = http.get(base + "?$filter=" + RawHttp.enc("parentNodeUuid eq '" + root + "'"), token)
                .json();
        assertThat(children.get("value")).hasSize(3);
        JsonNode both = http.get(base + "?$filter=" + RawHttp.enc("parentNodeUuid eq '" + root
                + "' and title eq 'Source to Pay'"), token).json();
        assertThat(both.get("value")).hasSize(1);
        assertThat(http.get(base + "?$filter=" + RawHttp.enc("parentNodeUuid eq null"), token).json().get("value"))
                .hasSize(1);
        assertThat(http.get(base + "(" + root + ")", token).json().get("title").asText())
                .isEqualTo("Solution Value Flows");

        RawHttp.Reply bad = http.get(base + "?$filter=" + RawHttp.enc("title gt 'a'"), token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(http.get(base + "?$top=x", token).status()).isEqualTo(400);
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
        assertThat(second.get("@odata.count").asInt()).isEqualTo(213);
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
