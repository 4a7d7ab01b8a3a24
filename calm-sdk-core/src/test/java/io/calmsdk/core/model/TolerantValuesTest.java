package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TolerantValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"in progress", "IN PROGRESS", "In Progress", "in_progress", "IN-PROGRESS", " in progress "})
    void operationStateOf_spellingsOfInProgress_mapToConstant(String value) {
        assertThat(OperationState.fromString(value)).isSameAs(OperationState.IN_PROGRESS);
    }

    @Test
    void operationStateOf_knownAndUnknown() {
        assertThat(OperationState.fromString("Succeeded")).isSameAs(OperationState.SUCCEEDED);
        assertThat(OperationState.fromString("FAILED")).isSameAs(OperationState.FAILED);
        assertThat(OperationState.fromString("pending")).isSameAs(OperationState.PENDING);
        OperationState unknown = OperationState.fromString("Rescheduled");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.value()).isEqualTo("Rescheduled");
        assertThat(unknown.isTerminal()).isFalse();
        assertThat(unknown).isEqualTo(OperationState.fromString("Rescheduled")).hasSameHashCodeAs(OperationState.fromString("Rescheduled"))
                .hasToString("Rescheduled");
        assertThat(OperationState.SUCCEEDED.isTerminal()).isTrue();
        assertThat(OperationState.PENDING.isTerminal()).isFalse();
        assertThat(OperationState.SUCCEEDED.isKnown()).isTrue();
    }

    @Test
    void operationTypeOf_caseVaries() {
        assertThat(OperationType.fromString("CREATE")).isSameAs(OperationType.CREATE);
        assertThat(OperationType.fromString("Update")).isSameAs(OperationType.UPDATE);
        assertThat(OperationType.fromString("delete")).isSameAs(OperationType.DELETE);
        assertThat(OperationType.fromString("rotate").isKnown()).isFalse();
        assertThat(OperationType.fromString("rotate")).isEqualTo(OperationType.fromString("rotate")).hasToString("rotate")
                .hasSameHashCodeAs(OperationType.fromString("rotate"));
        assertThat(OperationType.CREATE.isKnown()).isTrue();
    }

    @Test
    void entityStateOf_knownAndUnknown() {
        assertThat(EntityState.fromString("ok")).isSameAs(EntityState.OK);
        assertThat(EntityState.OK.isOk()).isTrue();
        assertThat(EntityState.fromString("processing_failed").isFailed()).isTrue();
        assertThat(EntityState.fromString("STARTED").isPending()).isTrue();
        assertThat(EntityState.fromString("PROCESSING").isPending()).isTrue();
        EntityState unknown = EntityState.fromString("QUEUED");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.isPending()).isTrue();
        assertThat(unknown).isEqualTo(EntityState.fromString("QUEUED")).hasToString("QUEUED").hasSameHashCodeAs(EntityState.fromString("QUEUED"));
        assertThat(EntityState.OK.isKnown()).isTrue();
    }

    @Test
    void planCategory_assignmentMode() {
        assertThat(PlanCategory.fromString("service").assignmentMode()).contains(PlanCategory.AssignmentMode.AMOUNT);
        assertThat(PlanCategory.fromString("QUOTA_BASED_APPLICATION").assignmentMode()).contains(PlanCategory.AssignmentMode.AMOUNT);
        assertThat(PlanCategory.fromString("ELASTIC_SERVICE").assignmentMode()).contains(PlanCategory.AssignmentMode.ENABLE);
        assertThat(PlanCategory.fromString("ELASTIC_LIMITED").assignmentMode()).contains(PlanCategory.AssignmentMode.ENABLE);
        assertThat(PlanCategory.fromString("APPLICATION").assignmentMode()).contains(PlanCategory.AssignmentMode.ENABLE);
        PlanCategory unknown = PlanCategory.fromString("SPACE");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.assignmentMode()).isEmpty();
        assertThat(unknown).isEqualTo(PlanCategory.fromString("SPACE")).hasToString("SPACE").hasSameHashCodeAs(PlanCategory.fromString("SPACE"));
        assertThat(PlanCategory.SERVICE.isKnown()).isTrue();
    }

    @Test
    void credentialType_knownAndUnknown() {
        assertThat(CredentialType.fromString("X509")).isSameAs(CredentialType.X509);
        assertThat(CredentialType.fromString("binding-secret")).isSameAs(CredentialType.BINDING_SECRET);
        assertThat(CredentialType.fromString("instance-secret")).isSameAs(CredentialType.INSTANCE_SECRET);
        assertThat(CredentialType.fromString("other").isKnown()).isFalse();
        assertThat(CredentialType.fromString("other")).isEqualTo(CredentialType.fromString("other")).hasToString("other")
                .hasSameHashCodeAs(CredentialType.fromString("other"));
        assertThat(CredentialType.X509.isKnown()).isTrue();
    }

    @Test
    void values_listTheConstantsInOrder() {
        assertThat(OperationState.values()).containsExactly(OperationState.IN_PROGRESS, OperationState.PENDING,
                OperationState.SUCCEEDED, OperationState.FAILED);
        assertThat(OperationType.values()).containsExactly(OperationType.CREATE, OperationType.UPDATE, OperationType.DELETE);
        assertThat(EntityState.values()).containsExactly(EntityState.OK, EntityState.STARTED, EntityState.PROCESSING,
                EntityState.PROCESSING_FAILED);
        assertThat(PlanCategory.values()).hasSize(5).allMatch(c -> c.assignmentMode().isPresent());
        assertThat(CredentialType.values()).containsExactly(CredentialType.BINDING_SECRET, CredentialType.X509,
                CredentialType.INSTANCE_SECRET);
        assertThat(OperationState.values()).allMatch(OpenEnum::isKnown);
        assertThat(OperationState.fromString("rescheduled")).isNotIn(OperationState.values());
    }

    @Test
    void equals_sameTextOfAnotherType_isNotEqual() {
        assertThat(OperationType.fromString("sync")).isNotEqualTo(OperationState.fromString("sync"));
        assertThat(OperationType.CREATE).isNotEqualTo("create").isNotEqualTo(null);
        assertThat(OperationType.fromString("create").value()).isEqualTo("create");
        assertThatThrownBy(() -> OperationType.fromString(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void tolerantValues_jsonAsPlainStrings() throws Exception {
        assertThat(Json.mapper().writeValueAsString(OperationState.IN_PROGRESS)).isEqualTo("\"in progress\"");
        assertThat(Json.mapper().readValue("\"IN_PROGRESS\"", OperationState.class)).isSameAs(OperationState.IN_PROGRESS);
        assertThat(Json.mapper().readValue("\"weird\"", EntityState.class).value()).isEqualTo("weird");
        assertThat(Json.mapper().readValue("\"ELASTIC_SERVICE\"", PlanCategory.class)).isSameAs(PlanCategory.ELASTIC_SERVICE);
        assertThat(Json.mapper().readValue("\"Delete\"", OperationType.class)).isSameAs(OperationType.DELETE);
        assertThat(Json.mapper().writeValueAsString(java.util.List.of(CredentialType.X509, CredentialType.fromString("new"))))
                .isEqualTo("[\"x509\",\"new\"]");
    }
}
