package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalmScopeTest {

    @Test
    void of_shortKnownName_isTheConstantWithPrefix() {
        CalmScope scope = CalmScope.of("calm-api.tasks.read");
        assertThat(scope).isSameAs(CalmScope.TASKS_READ);
        assertThat(scope.qualifiedName()).isEqualTo("$XSMASTERAPPNAME.calm-api.tasks.read");
        assertThat(scope.name()).isEqualTo("calm-api.tasks.read");
        assertThat(scope.isKnown()).isTrue();
        assertThat(scope.isVerified()).isTrue();
    }

    @Test
    void of_prefixedName_isKeptAndEqualToShort() {
        assertThat(CalmScope.of("$XSMASTERAPPNAME.calm-api.tasks.read")).isEqualTo(CalmScope.of("calm-api.tasks.read"));
        assertThat(CalmScope.of("$XSAPPNAME.own.scope").qualifiedName()).isEqualTo("$XSAPPNAME.own.scope");
        assertThat(CalmScope.of("$XSAPPNAME.own.scope")).isNotEqualTo(CalmScope.of("own.scope"));
    }

    @Test
    void of_unknownWellFormedScope_isAccepted() {
        CalmScope scope = CalmScope.of("calm-api.foo.read");
        assertThat(scope.isKnown()).isFalse();
        assertThat(scope.qualifiedName()).isEqualTo("$XSMASTERAPPNAME.calm-api.foo.read");
        assertThat(CalmScope.of("a/b\\c:d_e-f.g")).isNotNull();
        assertThat(scope).hasToString("$XSMASTERAPPNAME.calm-api.foo.read");
        assertThat(scope.hashCode()).isEqualTo(CalmScope.of("calm-api.foo.read").hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "calm api.read", "calm-api..read", ".calm", "calm.", "calm-api.tasks.read!",
        "$XSMASTERAPPNAME.", "ä", "calm-api.tasks.read\n"})
    void of_malformedScope_throwsValidationException(String scope) {
        assertThatThrownBy(() -> CalmScope.of(scope))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("authorities")
                .hasMessageContaining("A-Z a-z 0-9 - _ / \\ :");
    }

    @Test
    void of_null_throwsValidationException() {
        assertThatThrownBy(() -> CalmScope.of(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void known_listsCatalogueIncludingUiAndUnverifiedScopes() {
        assertThat(CalmScope.known()).contains(CalmScope.PROJECTS_READ, CalmScope.OPS_IM_CONFIGURE_UI,
                CalmScope.TESTCASES_FORCE_DELETE, CalmScope.PROCESSHIERARCHY_READ);
        assertThat(CalmScope.known()).hasSize(37);
        assertThat(CalmScope.FEATURES_READ.isVerified()).isTrue();
        assertThat(CalmScope.TESTCASES_WRITE.isVerified()).isFalse();
        assertThat(CalmScope.IMP_CDM_FEATURE_DISPLAY_UI.qualifiedName()).isEqualTo("$XSMASTERAPPNAME.imp-cdm-feature-display-ui");
    }

    @Test
    void matchesTokenScope_comparesSuffixAfterAppName() {
        assertThat(CalmScope.PROJECTS_READ.matchesTokenScope("calm-api!b123.calm-api.projects.read")).isTrue();
        assertThat(CalmScope.PROJECTS_READ.matchesTokenScope("calm-api.projects.read")).isTrue();
        assertThat(CalmScope.PROJECTS_READ.matchesTokenScope("x.calm-api.projects.write")).isFalse();
        assertThat(CalmScope.PROJECTS_READ.matchesTokenScope(null)).isFalse();
        assertThat(CalmScope.PROJECTS_READ.matchesTokenScope("uaa.resource")).isFalse();
    }

    @Test
    void custom_unknownName_isDeclaredCustomAndKnownNameIsTheConstant() {
        CalmScope custom = CalmScope.custom("calm-api.newapi.read");

        assertThat(custom.isCustom()).isTrue();
        assertThat(custom.isKnown()).isFalse();
        assertThat(custom).isEqualTo(CalmScope.of("calm-api.newapi.read"));
        assertThat(CalmScope.of("calm-api.newapi.read").isCustom()).isFalse();
        assertThat(CalmScope.custom("calm-api.tasks.read")).isSameAs(CalmScope.TASKS_READ);
        assertThatThrownBy(() -> CalmScope.custom("bad scope")).isInstanceOf(ValidationException.class);
    }

    @Test
    void closestKnown_typos_findTheIntendedScopeFirst() {
        assertThat(CalmScope.closestKnown("calm-api.project.read")).first().isEqualTo(CalmScope.PROJECTS_READ);
        assertThat(CalmScope.closestKnown("project.read")).first().isEqualTo(CalmScope.PROJECTS_READ);
        assertThat(CalmScope.closestKnown("$XSMASTERAPPNAME.calm-api.taks.write")).first().isEqualTo(CalmScope.TASKS_WRITE);
        assertThat(CalmScope.closestKnown("calm-api.tasks.wirte")).first().isEqualTo(CalmScope.TASKS_WRITE);
        assertThat(CalmScope.closestKnown("foo")).hasSize(3);
        assertThat(CalmScope.closestKnown("x".repeat(10_000_000))).hasSize(3);
        assertThat(CalmScope.closestKnown(null)).hasSize(3);
    }
}
