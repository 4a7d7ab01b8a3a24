package io.calmsdk.core.exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForbiddenExceptionTest {

    private static final ServiceFailure FAILURE = ServiceFailure.builder().status(403).method("POST")
            .url("https://t.eu10.alm.cloud.sap/api/calm-tasks/v1/tasks").correlationId("c-403").build();

    @Test
    void plain_noScopeKnown_explainsTheLikelyCause() {
        ForbiddenException e = new ForbiddenException(FAILURE);

        assertThat(e.getMessage()).isEqualTo(FAILURE.describe() + ": the credentials lack an authority for this call:"
                + " add the needed scope to the instance's authorities and create a new token");
        assertThat(e.requiredScope()).isEmpty();
        assertThat(e.grantedScopes()).isEmpty();
    }

    @Test
    void scopeVariant_namesRequiredAndGrantedScopesAndTheFix() {
        ForbiddenException e = new ForbiddenException(FAILURE, io.calmsdk.core.model.CalmScope.of("calm-api.tasks.write"),
                List.of("calm-api.projects.read", "calm-api.tasks.read"));

        assertThat(e.getMessage())
                .startsWith(FAILURE.describe())
                .contains("the call needs scope calm-api.tasks.write")
                .contains("but the token has calm-api.projects.read, calm-api.tasks.read")
                .contains("add calm-api.tasks.write to the instance's authorities")
                .contains("ensureBinding")
                .endsWith("and fetch a new token");
        assertThat(e.requiredScope().map(io.calmsdk.core.model.CalmScope::name)).contains("calm-api.tasks.write");
        assertThat(e.grantedScopes()).containsExactly("calm-api.projects.read", "calm-api.tasks.read");
        assertThat(e.status()).isEqualTo(403);
    }

    @Test
    void scopeVariant_noGrantedScopes_saysNoScopes() {
        ForbiddenException e = new ForbiddenException(FAILURE, io.calmsdk.core.model.CalmScope.of("calm-api.projects.read"), List.of());

        assertThat(e.getMessage()).contains("but the token has no scopes:");
    }

    @Test
    void scopeVariant_grantedScopesList_isCopiedAndUnmodifiable() {
        List<String> granted = new ArrayList<>(List.of("calm-api.projects.read"));
        ForbiddenException e = new ForbiddenException(FAILURE, io.calmsdk.core.model.CalmScope.of("calm-api.tasks.write"), granted);
        granted.add("calm-api.tasks.write");

        assertThat(e.grantedScopes()).containsExactly("calm-api.projects.read");
        assertThatThrownBy(() -> e.grantedScopes().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
