package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TolerantValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"in progress", "IN PROGRESS", "In Progress", "in_progress", "IN-PROGRESS", " in progress "})
    void operationStateOf_spellingsOfInProgress_mapToConstant(String value) {
        assertThat(OperationState.of(value)).isSameAs(OperationState.IN_PROGRESS);
    }

    @Test
    void operationStateOf_knownAndUnknown() {
        assertThat(OperationState.of("Succeeded")).isSameAs(OperationState.SUCCEEDED);
        assertThat(OperationState.of("FAILED")).isSameAs(OperationState.FAILED);
        assertThat(OperationState.of("pending")).isSameAs(OperationState.PENDING);
        OperationState unknown = OperationState.of("Rescheduled");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.value()).isEqualTo("Rescheduled");
        assertThat(unknown.isTerminal()).isFalse();
        assertThat(unknown).isEqualTo(OperationState.of("Rescheduled")).hasSameHashCodeAs(OperationState.of("Rescheduled"))
                .hasToString("Rescheduled");
        assertThat(OperationState.SUCCEEDED.isTerminal()).isTrue();
        assertThat(OperationState.PENDING.isTerminal()).isFalse();
        assertThat(OperationState.SUCCEEDED.isKnown()).isTrue();
    }

    @Test
    void operationTypeOf_caseVaries() {
        assertThat(OperationType.of("CREATE")).isSameAs(OperationType.CREATE);
        assertThat(OperationType.of("Update")).isSameAs(OperationType.UPDATE);
        assertThat(OperationType.of("delete")).isSameAs(OperationType.DELETE);
        assertThat(OperationType.of("rotate").isKnown()).isFalse();
        assertThat(OperationType.of("rotate")).isEqualTo(OperationType.of("rotate")).hasToString("rotate")
                .hasSameHashCodeAs(OperationType.of("rotate"));
        assertThat(OperationType.CREATE.isKnown()).isTrue();
    }

    @Test
    void entityStateOf_knownAndUnknown() {
        assertThat(EntityState.of("ok")).isSameAs(EntityState.OK);
        assertThat(EntityState.OK.isOk()).isTrue();
        assertThat(EntityState.of("processing_failed").isFailed()).isTrue();
        assertThat(EntityState.of("STARTED").isPending()).isTrue();
        assertThat(EntityState.of("PROCESSING").isPending()).isTrue();
        EntityState unknown = EntityState.of("QUEUED");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.isPending()).isTrue();
        assertThat(unknown).isEqualTo(EntityState.of("QUEUED")).hasToString("QUEUED").hasSameHashCodeAs(EntityState.of("QUEUED"));
        assertThat(EntityState.OK.isKnown()).isTrue();
    }

    @Test
    void planCategory_assignmentMode() {
        assertThat(PlanCategory.of("service").assignmentMode()).contains(AssignmentMode.AMOUNT);
        assertThat(PlanCategory.of("QUOTA_BASED_APPLICATION").assignmentMode()).contains(AssignmentMode.AMOUNT);
        assertThat(PlanCategory.of("ELASTIC_SERVICE").assignmentMode()).contains(AssignmentMode.ENABLE);
        assertThat(PlanCategory.of("ELASTIC_LIMITED").assignmentMode()).contains(AssignmentMode.ENABLE);
        assertThat(PlanCategory.of("APPLICATION").assignmentMode()).contains(AssignmentMode.ENABLE);
        PlanCategory unknown = PlanCategory.of("SPACE");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.assignmentMode()).isEmpty();
        assertThat(unknown).isEqualTo(PlanCategory.of("SPACE")).hasToString("SPACE").hasSameHashCodeAs(PlanCategory.of("SPACE"));
        assertThat(PlanCategory.SERVICE.isKnown()).isTrue();
    }

    @Test
    void credentialType_knownAndUnknown() {
        assertThat(CredentialType.of("X509")).isSameAs(CredentialType.X509);
        assertThat(CredentialType.of("binding-secret")).isSameAs(CredentialType.BINDING_SECRET);
        assertThat(CredentialType.of("instance-secret")).isSameAs(CredentialType.INSTANCE_SECRET);
        assertThat(CredentialType.of("other").isKnown()).isFalse();
        assertThat(CredentialType.of("other")).isEqualTo(CredentialType.of("other")).hasToString("other")
                .hasSameHashCodeAs(CredentialType.of("other"));
        assertThat(CredentialType.X509.isKnown()).isTrue();
    }

    @Test
    void tolerantValues_jsonAsPlainStrings() throws Exception {
        assertThat(Json.mapper().writeValueAsString(OperationState.IN_PROGRESS)).isEqualTo("\"in progress\"");
        assertThat(Json.mapper().readValue("\"IN_PROGRESS\"", OperationState.class)).isSameAs(OperationState.IN_PROGRESS);
        assertThat(Json.mapper().readValue("\"weird\"", EntityState.class).value()).isEqualTo("weird");
        assertThat(Json.mapper().readValue("\"ELASTIC_SERVICE\"", PlanCategory.class)).isSameAs(PlanCategory.ELASTIC_SERVICE);
        assertThat(Json.mapper().readValue("\"Delete\"", OperationType.class)).isSameAs(OperationType.DELETE);
    }
}
