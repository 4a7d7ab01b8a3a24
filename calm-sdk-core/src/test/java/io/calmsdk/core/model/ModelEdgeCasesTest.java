package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.internal.SubaccountAssignment;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Shapes the server may send besides the contract's examples. */
class ModelEdgeCasesTest {

    @Test
    void operation_errorsAsSingleObjectOrString_becomeList() throws Exception {
        Operation single = Json.mapper().readValue("{\"id\":\"o\",\"type\":\"Delete\",\"state\":\"FAILED\","
                + "\"errors\":{\"error\":\"Conflict\",\"description\":\"bindings exist\"}}", Operation.class);
        assertThat(single.errors()).hasSize(1);
        assertThat(single.errorSummary()).isEqualTo("Conflict: bindings exist");
        assertThat(single.isSucceeded()).isFalse();

        Operation text = Json.mapper().readValue("{\"id\":\"o\",\"type\":\"create\",\"state\":\"failed\","
                + "\"errors\":[\"broker said no\", {}, {\"other\":1}]}", Operation.class);
        assertThat(text.errorSummary()).isEqualTo("broker said no");

        Operation none = Json.mapper().readValue("{\"id\":\"o\",\"type\":\"create\",\"state\":\"failed\",\"errors\":null,"
                + "\"description\":\"it broke\"}", Operation.class);
        assertThat(none.errors()).isEmpty();
        assertThat(none.errorSummary()).isEqualTo("it broke");
    }

    @Test
    void operation_missingRequiredFields_failDecoding() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"type\":\"create\",\"state\":\"failed\"}", Operation.class))
                .hasMessageContaining("Operation JSON: id is missing");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"id\":\"x\",\"state\":\"failed\"}", Operation.class))
                .hasMessageContaining("type is missing");
    }

    @Test
    void numbers_acceptNumbersAndNumericTextAndNameTheFieldOtherwise() throws Exception {
        AssignmentInfo info = Json.mapper().readValue("{\"entityId\":\"g\",\"amount\":1.5,\"requestedAmount\":\"2.5\","
                + "\"autoAssigned\":null}", AssignmentInfo.class);
        assertThat(info.amount()).contains(1.5);
        assertThat(info.requestedAmount()).contains(2.5);
        assertThat(info.autoAssigned()).isEmpty();
        assertThatThrownBy(() -> Json.mapper().readValue("{\"entityId\":\"g\",\"amount\":\"x\"}", AssignmentInfo.class))
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"entityId\":\"g\",\"amount\":[]}", AssignmentInfo.class))
                .hasMessageContaining("amount");
    }

    @Test
    void booleans_acceptBooleanText() throws Exception {
        ServiceInstance instance = Json.mapper().readValue("{\"id\":\"i\",\"name\":\"n\",\"ready\":true,"
                + "\"usable\":\"FALSE\"}", ServiceInstance.class);
        assertThat(instance.ready()).contains(true);
        assertThat(instance.usable()).contains(false);
        assertThatThrownBy(() -> Json.mapper().readValue("{\"id\":\"i\",\"name\":\"n\",\"ready\":\"yes\"}",
                ServiceInstance.class)).hasMessageContaining("ready");
    }

    @Test
    void timestamps_tolerateOffsetsAndIgnoreGarbage() throws Exception {
        ServiceInstance instance = Json.mapper().readValue("{\"id\":\"i\",\"name\":\"n\","
                + "\"created_at\":\"2025-03-04T10:15:30Z\",\"updated_at\":\"2025-03-04T12:15:30+02:00\"}", ServiceInstance.class);
        assertThat(instance.createdAt()).contains(Instant.parse("2025-03-04T10:15:30Z"));
        assertThat(instance.updatedAt()).contains(Instant.parse("2025-03-04T10:15:30Z"));
        Operation op = Json.mapper().readValue("{\"id\":\"o\",\"type\":\"create\",\"state\":\"failed\","
                + "\"created_at\":\"yesterday\"}", Operation.class);
        assertThat(op.createdAt()).isEmpty();
    }

    @Test
    void lists_areArraysOfObjectsOnly() throws Exception {
        EntitlementAssignments a = Json.mapper().readValue("{\"entitledServices\":[{\"name\":\"s\",\"servicePlans\":null}],"
                + "\"assignedServices\":null}", EntitlementAssignments.class);
        assertThat(a.entitledServices()).extracting(EntitledService::name).containsExactly("s");
        assertThat(a.assignedServices()).isEmpty();
        assertThatThrownBy(() -> Json.mapper().readValue("{\"entitledServices\":{}}", EntitlementAssignments.class))
                .hasMessageContaining("entitledServices");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"entitledServices\":[1]}", EntitlementAssignments.class))
                .hasMessageContaining("entitledServices");
    }

    @Test
    void missingRequiredFields_nameTheModelAndTheJsonFields() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"amount\":1}", SubaccountAssignment.class))
                .hasMessageContaining("SubaccountAssignment JSON: subaccountGUID is missing");
        assertThatThrownBy(() -> Json.mapper().readValue("[{\"values\":[\"v\"]}]", LabelChange[].class))
                .hasMessageContaining("LabelChange JSON: op, key are missing");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"id\":null,\"name\":\"n\"}", ServiceInstance.class))
                .hasMessageContaining("ServiceInstance JSON: id is missing");
        assertThatThrownBy(() -> ServiceInstance.builder().name("n").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("id");
    }

    @Test
    void operationError_summaryVariants() {
        assertThat(OperationError.builder().error("E").build().summary()).isEqualTo("E");
        assertThat(OperationError.builder().description("D").build().summary()).isEqualTo("D");
        assertThat(OperationError.builder().build().summary()).isEqualTo("(no details)");
    }

    @Test
    void lastOperation_statesAndSummary() throws Exception {
        LastOperation failed = Json.mapper().readValue("{\"type\":\"update\",\"state\":\"failed\",\"errors\":"
                + "[{\"error\":\"BadRequest\",\"description\":\"bad scope\"}]}", LastOperation.class);
        assertThat(failed.id()).isEmpty();
        assertThat(failed.isFailed()).isTrue();
        assertThat(failed.isTerminal()).isTrue();
        assertThat(failed.errorSummary()).isEqualTo("BadRequest: bad scope");
        assertThat(Json.mapper().writeValueAsString(failed)).contains("\"errors\":[{\"error\":\"BadRequest\"");
        LastOperation pending = LastOperation.builder().type(OperationType.CREATE).state(OperationState.PENDING).build();
        assertThat(pending.isTerminal()).isFalse();
        assertThat(pending.isFailed()).isFalse();
    }

    @Test
    void instanceAndBinding_minimalShapes() throws Exception {
        ServiceInstance instance = Json.mapper().readValue("{\"id\":\"i\",\"name\":\"n\",\"context\":{\"nested\":{\"a\":1},"
                + "\"subaccount_id\":\"s\"},\"labels\":null}", ServiceInstance.class);
        assertThat(instance.subaccountId()).contains("s");
        assertThat(instance.context()).containsOnlyKeys("subaccount_id");
        assertThat(instance.labels().isEmpty()).isTrue();
        assertThat(Json.mapper().writeValueAsString(instance)).isEqualTo("{\"id\":\"i\",\"name\":\"n\",\"context\":{\"subaccount_id\":\"s\"}}");
        ServiceInstance bare = ServiceInstance.builder().id("i").name("n").build();
        assertThat(bare.subaccountId()).isEmpty();

        ServiceBinding binding = Json.mapper().readValue("{\"id\":\"b\",\"name\":\"n\"}", ServiceBinding.class);
        assertThat(binding.credentials()).isEmpty();
        assertThat(Json.mapper().writeValueAsString(binding)).isEqualTo("{\"id\":\"b\",\"name\":\"n\"}");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"id\":\"b\",\"name\":\"n\",\"credentials\":\"x\"}", ServiceBinding.class))
                .hasMessageContaining("credentials is not a JSON object");
    }

    @Test
    void offeringAndPlan_withLabels() throws Exception {
        ServiceOffering offering = Json.mapper().readValue("{\"id\":\"o\",\"name\":\"n\",\"labels\":{\"k\":[\"v\"]}}",
                ServiceOffering.class);
        assertThat(Json.mapper().writeValueAsString(offering)).isEqualTo("{\"id\":\"o\",\"name\":\"n\",\"labels\":{\"k\":[\"v\"]}}");
        ServicePlan plan = Json.mapper().readValue("{\"id\":\"p\",\"name\":\"standard\",\"labels\":{\"k\":[\"v\"]}}", ServicePlan.class);
        assertThat(plan.labels().values("k")).containsExactly("v");
        assertThat(Json.mapper().writeValueAsString(plan)).contains("\"labels\":{\"k\":[\"v\"]}");
        ServiceBinding binding = Json.mapper().readValue("{\"id\":\"b\",\"name\":\"n\",\"labels\":{\"k\":[\"v\"]}}", ServiceBinding.class);
        assertThat(Json.mapper().writeValueAsString(binding)).contains("\"labels\":{\"k\":[\"v\"]}");
    }

    @Test
    void bindingCredentials_accessorsAndProblems() throws Exception {
        ServiceBinding.Credentials sm = ServiceBinding.Credentials.fromJson(Contract.text("service-manager-key.json"));
        assertThat(sm.asServiceManagerKey().smUrl().getHost()).isEqualTo("service-manager.cfapps.eu10.hana.ondemand.com");
        assertThat(sm.field("clientid")).contains("sb-sm-admin!b1|service-manager!b1");
        assertThat(sm.isEmpty()).isFalse();
        assertThat(ServiceBinding.Credentials.fromJson("{}").isEmpty()).isTrue();
        assertThat(sm).isEqualTo(ServiceBinding.Credentials.fromJson(Contract.text("service-manager-key.json")))
                .hasSameHashCodeAs(ServiceBinding.Credentials.fromJson(Contract.text("service-manager-key.json")))
                .isNotEqualTo(ServiceBinding.Credentials.fromJson("{}"));
        assertThat(sm.toString()).contains("\"clientsecret\":\"***\"").doesNotContain("canary");
        assertThat(sm.revealJson()).contains("canary-sm-secret-0004");
        assertThatThrownBy(() -> ServiceBinding.Credentials.fromJson("[]")).isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ServiceBinding.Credentials.fromJson("{x")).isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ServiceBinding.Credentials.fromJson("{}").asServiceKey()).isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("endpoints is missing");
    }

    @Test
    void secretMasking_pemAndContainers() {
        JsonNode masked = SecretMasking.mask(Contract.tree("calm-service-key-x509.json"));
        assertThat(masked.at("/uaa/key").asText()).isEqualTo("***");
        assertThat(masked.at("/uaa/certificate").asText()).startsWith("-----BEGIN CERTIFICATE-----");
        JsonNode arrays = SecretMasking.mask(Json.mapper().valueToTree(java.util.Map.of(
                "list", java.util.List.of("-----BEGIN RSA PRIVATE KEY-----x", 1),
                "secrets", java.util.Map.of("a", "b"), "password", "")));
        assertThat(arrays.at("/list/0").asText()).isEqualTo("***");
        assertThat(arrays.at("/list/1").asInt()).isEqualTo(1);
        assertThat(arrays.get("secrets").asText()).isEqualTo("***");
        assertThat(arrays.get("password").asText()).isEqualTo("***");
    }

    @Test
    void serviceKey_builtWithOtherEndpointsAndOptionalFields_writesThem() {
        ServiceKey key = ServiceKey.builder()
                .apiEndpoint(java.net.URI.create("https://t.alm.cloud.sap/api"))
                .putOtherEndpoints("Ui", "https://ui.example")
                .uaa(OAuthClientCredentials.builder().clientId("c").clientSecret(io.calmsdk.core.Secret.of("s"))
                        .url(java.net.URI.create("https://a.example")).certUrl(java.net.URI.create("https://c.example")).build())
                .identityZone("z").xsappname("x").credentialType("binding-secret")
                .build();
        ServiceKey back = ServiceKey.fromJsonNode(Contract.tree("calm-service-key.json"));
        assertThat(back).isNotEqualTo(key);
        ServiceKey again = ServiceKey.fromJsonNode(readTree(key.revealJson()));
        assertThat(again).isEqualTo(key);
        assertThat(key.revealJson()).contains("\"certurl\" : \"https://c.example\"", "\"identityzone\" : \"z\"");
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
