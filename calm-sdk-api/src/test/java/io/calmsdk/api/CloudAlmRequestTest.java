package io.calmsdk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.testing.CalmStubs;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudAlmRequestTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CalmStubs stubs;

    @BeforeEach
    void setUp() {
        stubs = new CalmStubs(wm);
        stubs.stubToken();
    }

    private void stubFlakyPatch() {
        wm.stubFor(patch(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).inScenario("p")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok").willReturn(aResponse().withStatus(503)));
        wm.stubFor(patch(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).inScenario("p")
                .whenScenarioStateIs("ok").willReturn(okJson("{\"id\":\"t\",\"title\":\"x\"}")));
    }

    @Test
    void patch_default_isNotRetriedOn503() {
        stubFlakyPatch();
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.request("PATCH", "/calm-tasks/v1/tasks/{id}", "t").body(java.util.Map.of("a", 1))
                    .send()).isInstanceOf(CalmServiceException.class);
        }
        wm.verify(1, patchRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")));
    }

    @Test
    void patch_declaredIdempotent_isRetriedOn503() {
        stubFlakyPatch();
        try (CloudAlmClient client = stubs.client()) {
            Task t = client.request("PATCH", "/calm-tasks/v1/tasks/{id}", "t").body(java.util.Map.of("a", 1))
                    .idempotent(true).send(Task.class);
            assertThat(t.id()).isEqualTo("t");
        }
        wm.verify(2, patchRequestedFor(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")));
    }

    @Test
    void rawBody_isSentWithItsContentType() {
        wm.stubFor(put(urlPathEqualTo("/api/calm-documents/v1/Documents('d')/content"))
                .withHeader("Content-Type", equalTo("text/plain")).withRequestBody(equalTo("hello"))
                .willReturn(aResponse().withStatus(204)));
        try (CloudAlmClient client = stubs.client()) {
            CloudAlmResponse r = client.request("PUT", "/calm-documents/v1/Documents('{id}')/content", "d")
                    .rawBody("hello".getBytes(StandardCharsets.UTF_8), "text/plain").send();
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.bodyAsString()).isEmpty();
            assertThat(r.body()).isEmpty();
            assertThat(r.etag()).isEmpty();
        }
    }

    @Test
    void head_returnsHeadersWithoutBody() {
        wm.stubFor(head(urlPathEqualTo("/api/calm-tasks/v1/tasks/t")).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"9\"").withHeader("X-Custom", "v")));
        try (CloudAlmClient client = stubs.client()) {
            CloudAlmResponse r = client.request("head", "/calm-tasks/v1/tasks/{id}", "t").send();
            assertThat(r.etag()).contains("\"9\"");
            assertThat(r.header("x-custom")).contains("v");
            assertThat(r.hasBody()).isFalse();
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.correlationId()).isNotBlank();
            assertThat(r.toString()).contains("HEAD").contains("-> 200").contains(r.correlationId());
        }
    }

    @Test
    void asListOf_decodesArraysAndValueObjects() {
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks")).willReturn(okJson("[{\"id\":\"a\",\"title\":\"A\"}]")));
        wm.stubFor(get(urlPathEqualTo("/api/calm-processmanagement/v1/scopes"))
                .willReturn(okJson("{\"value\":[{\"id\":\"s\",\"title\":\"S\"}]}")));
        try (CloudAlmClient client = stubs.client()) {
            List<Task> tasks = client.request("GET", "/calm-tasks/v1/tasks").query("projectId", "p").send()
                    .asListOf(Task.class);
            assertThat(tasks).extracting(Task::title).containsExactly("A");
            assertThat(client.request("GET", "/calm-processmanagement/v1/scopes").send().asListOf(Task.class))
                    .extracting(Task::id).containsExactly("s");
            assertThatThrownBy(() -> client.request("GET", "/calm-processmanagement/v1/scopes").send().as(Task.class))
                    .isInstanceOf(CalmClientException.class);
        }
    }

    @Test
    void queryAndBody_invalid_areRefused() {
        try (CloudAlmClient client = stubs.client()) {
            CloudAlmRequest r = client.request("POST", "/calm-tasks/v1/tasks");
            assertThatThrownBy(() -> r.query(" ", "x")).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> r.query("a", null)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("query a");
            assertThatThrownBy(() -> r.body(null)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> r.rawBody(null, "text/plain")).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> r.header("X-A", "a\nb")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("line break");
            assertThatThrownBy(() -> r.header(null, "v")).isInstanceOf(ValidationException.class);
            assertThat(r.query("q", 1).toString()).isEqualTo("CloudAlmRequest{POST /calm-tasks/v1/tasks?q=1}");
        }
    }

    @Test
    void sharedTokenProvider_servesTwoClientsWithOneToken() {
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects")).willReturn(okJson("[]")));
        try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.create(stubs.key());
             CloudAlmClient first = CloudAlmClient.builder().credentials(stubs.key()).tokenProvider(tokens).build();
             CloudAlmClient second = CloudAlmClient.builder().endpoint(stubs.api()).tokenProvider(tokens).build()) {
            assertThat(first.projects().list()).isEmpty();
            assertThat(second.projects().list()).isEmpty();
            second.close();
            assertThat(first.projects().list()).as("the shared provider stays open").isEmpty();
        }
        assertThat(stubs.tokenRequests()).isEqualTo(1);
    }

    @Test
    void endpointAndCredentials_withoutServiceKey_work() {
        wm.stubFor(get(urlPathEqualTo("/api/calm-projects/v1/projects")).willReturn(okJson("[]")));
        try (CloudAlmClient client = CloudAlmClient.builder().endpoint(java.net.URI.create(stubs.api() + "/"))
                .credentials(stubs.key().uaa()).build()) {
            assertThat(client.endpoint()).isEqualTo(stubs.api());
            assertThat(client.projects().list()).isEmpty();
        }
    }
}
