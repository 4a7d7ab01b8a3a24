package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.internal.EntitlementAssignmentRequest;
import io.calmsdk.core.model.internal.ServicePlanAssignment;
import io.calmsdk.core.model.internal.SubaccountAssignment;
import org.junit.jupiter.api.Test;

class EntitlementModelsTest {

    private static final String GUID = "0c6f2e5a-8d4b-4d5e-9a0b-3f1c2d3e4f50";

    @Test
    void assign_amountCategory_sendsAmountOnly() throws Exception {
        SubaccountAssignment a = SubaccountAssignment.assign(PlanCategory.SERVICE, GUID, 1);
        assertThat(Json.mapper().writeValueAsString(a)).isEqualTo("{\"subaccountGUID\":\"" + GUID + "\",\"amount\":1}");
        assertThat(SubaccountAssignment.unassign(PlanCategory.QUOTA_BASED_APPLICATION, GUID).amount()).contains(0);
    }

    @Test
    void assign_enableCategory_sendsEnableOnly() throws Exception {
        SubaccountAssignment a = SubaccountAssignment.assign(PlanCategory.ELASTIC_SERVICE, GUID, 1);
        assertThat(Json.mapper().writeValueAsString(a)).isEqualTo("{\"subaccountGUID\":\"" + GUID + "\",\"enable\":true}");
        assertThat(SubaccountAssignment.unassign(PlanCategory.APPLICATION, GUID).enable()).contains(false);
    }

    @Test
    void assign_unknownCategory_isRefusedNamingCategory() {
        assertThatThrownBy(() -> SubaccountAssignment.assign(PlanCategory.fromString("NEW_KIND"), GUID, 1))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("category is 'NEW_KIND'")
                .hasMessageContaining("ELASTIC_SERVICE");
        assertThatThrownBy(() -> SubaccountAssignment.unassign(PlanCategory.fromString("NEW_KIND"), GUID))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void build_bothOrNeitherAmountAndEnable_isRefused() {
        assertThatThrownBy(() -> SubaccountAssignment.builder().subaccountGuid(GUID).amount(1).enable(true).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("has both amount and enable");
        assertThatThrownBy(() -> SubaccountAssignment.builder().subaccountGuid(GUID).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("neither amount nor enable");
        assertThatThrownBy(() -> SubaccountAssignment.ofAmount(GUID, -1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("amount is negative");
        assertThatThrownBy(() -> SubaccountAssignment.ofAmount(" ", 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("subaccountGUID is blank");
    }

    @Test
    void request_emptyOrBlank_isRefused() {
        assertThatThrownBy(() -> EntitlementAssignmentRequest.builder().build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("subaccountServicePlans is empty");
        assertThatThrownBy(() -> ServicePlanAssignment.builder().serviceName("s").servicePlanName("p").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("assignmentInfo is empty");
        assertThatThrownBy(() -> EntitlementAssignmentRequest.of(" ", "standard", SubaccountAssignment.ofAmount(GUID, 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("serviceName is blank");
        assertThatThrownBy(() -> EntitlementAssignmentRequest.of("s", "", SubaccountAssignment.ofAmount(GUID, 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("servicePlanName is blank");
    }

    @Test
    void request_enableShape_roundTrips() throws Exception {
        EntitlementAssignmentRequest request = EntitlementAssignmentRequest.of("SAPCloudALMAPIs", "standard",
                SubaccountAssignment.ofEnable(GUID, true));
        String json = Json.mapper().writeValueAsString(request);
        assertThat(json).isEqualTo("{\"subaccountServicePlans\":[{\"serviceName\":\"SAPCloudALMAPIs\",\"servicePlanName\":"
                + "\"standard\",\"assignmentInfo\":[{\"subaccountGUID\":\"" + GUID + "\",\"enable\":true}]}]}");
        assertThat(Json.mapper().readValue(json, EntitlementAssignmentRequest.class)).isEqualTo(request);
    }

    @Test
    void assignments_emptyAndMissingLookups() throws Exception {
        assertThat(EntitlementAssignments.empty().entitledPlan("SAPCloudALMAPIs", "standard")).isEmpty();
        assertThat(EntitlementAssignments.empty().assignment("SAPCloudALMAPIs", "standard", GUID)).isEmpty();
        EntitlementAssignments a = Json.mapper().readValue(Contract.text("entitlement-assignments.json"), EntitlementAssignments.class);
        assertThat(a.entitledPlan("SAPCloudALMAPIs", "premium")).isEmpty();
        assertThat(a.entitledPlan("Other", "standard")).isEmpty();
        assertThat(a.assignment("SAPCloudALMAPIs", "standard", GUID.toUpperCase())).isPresent();
        assertThat(a.assignment("SAPCloudALMAPIs", "standard", "other")).isEmpty();
    }

    @Test
    void lookups_searchEveryEntryOfTheServiceAndIgnoreTheGuidsCase() throws Exception {
        EntitlementAssignments a = Json.mapper().readValue("{\"entitledServices\":["
                + "{\"name\":\"S\",\"servicePlans\":[{\"name\":\"other\"}]},"
                + "{\"name\":\"S\",\"servicePlans\":[{\"name\":\"standard\",\"remainingAmount\":2}]}],"
                + "\"assignedServices\":[{\"name\":\"S\",\"servicePlans\":[{\"name\":\"other\",\"assignmentInfo\":[]}]},"
                + "{\"name\":\"S\",\"servicePlans\":[{\"name\":\"standard\",\"assignmentInfo\":[{\"entityId\":\""
                + GUID.toUpperCase() + "\",\"entityState\":\"OK\"}]}]}]}", EntitlementAssignments.class);
        assertThat(a.entitledPlan("S", "standard").flatMap(EntitledServicePlan::remainingAmount)).contains(2.0);
        assertThat(a.assignment("S", "standard", GUID).flatMap(AssignmentInfo::entityState)).contains(EntityState.OK);
        assertThat(a.assignment("S", "other", GUID)).isEmpty();
    }

    @Test
    void hasRemainingQuota_variants() {
        EntitledServicePlan.Builder b = EntitledServicePlan.builder().name("standard");
        assertThat(b.build().hasRemainingQuota()).isTrue();
        assertThat(EntitledServicePlan.builder().name("p").remainingAmount(0.0).build().hasRemainingQuota()).isFalse();
        assertThat(EntitledServicePlan.builder().name("p").remainingAmount(0.0).unlimited(true).build().hasRemainingQuota()).isTrue();
        assertThat(EntitledServicePlan.builder().name("p").remainingAmount(0.0).category(PlanCategory.APPLICATION)
                .build().hasRemainingQuota()).isTrue();
        assertThat(EntitledServicePlan.builder().name("p").remainingAmount(3.0).build().hasRemainingQuota()).isTrue();
    }

    @Test
    void assignmentInfo_tolerantStatesAndNumbers() throws Exception {
        AssignmentInfo info = Json.mapper().readValue("{\"entityId\":\"g\",\"amount\":\"2\",\"requestedAmount\":1.5,"
                + "\"entityState\":\"processing_failed\",\"stateMessage\":\"quota exceeded\",\"autoAssigned\":\"true\"}",
                AssignmentInfo.class);
        assertThat(info.entityState()).contains(EntityState.PROCESSING_FAILED);
        assertThat(info.amount()).contains(2.0);
        assertThat(info.requestedAmount()).contains(1.5);
        assertThat(info.autoAssigned()).contains(true);
        assertThat(Json.mapper().writeValueAsString(info)).contains("\"requestedAmount\":1.5", "\"amount\":2,");
    }
}
