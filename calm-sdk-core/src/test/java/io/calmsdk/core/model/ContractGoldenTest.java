package io.calmsdk.core.model;

import static io.calmsdk.core.model.Contract.assertRoundTrip;
import static io.calmsdk.core.model.Contract.assertSameJson;
import static io.calmsdk.core.model.Contract.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.internal.EntitlementAssignmentRequest;
import io.calmsdk.core.model.internal.SubaccountAssignment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model reads the contract's JSON shapes and writes them back unchanged. */
class ContractGoldenTest {

    @Test
    void serviceInstance_contractShape_roundTrips() {
        ServiceInstance instance = assertRoundTrip("sm-service-instance.json", ServiceInstance.class);
        assertThat(instance.name()).isEqualTo("calm-api");
        assertThat(instance.subaccountId()).contains("0c6f2e5a-8d4b-4d5e-9a0b-3f1c2d3e4f50");
        assertThat(instance.labels().values("managed-by")).containsExactly("calm-sdk");
        assertThat(instance.lastOperation().orElseThrow().state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(instance.createdAt()).contains(Instant.parse("2025-03-04T10:15:30.123456Z"));
    }

    @Test
    void serviceBinding_contractShape_roundTripsWithMaskedCredentials() throws Exception {
        JsonNode original = tree("sm-service-binding.json");
        ServiceBinding binding = Json.mapper().treeToValue(original, ServiceBinding.class);

        ObjectNode expectedMasked = original.deepCopy();
        ((ObjectNode) expectedMasked.path("credentials").path("uaa")).put("clientsecret", "***");
        assertSameJson(Json.mapper().valueToTree(binding), expectedMasked);

        ServiceBinding.Credentials credentials = binding.credentials().orElseThrow();
        assertSameJson(Json.mapper().readTree(credentials.revealJson()), original.get("credentials"));
        assertThat(credentials.asServiceKey().uaa().clientSecret().orElseThrow().reveal())
                .isEqualTo("canary-binding-secret-0006");
    }

    @Test
    void operation_failedShape_roundTrips() {
        Operation op = assertRoundTrip("sm-operation.json", Operation.class);
        assertThat(op.isFailed()).isTrue();
        assertThat(op.isTerminal()).isTrue();
        assertThat(op.type()).isEqualTo(OperationType.CREATE);
        assertThat(op.errorSummary()).isEqualTo("BadRequest: xsappname is invalid");
    }

    @Test
    void operation_inProgressShape_roundTrips() {
        Operation op = assertRoundTrip("sm-operation-in-progress.json", Operation.class);
        assertThat(op.state()).isEqualTo(OperationState.IN_PROGRESS);
        assertThat(op.isTerminal()).isFalse();
        assertThat(op.errorSummary()).isEqualTo("(no details)");
    }

    @Test
    void serviceOffering_contractShape_roundTrips() {
        ServiceOffering offering = assertRoundTrip("sm-service-offering.json", ServiceOffering.class);
        assertThat(offering.catalogName()).contains("SAPCloudALMAPIs");
        assertThat(offering.instancesRetrievable()).contains(true);
    }

    @Test
    void servicePlan_contractShape_roundTrips() {
        ServicePlan plan = assertRoundTrip("sm-service-plan.json", ServicePlan.class);
        assertThat(plan.catalogName()).contains("standard");
        assertThat(plan.serviceOfferingId()).contains("7d6c5b4a-3928-4716-a5b4-c3d2e1f0a9b8");
    }

    @Test
    void labelChanges_contractPatchShape_roundTrip() throws Exception {
        JsonNode expected = tree("sm-label-patch.json");
        List<LabelChange> changes = Json.mapper().convertValue(expected, new TypeReference<List<LabelChange>>() { });
        assertThat(changes).extracting(LabelChange::operation).containsExactly(
                LabelChange.Kind.ADD, LabelChange.Kind.ADD_VALUES, LabelChange.Kind.REMOVE_VALUES, LabelChange.Kind.REMOVE);
        JsonNode written = Json.mapper().valueToTree(changes);
        // "remove" carries no values on the wire; the model writes an empty list, which the server accepts.
        ((ObjectNode) written.get(3)).remove("values");
        assertSameJson(written, expected);
    }

    @Test
    void entitlementAssignments_contractShape_roundTrips() {
        EntitlementAssignments a = assertRoundTrip("entitlement-assignments.json", EntitlementAssignments.class);
        EntitledServicePlan plan = a.entitledPlan("SAPCloudALMAPIs", "standard").orElseThrow();
        assertThat(plan.category()).contains(PlanCategory.SERVICE);
        assertThat(plan.remainingAmount()).contains(1.0);
        assertThat(plan.hasRemainingQuota()).isTrue();
        AssignmentInfo info = a.assignment("SAPCloudALMAPIs", "standard", "0c6f2e5a-8d4b-4d5e-9a0b-3f1c2d3e4f50").orElseThrow();
        assertThat(info.entityState()).contains(EntityState.OK);
        assertThat(info.autoAssigned()).contains(false);
    }

    @Test
    void entitlementAssignmentRequest_contractShape_roundTrips() {
        EntitlementAssignmentRequest request = assertRoundTrip("entitlement-assign-request.json", EntitlementAssignmentRequest.class);
        assertThat(request).isEqualTo(EntitlementAssignmentRequest.of("SAPCloudALMAPIs", "standard",
                SubaccountAssignment.ofAmount("0c6f2e5a-8d4b-4d5e-9a0b-3f1c2d3e4f50", 1)));
    }

    @Test
    void xsSecurityParams_seedShape_roundTrips() {
        XsSecurityParams params = assertRoundTrip("xs-security-seed.json", XsSecurityParams.class);
        assertThat(params.authorities()).containsExactly(CalmScope.PROJECTS_READ, CalmScope.TASKS_WRITE);
    }

    @Test
    void keys_contractShapes_roundTripThroughRevealJson() throws Exception {
        for (String name : List.of("calm-service-key.json", "calm-service-key-x509.json")) {
            ServiceKey key = Json.mapper().treeToValue(tree(name), ServiceKey.class);
            assertSameJson(Json.mapper().readTree(key.revealJson()), tree(name));
        }
        CisKey cis = Json.mapper().treeToValue(tree("cis-central-key.json"), CisKey.class);
        assertSameJson(Json.mapper().readTree(cis.revealJson()), tree("cis-central-key.json"));
        for (String name : List.of("service-manager-key.json", "service-manager-key-x509.json")) {
            ServiceManagerKey sm = Json.mapper().treeToValue(tree(name), ServiceManagerKey.class);
            assertSameJson(Json.mapper().readTree(sm.revealJson()), tree(name));
        }
    }

    @Test
    void keys_defaultSerialization_isContractShapeWithSecretsMasked() throws Exception {
        ServiceKey key = Json.mapper().treeToValue(tree("calm-service-key.json"), ServiceKey.class);
        ObjectNode expected = tree("calm-service-key.json").deepCopy();
        ((ObjectNode) expected.get("uaa")).put("clientsecret", "***");
        assertSameJson(Json.mapper().valueToTree(key), expected);
    }
}
