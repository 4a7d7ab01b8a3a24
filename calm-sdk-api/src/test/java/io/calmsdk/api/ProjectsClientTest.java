package io.calmsdk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.calmsdk.api.model.Project;
import io.calmsdk.api.model.ProjectCreateRequest;
import io.calmsdk.api.model.ProjectUpdateRequest;
import io.calmsdk.api.model.Timebox;
import io.calmsdk.api.model.TimeboxCreateRequest;
import io.calmsdk.api.testing.CalmStubs;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProjectsClientTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CalmStubs stubs;

    @BeforeEach
    void setUp() {
        stubs = new CalmStubs(wm);
        stubs.stubToken();
    }

    @Test
    void list_bareArray_returnsProjects() {
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects"))
                .willReturn(okJson("[{\"id\":\"p1\",\"name\":\"One\",\"status\":\"O\"},{\"id\":\"p2\",\"name\":\"Two\",\"status\":\"C\"}]")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.projects().list()).extracting(Project::name).containsExactly("One", "Two");
            assertThat(client.projects().list().stream().filter(Project::isClosed)).extracting(Project::id)
                    .containsExactly("p2");
        }
    }

    @Test
    void crud_sequence_usesTheProjectsPaths() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/api/calm-projects/v1/projects")).withRequestBody(equalToJson("{\"name\":\"Rollout\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"p1\",\"name\":\"Rollout\",\"status\":\"O\"}")));
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects/p1")).willReturn(okJson("{\"id\":\"p1\",\"name\":\"Rollout\"}")));
        wm.stubFor(patch(urlPathEqualTo("/api/calm-projects/v1/projects/p1")).withRequestBody(equalToJson("{\"name\":\"Rollout 2\"}"))
                .willReturn(okJson("{\"id\":\"p1\",\"name\":\"Rollout 2\"}")));
        wm.stubFor(delete(urlPathEqualTo("/api/calm-projects/v1/projects/p1")).willReturn(aResponse().withStatus(204)));
        try (CloudAlmClient client = stubs.client()) {
            Project created = client.projects().create(ProjectCreateRequest.of("Rollout"));
            assertThat(created.id()).isEqualTo("p1");
            assertThat(client.projects().get("p1").name()).isEqualTo("Rollout");
            assertThat(client.projects().getAsync("p1").get().name()).isEqualTo("Rollout");
            assertThat(client.projects().find("p1")).isPresent();
            assertThat(client.projects().update("p1", ProjectUpdateRequest.builder().name("Rollout 2").build()).name())
                    .isEqualTo("Rollout 2");
            client.projects().delete("p1");
        }
        wm.verify(1, deleteRequestedFor(urlPathEqualTo("/api/calm-projects/v1/projects/p1")));
    }

    @Test
    void createAsync_idOnly_keepsRequestedName() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/api/calm-projects/v1/projects")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"p7\"}")));
        try (CloudAlmClient client = stubs.client()) {
            Project p = client.projects().createAsync(ProjectCreateRequest.builder().name("N").description("D").build()).get();
            assertThat(p.id()).isEqualTo("p7");
            assertThat(p.name()).isEqualTo("N");
            assertThat(p.description()).contains("D");
        }
    }

    @Test
    void find_missing_isEmpty() {
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects/none")).willReturn(aResponse().withStatus(404)));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.projects().find("none")).isEmpty();
        }
    }

    @Test
    void update_noContent_readsBack() {
        wm.stubFor(patch(urlPathEqualTo("/api/calm-projects/v1/projects/p1")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects/p1")).willReturn(okJson("{\"id\":\"p1\",\"name\":\"X\",\"status\":\"C\"}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.projects().update("p1", ProjectUpdateRequest.builder().status("C").build()).isClosed()).isTrue();
        }
    }

    @Test
    void listTimeboxes_decodesDates() {
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects/p%201/timeboxes")).willReturn(okJson(
                "[{\"id\":\"b1\",\"name\":\"Sprint 1\",\"type\":\"SPRINT\",\"startDate\":\"2025-01-06\",\"endDate\":\"2025-01-17\"}]")));
        try (CloudAlmClient client = stubs.client()) {
            Timebox sprint = client.projects().listTimeboxes("p 1").iterator().next();
            assertThat(sprint.name()).isEqualTo("Sprint 1");
            assertThat(sprint.endDate()).contains(LocalDate.of(2025, 1, 17));
        }
    }

    @Test
    void createTimebox_postsTheNotebookShape_andReadsTheTimebox() {
        String path = "/api/calm-projects/v1/projects/p1/timeboxes";
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"t9\",\"projectId\":\"p1\","
                        + "\"type\":2,\"name\":\"Sprint 4\",\"startDate\":\"2022-02-07\",\"endDate\":\"2022-02-18\","
                        + "\"closed\":false}")));
        try (CloudAlmClient client = stubs.client()) {
            Timebox sprint = client.projects().createTimebox("p1", t -> t.type(TimeboxCreateRequest.Type.SPRINT)
                    .name("Sprint 4").startDate(LocalDate.of(2022, 2, 7)).endDate(LocalDate.of(2022, 2, 18)));

            assertThat(sprint.id()).isEqualTo("t9");
            assertThat(sprint.type()).contains("2");
            assertThat(sprint.endDate()).contains(LocalDate.of(2022, 2, 18));
        }
        wm.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"type\":2,\"name\":\"Sprint 4\",\"startDate\":\"2022-02-07\",\"endDate\":\"2022-02-18\"}")));
    }
}
