package io.calmsdk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.moreThan;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.calmsdk.api.model.Comment;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.api.model.TaskListRequest;
import io.calmsdk.api.model.TaskType;
import io.calmsdk.api.model.TaskUpdateRequest;
import io.calmsdk.api.testing.CalmStubs;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.paging.Page;
import io.calmsdk.core.paging.PagedIterable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TasksClientTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CalmStubs stubs;

    @BeforeEach
    void setUp() {
        stubs = new CalmStubs(wm);
        stubs.stubToken();
    }

    private static String tasks(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"id\":\"t" + i + "\",\"projectId\":\"p\",\"title\":\"Task " + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static void stubPage(int offset, int limit, String body) {
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks")).withQueryParam("projectId", equalTo("p"))
                .withQueryParam("offset", equalTo(Integer.toString(offset)))
                .withQueryParam("limit", equalTo(Integer.toString(limit))).willReturn(okJson(body)));
    }

    private static int taskListRequests() {
        return wm.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks")).build()).getCount();
    }

    @Test
    void list_severalPages_fetchesLazilyWithOffsetAndLimit() {
        stubPage(0, 2, tasks(0, 2));
        stubPage(2, 2, tasks(2, 4));
        stubPage(4, 2, tasks(4, 5));
        try (CloudAlmClient client = stubs.client()) {
            PagedIterable<Task> all = client.tasks().list(TaskListRequest.builder().projectId("p").pageSize(2).build());
            assertThat(taskListRequests()).isZero();
            assertThat(all.stream().map(Task::id)).containsExactly("t0", "t1", "t2", "t3", "t4");
            assertThat(taskListRequests()).isEqualTo(3);

            List<Integer> pageSizes = new ArrayList<>();
            for (Page<Task> page : all.byPage()) {
                pageSizes.add(page.items().size());
            }
            assertThat(pageSizes).containsExactly(2, 2, 1);
        }
    }

    @Test
    void list_exactMultipleOfPageSize_stopsAfterEmptyPage() {
        stubPage(0, 2, tasks(0, 2));
        stubPage(2, 2, "[]");
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.tasks().list(TaskListRequest.builder().projectId("p").pageSize(2).build())).hasSize(2);
        }
        assertThat(taskListRequests()).isEqualTo(2);
    }

    @Test
    void list_stopsFetchingWhenCallerStops() {
        stubPage(0, 2, tasks(0, 2));
        stubPage(2, 2, tasks(2, 4));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.tasks().list(TaskListRequest.builder().projectId("p").pageSize(2).build()).stream()
                    .filter(t -> t.id().equals("t1")).findFirst()).isPresent();
        }
        assertThat(taskListRequests()).isEqualTo(1);
    }

    @Test
    void list_filters_areSentOnEveryPage() {
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks")).withQueryParam("projectId", equalTo("p"))
                .withQueryParam("type", equalTo("CALMUS")).withQueryParam("assigneeId", equalTo("ann@example.com"))
                .withQueryParam("lastChangedDate", equalTo("gt:2025-03-01"))
                .withQueryParam("offset", equalTo("0")).withQueryParam("limit", equalTo("100"))
                .willReturn(okJson("[{\"id\":\"s1\",\"title\":\"Story\",\"type\":\"CALMUS\"}]")));
        try (CloudAlmClient client = stubs.client()) {
            List<Task> stories = client.tasks().list(TaskListRequest.builder().projectId("p").type(TaskType.USER_STORY)
                    .assigneeId("ann@example.com").lastChangedAfter(LocalDate.of(2025, 3, 1)).build()).stream()
                    .collect(Collectors.toList());
            assertThat(stories).extracting(Task::type).containsExactly(TaskType.USER_STORY);
        }
    }

    @Test
    void list_notFound_reachesTheCaller() {
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks")).willReturn(aResponse().withStatus(404)));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.tasks().list("p").iterator().hasNext())
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("GET").hasMessageContaining("/api/calm-tasks/v1/tasks?projectId=p");
        }
    }

    @Test
    void list_malformedPage_isReadAgainThenThrowsClientExceptionNamingTheCall() {
        stubPage(0, 100, "[{\"id\":\"t0\",\"title\":\"x\"},");
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.tasks().list("p").stream().count())
                    .isInstanceOf(CalmClientException.class).hasMessageContaining("(list tasks): the answer (HTTP 200)"
                            + " is not valid JSON").hasMessageContaining("attempts");
        }
        wm.verify(moreThan(1), getRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks")));
    }

    @Test
    void list_pageGarbledAfterItsEnd_isReadAgainAsAGarbledAnswer() {
        // The page is decoded inside the attempt: the decoder reads to the end of the body, so garbage after a
        // complete array is found and retried there, as the whole-body check did before it.
        stubPage(0, 100, tasks(0, 3) + " ]x");
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.tasks().list("p").stream().count())
                    .isInstanceOf(CalmClientException.class).hasMessageContaining("is not valid JSON at line 1");
        }
        wm.verify(moreThan(1), getRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks")));
    }

    @Test
    void list_wellFormedAnswerThatIsNotAList_failsOnceWithoutRetrying() {
        // Valid JSON of the wrong shape is not a garbled answer: reading it again would give the same answer.
        stubPage(0, 100, "{\"error\":\"not a list\"}");
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.tasks().list("p").stream().count())
                    .isInstanceOf(CalmClientException.class)
                    .hasMessageContaining("expected a JSON array or an object with a value array, found an object"
                            + " without a value array");
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks")));
    }

    @Test
    void list_itemThatDoesNotMap_failsOnceNamingTheCall() {
        stubPage(0, 100, "[{\"id\":\"t0\",\"title\":\"x\",\"dueDate\":\"soon\"}]");
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.tasks().list("p").stream().count())
                    .isInstanceOf(CalmClientException.class).hasMessageContaining("could not decode a page of tasks from GET")
                    .hasMessageContaining("/api/calm-tasks/v1/tasks");
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks")));
    }

    @Test
    void create_entityAnswer_returnsTask() {
        wm.stubFor(post(urlPathEqualTo("/api/calm-tasks/v1/tasks"))
                .withRequestBody(equalToJson("{\"projectId\":\"p\",\"title\":\"New\",\"type\":\"CALMTASK\",\"priorityId\":20}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"t9\",\"projectId\":\"p\",\"title\":\"New\",\"type\":\"CALMTASK\",\"status\":\"OPEN\"}")));
        try (CloudAlmClient client = stubs.client()) {
            Task t = client.tasks().create(TaskCreateRequest.builder().projectId("p").title("New").priorityId(20).build());
            assertThat(t.id()).isEqualTo("t9");
            assertThat(t.status()).contains("OPEN");
        }
    }

    @Test
    void create_idOnlyAnswer_fillsFieldsFromTheRequest() {
        wm.stubFor(post(urlPathEqualTo("/api/calm-tasks/v1/tasks")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"t9\"}")));
        try (CloudAlmClient client = stubs.client()) {
            Task t = client.tasks().create(TaskCreateRequest.builder().projectId("p").title("New")
                    .type(TaskType.DEFECT).description("d").build());
            assertThat(t.id()).isEqualTo("t9");
            assertThat(t.title()).isEqualTo("New");
            assertThat(t.projectId()).contains("p");
            assertThat(t.type()).isEqualTo(TaskType.DEFECT);
            assertThat(t.description()).contains("d");
        }
    }

    @Test
    void create_emptyAnswerWithLocation_takesIdFromLocation() {
        wm.stubFor(post(urlPathEqualTo("/api/calm-tasks/v1/tasks")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", "/api/calm-tasks/v1/tasks/t%2042")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.tasks().create(TaskCreateRequest.of("p", "x")).id()).isEqualTo("t 42");
        }
    }

    @Test
    void create_answerWithoutId_throwsClientException() {
        wm.stubFor(post(urlPathEqualTo("/api/calm-tasks/v1/tasks")).willReturn(aResponse().withStatus(201)));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.tasks().create(TaskCreateRequest.of("p", "x")))
                    .isInstanceOf(CalmClientException.class).hasMessageContaining("without the new task's id");
        }
    }

    @Test
    void createAsync_returnsTask() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/api/calm-tasks/v1/tasks")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"a1\"}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.tasks().createAsync(TaskCreateRequest.of("p", "x")).get().id()).isEqualTo("a1");
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks")));
    }

    @Test
    void update_sendsOnlyChangedFields() {
        wm.stubFor(patch(urlPathEqualTo("/api/calm-tasks/v1/tasks/t1")).withRequestBody(equalToJson("{\"status\":\"DONE\"}"))
                .willReturn(okJson("{\"id\":\"t1\",\"title\":\"x\",\"status\":\"DONE\"}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.tasks().update("t1", TaskUpdateRequest.builder().status("DONE").build()).status())
                    .contains("DONE");
        }
    }

    @Test
    void update_noContentAnswer_readsTheTaskBack() throws Exception {
        wm.stubFor(patch(urlPathEqualTo("/api/calm-tasks/v1/tasks/t1")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/t1")).willReturn(okJson("{\"id\":\"t1\",\"title\":\"after\"}")));
        try (CloudAlmClient client = stubs.client()) {
            TaskUpdateRequest change = TaskUpdateRequest.builder().title("after").build();
            assertThat(client.tasks().update("t1", change).title()).isEqualTo("after");
            assertThat(client.tasks().updateAsync("t1", change).get().title()).isEqualTo("after");
        }
    }

    @Test
    void delete_notFound_throwsNotFound() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/api/calm-tasks/v1/tasks/gone"))
                .willReturn(aResponse().withStatus(404)));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.tasks().delete("gone")).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("DELETE").hasMessageContaining("/api/calm-tasks/v1/tasks/gone");
            assertThatThrownBy(() -> client.tasks().deleteAsync("gone").join()).hasCauseInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void comments_listAndCreate() {
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/t1/comments"))
                .willReturn(okJson("[{\"id\":\"c1\",\"text\":\"first\"},{\"id\":\"c2\",\"text\":\"second\"}]")));
        wm.stubFor(post(urlPathEqualTo("/api/calm-tasks/v1/tasks/t1/comments")).withRequestBody(equalToJson("{\"text\":\"hello\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"c3\",\"createdBy\":\"sb-calm\"}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.tasks().listComments("t1")).extracting(Comment::text).containsExactly("first", "second");
            Comment created = client.tasks().createComment("t1", "hello");
            assertThat(created.id()).contains("c3");
            assertThat(created.text()).isEqualTo("hello");
            assertThat(created.createdBy()).contains("sb-calm");
        }
    }

    @Test
    void toString_namesTheApi() {
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.tasks().toString()).endsWith("/api/calm-tasks/v1}");
            assertThat(client.projects().toString()).endsWith("/api/calm-projects/v1}");
            assertThat(client.processHierarchy().toString()).endsWith("/api/calm-processhierarchy/v1}");
            assertThat(client.toString()).contains("/api").doesNotContain(CalmStubs.CLIENT_SECRET);
        }
    }
}
