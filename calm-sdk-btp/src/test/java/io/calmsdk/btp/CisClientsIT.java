package io.calmsdk.btp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.exception.PollingTimeoutException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.EntitlementAssignments;
import io.calmsdk.core.model.ServiceManagerKey;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CisClientsIT {

    private static final String SUB = "0f2c7d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final String ASSIGNMENTS = "/entitlements/v1/assignments";
    private static final String PLANS = "/entitlements/v1/subaccountServicePlans";
    private static final String SM_BINDING = "/accounts/v1/subaccounts/" + SUB + "/serviceManagementBinding";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final FakeTime time = new FakeTime();
    private CisKey key;

    @BeforeEach
    void setUp() {
        String base = "http://127.0.0.1:" + wm.getPort();
        key = ServiceKeys.cis().fromJson("{\"endpoints\":{\"accounts_service_url\":\"" + base
                + "\",\"entitlements_service_url\":\"" + base + "\"},\"grant_type\":\"client_credentials\","
                + "\"uaa\":{\"clientid\":\"cis-client\",\"clientsecret\":\"cis-s3cr3t\",\"url\":\"" + base + "\"}}");
        wm.stubFor(post("/oauth/token").willReturn(okJson(
                "{\"access_token\":\"tok\",\"token_type\":\"bearer\",\"expires_in\":43199}")));
    }

    private EntitlementsClient entitlements() {
        return EntitlementsClient.builder().credentials(key).options(ClientOptions.builder().clock(time).sleeper(time).build()).build();
    }

    private static String assignments(String category, String state, Integer remaining) {
        return "{\"entitledServices\":[{\"name\":\"SAPCloudALMAPIs\",\"servicePlans\":[{\"name\":\"standard\","
                + "\"category\":\"" + category + "\",\"amount\":2,\"remainingAmount\":" + remaining
                + ",\"unlimited\":false}]}],\"assignedServices\":" + (state == null ? "[]"
                : "[{\"name\":\"SAPCloudALMAPIs\",\"servicePlans\":[{\"name\":\"standard\",\"assignmentInfo\":[{"
                + "\"entityId\":\"" + SUB.toUpperCase(java.util.Locale.ROOT) + "\",\"entityType\":\"SUBACCOUNT\","
                + "\"amount\":1,\"entityState\":\"" + state + "\",\"stateMessage\":\"broker said no\"}]}]}]") + "}";
    }

    @Test
    void getAssignments_noContent_isEmpty() {
        wm.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(aResponse().withStatus(204)));
        try (EntitlementsClient client = entitlements()) {
            assertThat(client.getAssignments(SUB, "SAPCloudALMAPIs", "standard")).isEqualTo(EntitlementAssignments.empty());
            assertThat(client.findAssignment(SUB, "SAPCloudALMAPIs", "standard")).isEmpty();
        }
    }

    @Test
    void assign_quotaBasedPlan_sendsAmountAndReturnsThePlainTextJobId() {
        wm.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(assignments("SERVICE", null, 1))));
        wm.stubFor(put(PLANS).willReturn(aResponse().withStatus(202).withHeader("Content-Type", "text/plain")
                .withBody("job-42")));
        try (EntitlementsClient client = entitlements()) {
            assertThat(client.assign(SUB, "SAPCloudALMAPIs", "standard").operationId()).contains("job-42");
        }
        wm.verify(putRequestedFor(urlPathEqualTo(PLANS)).withRequestBody(equalToJson("{\"subaccountServicePlans\":[{"
                + "\"serviceName\":\"SAPCloudALMAPIs\",\"servicePlanName\":\"standard\",\"assignmentInfo\":[{"
                + "\"subaccountGUID\":\"" + SUB + "\",\"amount\":1}]}]}")));
    }

    @Test
    void assign_elasticPlan_sendsEnable() {
        wm.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(assignments("ELASTIC_SERVICE", null, 0))));
        wm.stubFor(put(PLANS).willReturn(aResponse().withStatus(202)));
        try (EntitlementsClient client = entitlements()) {
            assertThat(client.assign(SUB, "SAPCloudALMAPIs", "standard").operationId()).isEmpty();
        }
        wm.verify(putRequestedFor(urlPathEqualTo(PLANS)).withRequestBody(equalToJson("{\"subaccountServicePlans\":[{"
                + "\"serviceName\":\"SAPCloudALMAPIs\",\"servicePlanName\":\"standard\",\"assignmentInfo\":[{"
                + "\"subaccountGUID\":\"" + SUB + "\",\"enable\":true}]}]}")));
    }

    @Test
    void assign_planNotOwned_failsWithValidationException() {
        wm.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(aResponse().withStatus(204)));
        try (EntitlementsClient client = entitlements()) {
            assertThatThrownBy(() -> client.assign(SUB, "SAPCloudALMAPIs", "standard"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("not entitled to the global account");
        }
    }

    @Test
    void awaitAssignment_processingThenOk_returnsTheAssignmentFoundIgnoringGuidCase() {
        wm.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).inScenario("a").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(okJson(assignments("SERVICE", "PROCESSING", 1))));
        wm.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).inScenario("a").whenScenarioStateIs("ok")
                .willReturn(okJson(assignments("SERVICE", "OK", 1))));
        try (EntitlementsClient client = entitlements()) {
            assertThat(client.assignment(SUB, "SAPCloudALMAPIs", "standard", "started elsewhere", null)
                    .waitForCompletion(Duration.ofMinutes(1)).entityState()).hasValueSatisfying(s -> assertThat(s.isOk()).isTrue());
        }
    }

    @Test
    void awaitAssignment_processingFailed_throwsWithTheStateMessage() {
        wm.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(assignments("SERVICE", "PROCESSING_FAILED", 1))));
        try (EntitlementsClient client = entitlements()) {
            assertThatThrownBy(() -> client.assignment(SUB, "SAPCloudALMAPIs", "standard", "started elsewhere", null)
                    .waitForCompletion(Duration.ofMinutes(1))).isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining("PROCESSING_FAILED").hasMessageContaining("broker said no");
        }
    }

    @Test
    void awaitAssignment_stuck_timesOutNamingTheStuckState() {
        wm.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(assignments("SERVICE", "STARTED", 1))));
        try (EntitlementsClient client = entitlements()) {
            assertThatThrownBy(() -> client.assignment(SUB, "SAPCloudALMAPIs", "standard", "started elsewhere", null)
                    .waitForCompletion(Duration.ofMinutes(1))).isInstanceOf(PollingTimeoutException.class).hasMessageContaining("still STARTED");
        }
        assertThat(time.slept()).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void unassign_notAssigned_sendsNothing() {
        wm.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(assignments("SERVICE", null, 1))));
        try (EntitlementsClient client = entitlements()) {
            assertThat(client.unassign(SUB, "SAPCloudALMAPIs", "standard").operationId()).isEmpty();
        }
        wm.verify(0, putRequestedFor(urlPathEqualTo(PLANS)));
    }

    @Test
    void ensureServiceManagerBinding_createLosesTheRace_readsTheWinnersKey() {
        String smKey = "{\"clientid\":\"sb-sm\",\"clientsecret\":\"sm-s3cr3t\",\"sm_url\":\"https://sm.example.com\","
                + "\"url\":\"https://auth.example.com\",\"xsappname\":\"sm\"}";
        wm.stubFor(get(SM_BINDING).inScenario("b").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("exists")
                .willReturn(aResponse().withStatus(404)));
        wm.stubFor(post(SM_BINDING).willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":11009,\"message\":\"exists\"}}")));
        wm.stubFor(get(SM_BINDING).inScenario("b").whenScenarioStateIs("exists").willReturn(okJson(smKey)));

        try (AccountsClient accounts = AccountsClient.builder().credentials(key).options(ClientOptions.builder().clock(time).sleeper(time).build()).build()) {
            ServiceManagerKey sm = accounts.ensureServiceManagerBinding(SUB);

            assertThat(sm.credentials().clientId()).isEqualTo("sb-sm");
            assertThat(accounts.toString()).doesNotContain("cis-s3cr3t");
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(SM_BINDING)));
    }

    @Test
    void builders_withoutCredentials_failNamingTheSetting() {
        assertThatThrownBy(() -> EntitlementsClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> AccountsClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> ServiceManagerClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> CloudAlmProvisioner.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key is required");
    }
}
