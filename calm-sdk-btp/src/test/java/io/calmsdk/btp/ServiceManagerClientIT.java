package io.calmsdk.btp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ConflictException;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.exception.PollingTimeoutException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.LabelChange;
import io.calmsdk.core.model.Labels;
import io.calmsdk.core.model.ServiceBinding;
import io.calmsdk.core.model.ServiceInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceManagerClientIT {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final FakeTime time = new FakeTime();
    private ServiceManagerClient sm;

    @BeforeEach
    void setUp() {
        String base = "http://127.0.0.1:" + wm.getPort();
        wm.stubFor(post("/oauth/token").willReturn(okJson(
                "{\"access_token\":\"tok-canary-1\",\"token_type\":\"bearer\",\"expires_in\":43199,\"scope\":\"x\"}")));
        sm = ServiceManagerClient.builder()
                .credentials(ServiceKeys.serviceManager().fromJson("{\"clientid\":\"sb-admin\",\"clientsecret\":\"s3cr3t\","
                        + "\"sm_url\":\"" + base + "\",\"url\":\"" + base + "\",\"xsappname\":\"sm\"}"))
                .options(ClientOptions.builder().clock(time).sleeper(time)
                        .polling(PollingOptions.builder().timeout(Duration.ofMinutes(2)).build()).build())
                .build();
    }

    @AfterEach
    void tearDown() {
        sm.close();
    }

    private static String instance(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"service_plan_id\":\"plan-1\",\"ready\":true}";
    }

    @Test
    void listInstances_severalPages_followsTokensAndSendsTheFieldQuery() {
        wm.stubFor(get(urlPathEqualTo("/v1/service_instances")).withQueryParam("token", equalTo("t2"))
                .willReturn(okJson("{\"num_items\":3,\"items\":[" + instance("i3", "c") + "]}")));
        wm.stubFor(get(urlPathEqualTo("/v1/service_instances")).withQueryParam("token", equalTo("t1"))
                .willReturn(okJson("{\"token\":\"t2\",\"num_items\":3,\"items\":[" + instance("i2", "b") + "]}")));
        wm.stubFor(get(urlPathEqualTo("/v1/service_instances")).atPriority(10)
                .willReturn(okJson("{\"token\":\"t1\",\"num_items\":3,\"items\":[" + instance("i1", "a") + "]}")));

        List<String> ids = sm.listInstances(ListQuery.builder().field("name", "it's").build()).stream()
                .map(ServiceInstance::id).collect(Collectors.toList());

        assertThat(ids).containsExactly("i1", "i2", "i3");
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/service_instances"))
                .withQueryParam("fieldQuery", equalTo("name eq 'it''s'")));
    }

    @Test
    void createInstance_acceptedWithLocation_pollsTheOperationUntilItSucceeds() {
        wm.stubFor(post(urlPathEqualTo("/v1/service_instances")).willReturn(aResponse().withStatus(202)
                .withHeader("Location", "/v1/service_instances/inst-1/operations/op-1").withBody("{}")));
        wm.stubFor(get("/v1/service_instances/inst-1/operations/op-1").inScenario("op")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("pending")
                .willReturn(okJson("{\"id\":\"op-1\",\"type\":\"create\",\"state\":\"pending\"}")));
        wm.stubFor(get("/v1/service_instances/inst-1/operations/op-1").inScenario("op")
                .whenScenarioStateIs("pending").willSetStateTo("running")
                .willReturn(okJson("{\"id\":\"op-1\",\"type\":\"CREATE\",\"state\":\"in progress\"}")));
        wm.stubFor(get("/v1/service_instances/inst-1/operations/op-1").inScenario("op")
                .whenScenarioStateIs("running")
                .willReturn(okJson("{\"id\":\"op-1\",\"type\":\"create\",\"state\":\"succeeded\"}")));
        wm.stubFor(get("/v1/service_instances/inst-1").willReturn(okJson(instance("inst-1", "calm-api"))));

        LongRunningOperation<ServiceInstance> pending = sm.createInstance("calm-api", "plan-1", Map.of("a", 1),
                Labels.of("k", "v"));
        assertThat(pending.status().isTerminal()).isFalse();
        assertThat(pending.resourceId()).contains("inst-1");
        assertThat(pending.waitForCompletion().id()).isEqualTo("inst-1");
        assertThat(pending.status()).isEqualTo(LongRunningOperation.Status.SUCCEEDED);

        ServiceInstance created = sm.createInstance("calm-api", "plan-1", Map.of(), Labels.empty()).waitForCompletion();
        assertThat(created.id()).isEqualTo("inst-1");
        wm.verify(postRequestedFor(urlPathEqualTo("/v1/service_instances")).withQueryParam("async", equalTo("true"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"name\":\"calm-api\",\"service_plan_id\":\"plan-1\",\"parameters\":{\"a\":1},"
                                + "\"labels\":{\"k\":[\"v\"]}}")));
    }

    @Test
    void createBinding_synchronousAnswer_isDoneWithTheBodyId() {
        wm.stubFor(post(urlPathEqualTo("/v1/service_bindings")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"b-1\",\"name\":\"key\"}")));

        LongRunningOperation<ServiceBinding> pending = sm.createBinding("inst-1", "key", Map.of(), Labels.empty());

        assertThat(pending.status().isTerminal()).isTrue();
        assertThat(pending.resourceId()).contains("b-1");
        assertThat(pending.poll()).isEqualTo(LongRunningOperation.Status.SUCCEEDED);
        assertThat(pending.operationId()).isEmpty();
    }

    @Test
    void waitForCompletion_brokerFails_throwsWithTheBrokerDescription() {
        wm.stubFor(patch(urlPathEqualTo("/v1/service_instances/inst-1")).willReturn(aResponse().withStatus(202)
                .withHeader("Location", "/v1/service_instances/inst-1/operations/op-2")));
        wm.stubFor(get("/v1/service_instances/inst-1/operations/op-2").willReturn(okJson("{\"id\":\"op-2\","
                + "\"type\":\"update\",\"state\":\"failed\",\"errors\":[{\"error\":\"BrokerError\","
                + "\"description\":\"xsappname cannot change\"}]}")));

        LongRunningOperation<ServiceInstance> pending = sm.updateInstance("inst-1", null,
                List.of(LabelChange.add("k", List.of("v"))));

        assertThatThrownBy(pending::waitForCompletion)
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("update service instance inst-1")
                .hasMessageContaining("xsappname cannot change");
        wm.verify(patchRequestedFor(urlPathEqualTo("/v1/service_instances/inst-1"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"labels\":[{\"op\":\"add\",\"key\":\"k\",\"values\":[\"v\"]}]}")));
    }

    @Test
    void waitForCompletion_neverFinishes_timesOutNamingTheState() {
        wm.stubFor(delete(urlPathEqualTo("/v1/service_bindings/b-1")).willReturn(aResponse().withStatus(202)
                .withHeader("Location", "/v1/service_bindings/b-1/operations/op-3")));
        wm.stubFor(get("/v1/service_bindings/b-1/operations/op-3").willReturn(okJson(
                "{\"id\":\"op-3\",\"type\":\"delete\",\"state\":\"in progress\"}")));

        assertThatThrownBy(() -> sm.deleteBinding("b-1").waitForCompletion())
                .isInstanceOf(PollingTimeoutException.class)
                .hasMessageContaining("delete service binding b-1")
                .hasMessageContaining("still in progress");
    }

    @Test
    void deleteInstance_alreadyGone_countsAsDone() {
        wm.stubFor(delete(urlPathEqualTo("/v1/service_instances/gone")).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"NotFound\",\"description\":\"not found\"}")));
        wm.stubFor(delete(urlPathEqualTo("/v1/service_instances/going")).willReturn(aResponse().withStatus(202)
                .withHeader("Location", "/v1/service_instances/going/operations/op-4")));
        wm.stubFor(get("/v1/service_instances/going/operations/op-4").willReturn(aResponse().withStatus(404)));

        sm.deleteInstance("gone").waitForCompletion();
        sm.deleteInstance("going").waitForCompletion();

        assertThat(sm.findInstance("gone")).isEmpty();
    }

    @Test
    void createInstance_conflict_throwsConflictException() {
        wm.stubFor(post(urlPathEqualTo("/v1/service_instances")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"Conflict\",\"description\":\"instance calm-api already exists\"}")));

        assertThatThrownBy(() -> sm.createInstance("calm-api", "plan-1", Map.of(), Labels.empty()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/service_instances")));
    }

    @Test
    void createInstance_acceptedWithoutLocation_failsClearly() {
        wm.stubFor(post(urlPathEqualTo("/v1/service_instances")).willReturn(aResponse().withStatus(202).withBody("{}")));

        assertThatThrownBy(() -> sm.createInstance("calm-api", "plan-1", Map.of(), Labels.empty()))
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("no operation Location");
    }

    @Test
    void findInstanceParameters_notRetrievable_isEmpty() {
        wm.stubFor(get("/v1/service_instances/inst-1/parameters").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"BadRequest\",\"description\":\"not retrievable\"}")));
        wm.stubFor(get("/v1/service_instances/inst-2/parameters").willReturn(okJson("{\"xs-security\":{}}")));

        assertThat(sm.findInstanceParameters("inst-1")).isEmpty();
        assertThat(sm.findInstanceParameters("inst-2")).hasValueSatisfying(p -> assertThat(p).containsKey("xs-security"));
    }

    @Test
    void findPlan_aliasName_isFoundWhenStandardIsAbsent() {
        wm.stubFor(get(urlPathEqualTo("/v1/service_plans")).willReturn(okJson("{\"items\":[{\"id\":\"p-9\","
                + "\"name\":\"sap-cloud-alm-api\",\"catalog_name\":\"sap-cloud-alm-api\",\"service_offering_id\":\"o-1\"}]}")));

        assertThat(sm.findPlan("o-1", "standard", "sap-cloud-alm-api")).hasValueSatisfying(
                p -> assertThat(p.id()).isEqualTo("p-9"));
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/service_plans")).withQueryParam("fieldQuery",
                equalTo("service_offering_id eq 'o-1' and catalog_name in ('standard','sap-cloud-alm-api')")));
    }

    @Test
    void toString_showsEndpointNeverSecrets() {
        assertThat(sm.toString()).contains("127.0.0.1").doesNotContain("s3cr3t");
    }
}
