package io.calmsdk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.api.testing.CalmStubs;
import io.calmsdk.api.testing.FakeTokens;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.ForbiddenException;
import io.calmsdk.core.exception.UnauthorizedException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.paging.PagedIterable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudAlmClientTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CalmStubs stubs;

    @BeforeEach
    void setUp() {
        stubs = new CalmStubs(wm);
    }

    @Test
    void create_serviceKey_sendsEveryCallUnderEndpointsApiWithOneToken() {
        String token = stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects")).willReturn(okJson("[]")));
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/7")).willReturn(okJson("{\"id\":\"7\",\"title\":\"T\"}")));
        try (CloudAlmClient client = CloudAlmClient.create(stubs.key())) {
            assertThat(client.endpoint()).isEqualTo(stubs.api());
            assertThat(client.projects().list()).isEmpty();
            assertThat(client.tasks().get("7").title()).isEqualTo("T");
            assertThat(client.request("GET", "/calm-tasks/v1/tasks/{id}", "7").send().status()).isEqualTo(200);
        }
        assertThat(stubs.tokenRequests()).isEqualTo(1);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks/7"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/calm-projects/v1/projects"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void request_pathVariables_areEncodedAsOneSegment() {
        stubs.stubToken();
        wm.stubFor(get(urlEqualTo("/api/calm-tasks/v1/tasks/a%2Fb%20c%3F/comments")).willReturn(okJson("[]")));
        try (CloudAlmClient client = stubs.client()) {
            CloudAlmResponse r = client.request("GET", "/calm-tasks/v1/tasks/{id}/comments", "a/b c?").send();
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void request_namedVariablesQueryAndHeader_areSent() {
        stubs.stubToken();
        wm.stubFor(get(urlEqualTo("/api/calm-processhierarchy/v1/HierarchyNodes?$filter=title%20eq%20'A%26B'&$top=5"))
                .withHeader("Accept-Language", equalTo("de"))
                .willReturn(okJson("{\"value\":[{\"uuid\":\"u\"}]}")));
        try (CloudAlmClient client = stubs.client()) {
            JsonNode tree = client.request("GET", "/calm-processhierarchy/v1/{set}", Map.of("set", "HierarchyNodes"))
                    .query("$filter", "title eq 'A&B'").query("$top", 5).header("Accept-Language", "de")
                    .send(JsonNode.class);
            assertThat(tree.path("value").get(0).path("uuid").asText()).isEqualTo("u");
        }
    }

    @Test
    void request_getThenPatchWithIfMatch_sendsTheEtagOfTheRead() {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-testmanagement/v1/ManualTestCases('c1')"))
                .willReturn(okJson("{\"id\":\"c1\",\"title\":\"Old\"}").withHeader("ETag", "W/\"v7\"")));
        wm.stubFor(patch(urlPathEqualTo("/api/calm-testmanagement/v1/ManualTestCases('c1')"))
                .withHeader("If-Match", equalTo("W/\"v7\""))
                .withRequestBody(equalToJson("{\"title\":\"New\"}"))
                .willReturn(aResponse().withStatus(204)));
        try (CloudAlmClient client = stubs.client()) {
            CloudAlmResponse read = client.request("GET", "/calm-testmanagement/v1/ManualTestCases('{id}')", "c1").send();
            assertThat(read.etag()).contains("W/\"v7\"");
            CloudAlmResponse updated = client.request("PATCH", "/calm-testmanagement/v1/ManualTestCases('{id}')", "c1")
                    .ifMatch(read.etag().orElseThrow()).body(Map.of("title", "New")).send();
            assertThat(updated.status()).isEqualTo(204);
            assertThat(updated.hasBody()).isFalse();
        }
    }

    @Test
    void response_odataEtagInBody_isExposed() {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-features/v1/Features('f')"))
                .willReturn(okJson("{\"@odata.etag\":\"W/\\\"3\\\"\",\"id\":\"f\"}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.request("GET", "/calm-features/v1/Features('{id}')", "f").send().etag()).contains("W/\"3\"");
        }
    }

    @Test
    void request_preconditionFailed_throwsServiceExceptionWith412() {
        stubs.stubToken();
        wm.stubFor(patch(urlPathEqualTo("/api/calm-testmanagement/v1/ManualTestCases('c1')"))
                .willReturn(aResponse().withStatus(412).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"412\",\"message\":\"ETag mismatch\"}}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.request("PATCH", "/calm-testmanagement/v1/ManualTestCases('{id}')", "c1")
                    .ifMatch("W/\"1\"").body(Map.of("title", "x")).send())
                    .isInstanceOf(CalmServiceException.class).hasMessageContaining("HTTP 412")
                    .hasMessageContaining("ETag mismatch");
        }
    }

    @Test
    void sendAsync_typed_completesWithDecodedBody() throws Exception {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/9")).willReturn(okJson("{\"id\":\"9\",\"title\":\"Async\"}")));
        try (CloudAlmClient client = stubs.client()) {
            io.calmsdk.api.model.Task t = client.request("GET", "/calm-tasks/v1/tasks/{id}", 9)
                    .sendAsync(io.calmsdk.api.model.Task.class).get();
            assertThat(t.title()).isEqualTo("Async");
            assertThat(client.tasks().getAsync("9").get().id()).isEqualTo("9");
        }
    }

    @Test
    void sendAsync_forbidden_completesWithExplainedForbiddenException() {
        stubs.stubToken(List.of("sap-calm!b1.calm-api.tasks.read"));
        wm.stubFor(post(urlPathEqualTo("/api/calm-tasks/v1/tasks")).willReturn(aResponse().withStatus(403)));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.request("POST", "/calm-tasks/v1/tasks").body(Map.of("title", "x"))
                    .sendAsync().join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(ForbiddenException.class).hasMessageContaining("calm-api.tasks.write");
        }
    }

    @Test
    void forbidden_knownPath_namesRequiredAndGrantedScopes() {
        stubs.stubToken(List.of("sap-calm!b1.calm-api.tasks.read", "sap-calm!b1.calm-api.projects.read"));
        wm.stubFor(post(urlPathEqualTo("/api/calm-tasks/v1/tasks")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"403\",\"message\":\"Forbidden\"}}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.tasks().create(io.calmsdk.api.model.TaskCreateRequest.of("p", "t")))
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                        assertThat(e.requiredScope().map(io.calmsdk.core.model.CalmScope::name)).contains("calm-api.tasks.write");
                        assertThat(e.grantedScopes()).containsExactly("calm-api.projects.read", "calm-api.tasks.read");
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.getCause()).isInstanceOf(ForbiddenException.class);
                    })
                    .hasMessageContaining("needs scope calm-api.tasks.write")
                    .hasMessageContaining("calm-api.tasks.read");
        }
        assertThat(stubs.tokenRequests()).isEqualTo(1);
    }

    @Test
    void forbidden_unknownPath_namesNoScope() {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-other/v1/things")).willReturn(aResponse().withStatus(403)));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.request("GET", "/calm-other/v1/things").send())
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.requiredScope()).isEmpty())
                    .hasMessageContaining("HTTP 403");
        }
    }

    @Test
    void forbidden_tokenAlreadyHasScope_doesNotClaimItIsMissing() {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects/secret")).willReturn(aResponse().withStatus(403)));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.projects().get("secret"))
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.requiredScope()).isEmpty());
        }
    }

    @Test
    void customScopeCatalogue_isUsedFor403() {
        stubs.stubToken(List.of());
        wm.stubFor(get(urlPathEqualTo("/api/calm-custom/v1/x")).willReturn(aResponse().withStatus(403)));
        ScopeCatalogue catalogue = ScopeCatalogue.defaults().toBuilder().read("/calm-custom", "calm-api.custom.read").build();
        try (CloudAlmClient client = stubs.clientBuilder().scopeCatalogue(catalogue).build()) {
            assertThatThrownBy(() -> client.request("GET", "/calm-custom/v1/x").send())
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("calm-api.custom.read")
                    .hasMessageContaining("no scopes");
        }
    }

    @Test
    void get_serviceUnavailableThenOk_isRetriedWithRetryAfter() {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects/p")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects/p")).inScenario("flaky")
                .whenScenarioStateIs("ok").willReturn(okJson("{\"id\":\"p\",\"name\":\"P\"}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.projects().get("p").name()).isEqualTo("P");
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/calm-projects/v1/projects/p")));
        assertThat(stubs.sleeps).containsExactly(java.time.Duration.ofSeconds(2));
    }

    @Test
    void get_tooManyRequestsThenOk_isRetried() {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok").willReturn(aResponse().withStatus(429)));
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).inScenario("429")
                .whenScenarioStateIs("ok").willReturn(okJson("{\"id\":\"t\",\"title\":\"x\"}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.tasks().get("t").id()).isEqualTo("t");
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")));
    }

    @Test
    void create_serverError_isNotRetried() {
        stubs.stubToken();
        wm.stubFor(post(urlPathEqualTo("/api/calm-tasks/v1/tasks")).willReturn(aResponse().withStatus(503)));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.tasks().create(io.calmsdk.api.model.TaskCreateRequest.of("p", "t")))
                    .isInstanceOf(CalmServiceException.class).hasMessageContaining("HTTP 503");
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks")));
    }

    @Test
    void delete_serverErrorThenNoContent_isRetried() {
        stubs.stubToken();
        wm.stubFor(delete(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).inScenario("del")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok").willReturn(aResponse().withStatus(502)));
        wm.stubFor(delete(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).inScenario("del")
                .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(204)));
        try (CloudAlmClient client = stubs.client()) {
            client.tasks().delete("t");
        }
        wm.verify(2, deleteRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")));
    }

    @Test
    void unauthorizedMidSequence_fetchesOneNewTokenAndSucceeds() {
        String first = FakeTokens.jwt("first-token", CalmStubs.ALL_SCOPES);
        String second = FakeTokens.jwt("second-token", CalmStubs.ALL_SCOPES);
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second").willReturn(okJson(FakeTokens.tokenResponse(first, CalmStubs.ALL_SCOPES, 43199))));
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(FakeTokens.tokenResponse(second, CalmStubs.ALL_SCOPES, 43199))));
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).withHeader("Authorization", equalTo("Bearer " + first))
                .willReturn(okJson("{\"id\":\"t\",\"title\":\"x\"}")));
        wm.stubFor(patch(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).withHeader("Authorization", equalTo("Bearer " + first))
                .willReturn(aResponse().withStatus(401)));
        wm.stubFor(patch(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).withHeader("Authorization", equalTo("Bearer " + second))
                .willReturn(okJson("{\"id\":\"t\",\"title\":\"y\"}")));
        try (CloudAlmClient client = stubs.client()) {
            client.tasks().get("t");
            io.calmsdk.api.model.Task updated = client.tasks().update("t",
                    io.calmsdk.api.model.TaskUpdateRequest.builder().title("y").build());
            assertThat(updated.title()).isEqualTo("y");
        }
        assertThat(stubs.tokenRequests()).isEqualTo(2);
        wm.verify(2, patchRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")));
    }

    @Test
    void unauthorizedTwice_throwsUnauthorized() {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).willReturn(aResponse().withStatus(401)));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.tasks().get("t")).isInstanceOf(UnauthorizedException.class)
                    .hasMessageContaining("HTTP 401");
        }
        assertThat(stubs.tokenRequests()).isEqualTo(2);
    }

    @Test
    void request_invalidInput_isRefusedBeforeSending() {
        stubs.stubToken();
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.request("TRACE", "/calm-tasks/v1/tasks"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("method");
            assertThatThrownBy(() -> client.request("GET", "https://evil.example/steal"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("path");
            assertThatThrownBy(() -> client.request("GET", "/calm-tasks/v1/tasks/{id}", "a", "b"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("2 value(s) for 1 placeholder");
            assertThatThrownBy(() -> client.request("GET", "/x").header("Authorization", "Bearer mine"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("set by the client");
            assertThatThrownBy(() -> client.request("GET", "/x").ifMatch(" "))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("ifMatch");
            assertThatThrownBy(() -> client.tasks().get(" ")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("taskId is blank");
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void request_acceptedStatus_isReturned() {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/none")).willReturn(aResponse().withStatus(404)));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.request("GET", "/calm-tasks/v1/tasks/{id}", "none").accept(404).send().status())
                    .isEqualTo(404);
            assertThat(client.tasks().find("none")).isEmpty();
        }
    }

    @Test
    void listOData_nextLinkToAnotherHost_isRefused() {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-features/v1/Features")).willReturn(okJson(
                "{\"value\":[{\"uuid\":\"a\"}],\"@odata.nextLink\":\"https://evil.example/api/calm-features/v1/Features?$skip=1\"}")));
        try (CloudAlmClient client = stubs.client()) {
            PagedIterable<JsonNode> all = client.listOData("/calm-features/v1/Features", JsonNode.class,
                    io.calmsdk.api.model.ODataQuery.all());
            assertThatThrownBy(() -> all.stream().count()).isInstanceOf(CalmClientException.class)
                    .hasMessageContaining("refusing to follow the next link");
        }
    }

    @Test
    void builder_missingSettings_throwIllegalState() {
        assertThatThrownBy(() -> CloudAlmClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endpoint is not set");
        assertThatThrownBy(() -> CloudAlmClient.builder().endpoint(URI.create("https://t.eu10.alm.cloud.sap/api")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials are not set");
        assertThatThrownBy(() -> CloudAlmClient.builder().credentials(stubs.key())
                .endpoint(URI.create("ftp://t.example/api")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not an absolute https URL");
        assertThatThrownBy(() -> CloudAlmClient.builder().credentials(stubs.key())
                .options(ClientOptions.builder().callTimeout(java.time.Duration.ZERO).build()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("callTimeout");
    }

    @Test
    void builder_userAgentSuffix_isSent() {
        stubs.stubToken();
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects")).willReturn(okJson("[]")));
        try (CloudAlmClient client = stubs.clientBuilder().options(stubs.options().userAgentSuffix("my-job/1.0").build()).build()) {
            client.projects().list().stream().count();
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/api/calm-projects/v1/projects"))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.containing("my-job/1.0")));
    }

    @Test
    void closedClient_refusesCalls() {
        CloudAlmClient client = stubs.client();
        client.close();
        client.close();
        assertThatThrownBy(() -> client.tasks().get("t")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
