package io.calmsdk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.api.testing.CalmStubs;
import io.calmsdk.api.testing.FakeTokens;
import io.calmsdk.core.testing.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client secret and the tokens never appear in logs (at TRACE), exception messages or toString(). */
class SecretCanaryTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CalmStubs stubs;
    private final List<Throwable> failures = new ArrayList<>();

    @BeforeEach
    void setUp() {
        stubs = new CalmStubs(wm);
    }

    private void expectFailure(Runnable call) {
        Throwable t = catchThrowable(call::run);
        assertThat(t).as("the call should fail").isNotNull();
        failures.add(t);
    }

    private static String everything(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void wholeSequence_withFailures_neverShowsSecretOrTokens() {
        String refreshedToken = FakeTokens.jwt("canary-refreshed-9b2c", CalmStubs.ALL_SCOPES);
        String firstToken = FakeTokens.jwt(CalmStubs.TOKEN_CANARY, List.of("sap-calm!b1.calm-api.tasks.read"));
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("refreshed").willReturn(okJson(FakeTokens.tokenResponse(firstToken,
                        List.of("sap-calm!b1.calm-api.tasks.read"), 43199))));
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("t").whenScenarioStateIs("refreshed")
                .willReturn(okJson(FakeTokens.tokenResponse(refreshedToken, CalmStubs.ALL_SCOPES, 43199))));
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/ok")).willReturn(okJson("{\"id\":\"ok\",\"title\":\"x\"}")
                .withHeader("ETag", "\"e1\"")));
        wm.stubFor(post(urlPathEqualTo("/api/calm-tasks/v1/tasks")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"403\",\"message\":\"no\"}}")));
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/expired")).willReturn(aResponse().withStatus(401)));
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/broken")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"500\",\"message\":\"boom\"}}")));
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlPathEqualTo("/api/calm-tasks/v1/tasks/garbage")).willReturn(okJson("{\"id\":")));

        CloudAlmClient client;
        try (LogCapture logs = LogCapture.start()) {
            client = stubs.client();
            try {
                CloudAlmResponse ok = client.request("GET", "/calm-tasks/v1/tasks/{id}", "ok").send();
                client.tasks().get("ok");
                expectFailure(() -> client.tasks().create(TaskCreateRequest.of("p", "t")));
                expectFailure(() -> client.request("POST", "/calm-tasks/v1/tasks").body(Map.of("a", 1)).sendAsync().join());
                expectFailure(() -> client.tasks().get("expired"));
                expectFailure(() -> client.tasks().get("broken"));
                expectFailure(() -> client.tasks().get("reset"));
                expectFailure(() -> client.tasks().get("garbage"));
                expectFailure(() -> client.request("GET", "/x").header("Authorization", "Bearer " + firstToken));

                String shown = client + " " + ok + " " + client.request("GET", "/calm-tasks/v1/tasks/{id}", "ok")
                        + " " + stubs.key() + " " + stubs.key().uaa() + " " + client.tasks() + " " + client.projects();
                assertThat(shown).doesNotContain(CalmStubs.CLIENT_SECRET).doesNotContain(CalmStubs.TOKEN_CANARY)
                        .doesNotContain("canary-refreshed");
            } finally {
                client.close();
            }

            String logText = logs.text();
            assertThat(logs.events()).as("TRACE capture saw the calls").isNotEmpty();
            assertThat(logText).contains("/api/calm-tasks/v1/tasks")
                    .doesNotContain(CalmStubs.CLIENT_SECRET)
                    .doesNotContain(CalmStubs.TOKEN_CANARY)
                    .doesNotContain("canary-refreshed")
                    .doesNotContain(firstToken.substring(0, 20));
        }
        assertThat(failures).hasSize(7);
        for (Throwable failure : failures) {
            assertThat(everything(failure)).doesNotContain(CalmStubs.CLIENT_SECRET)
                    .doesNotContain(CalmStubs.TOKEN_CANARY).doesNotContain("canary-refreshed");
        }
        assertThat(stubs.tokenRequests()).isEqualTo(2);
    }

    @Test
    void badClientSecret_tokenFailure_namesClientButNotSecret() {
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}")));
        try (LogCapture logs = LogCapture.start(); CloudAlmClient client = stubs.client()) {
            Throwable t = catchThrowable(() -> client.projects().list().iterator().hasNext());
            assertThat(t).hasMessageContaining("sb-calm-client").hasMessageContaining("invalid_client");
            assertThat(everything(t)).doesNotContain(CalmStubs.CLIENT_SECRET);
            assertThat(logs.text()).doesNotContain(CalmStubs.CLIENT_SECRET);
        }
    }
}
