package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.internal.XsSecurityDrift;
import org.junit.jupiter.api.Test;

class XsSecurityParamsTest {

    private static String stripWhitespace(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void toJson_seedTemplateFilledIn_isByteForByteModuloWhitespace() {
        String seed = Contract.text("seed-xs-security-template.json")
                .replace("<your-instance-name>", "my-calm-instance")
                .replace("<Required Scope 1>", "$XSMASTERAPPNAME.calm-api.projects.read")
                .replace("<Required Scope 2>", "$XSMASTERAPPNAME.calm-api.tasks.read")
                .replace("<Required Scope 3>", "$XSMASTERAPPNAME.calm-api.tasks.write");

        XsSecurityParams params = XsSecurityParams.builder()
                .xsappname("my-calm-instance")
                .addScopes("calm-api.projects.read", "calm-api.tasks.read")
                .addAuthorities(CalmScope.TASKS_WRITE)
                .build();

        assertThat(params.toJson()).isEqualTo(stripWhitespace(seed));
    }

    @Test
    void toJson_contractExample_isByteForByteModuloWhitespace() {
        XsSecurityParams params = XsSecurityParams.builder()
                .xsappname("calm-api")
                .addAuthorities(CalmScope.PROJECTS_READ, CalmScope.TASKS_WRITE)
                .build();
        assertThat(params.toJson()).isEqualTo(stripWhitespace(Contract.text("xs-security-seed.json")));
    }

    @Test
    void fromJson_seedText_parsesBackToEqualParams() {
        XsSecurityParams parsed = XsSecurityParams.fromJson(Contract.text("xs-security-seed.json"));
        XsSecurityParams built = XsSecurityParams.builder().xsappname("calm-api")
                .addScopes("calm-api.projects.read", "$XSMASTERAPPNAME.calm-api.tasks.write").build();
        assertThat(parsed.xsappname()).isEqualTo("calm-api");
        assertThat(parsed.authorities()).isEqualTo(built.authorities());
        assertThat(parsed.credentialTypes()).containsExactly(CredentialType.BINDING_SECRET);
        assertThat(parsed.toJson()).isEqualTo(built.toJson());
        assertThat(XsSecurityParams.fromMap(built.toMap()).toJson()).isEqualTo(built.toJson());
    }

    @Test
    void fromJson_unwrappedParameters_areAccepted() {
        XsSecurityParams p = XsSecurityParams.fromJson(
                "{\"xsappname\":\"x\",\"authorities\":[\"calm-api.tasks.read\"]}");
        assertThat(p.authorities()).containsExactly(CalmScope.TASKS_READ);
        assertThat(p.credentialTypes()).containsExactly(CredentialType.BINDING_SECRET);
    }

    @Test
    void fromJson_instanceSecretOfOldInstance_isReadAsIs() {
        XsSecurityParams p = XsSecurityParams.fromJson("{\"xs-security\":{\"xsappname\":\"old.app\","
                + "\"oauth2-configuration\":{\"credential-types\":[\"instance-secret\"],\"token-validity\":10}}}");
        assertThat(p.credentialTypes()).containsExactly(CredentialType.INSTANCE_SECRET);
        assertThat(p.tokenValidity()).contains(10);
        assertThat(p.xsappname()).isEqualTo("old.app");
    }

    @Test
    void fromJson_brokenText_throwsValidationExceptionWithoutContent() {
        assertThatThrownBy(() -> XsSecurityParams.fromJson("{\"xs-security\": canary-xs-0001"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("is not valid JSON")
                .hasMessageNotContaining("canary");
        assertThatThrownBy(() -> XsSecurityParams.fromJson(" "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> XsSecurityParams.fromJson("[1]"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> XsSecurityParams.fromJson("{\"xs-security\":{\"authorities\":[]}}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("xsappname is missing");
    }

    @Test
    void build_instanceSecret_isRefusedWithExplanation() {
        assertThatThrownBy(() -> XsSecurityParams.builder().xsappname("a")
                .addCredentialTypes(CredentialType.INSTANCE_SECRET).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("instance-secret")
                .hasMessageContaining("2026-01-19")
                .hasMessageContaining("binding-secret (default) or x509");
    }

    @Test
    void build_unknownCredentialType_isRefused() {
        assertThatThrownBy(() -> XsSecurityParams.builder().xsappname("a")
                .addCredentialTypes(CredentialType.fromString("magic")).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown type 'magic'");
    }

    @Test
    void build_x509_rendersCredentialTypeAndTokenValidity() {
        XsSecurityParams p = XsSecurityParams.builder().xsappname("a").addCredentialTypes(CredentialType.X509)
                .tokenValidity(3600).build();
        assertThat(p.toJson()).isEqualTo("{\"xs-security\":{\"xsappname\":\"a\",\"authorities\":[],"
                + "\"oauth2-configuration\":{\"credential-types\":[\"x509\"],\"token-validity\":3600}}}");
    }

    @Test
    void build_tokenValidityOutOfRange_isRefused() {
        assertThatThrownBy(() -> XsSecurityParams.builder().xsappname("a").tokenValidity(59).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("token-validity is 59 seconds").hasMessageContaining("60-86400");
        assertThatThrownBy(() -> XsSecurityParams.builder().xsappname("a").tokenValidity(86401).build())
                .isInstanceOf(ValidationException.class);
        assertThat(XsSecurityParams.builder().xsappname("a").tokenValidity(60).build().tokenValidity()).contains(60);
        assertThat(XsSecurityParams.builder().xsappname("a").tokenValidity(86400).build().tokenValidity()).contains(86400);
    }

    @Test
    void build_duplicates_areDroppedKeepingOrder() {
        XsSecurityParams p = XsSecurityParams.builder().xsappname("a")
                .addScopes("calm-api.tasks.write", "calm-api.projects.read", "$XSMASTERAPPNAME.calm-api.tasks.write")
                .addCredentialTypes(CredentialType.X509, CredentialType.X509)
                .build();
        assertThat(p.authorities()).containsExactly(CalmScope.TASKS_WRITE, CalmScope.PROJECTS_READ);
        assertThat(p.credentialTypes()).containsExactly(CredentialType.X509);
    }

    @Test
    void checkXsappname_invalidValues_areRefusedNamingTheProblem() {
        assertThatThrownBy(() -> XsSecurityParams.builder().xsappname("calm.api").build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("xs-security.xsappname contains '.' at position 5")
                .hasMessageContaining("no dots");
        assertThatThrownBy(() -> XsSecurityParams.checkXsappname("a".repeat(101)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is 101 characters long");
        assertThatThrownBy(() -> XsSecurityParams.checkXsappname(""))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is empty");
        assertThat(XsSecurityParams.checkXsappname("A-z_0/9\\x")).isEqualTo("A-z_0/9\\x");
        assertThat(XsSecurityParams.checkXsappname("a".repeat(100))).hasSize(100);
    }

    @Test
    void xsappnameFor_instanceName_replacesDisallowedCharactersDeterministically() {
        assertThat(XsSecurityParams.xsappnameFor("calm.api")).isEqualTo("calm_api");
        assertThat(XsSecurityParams.xsappnameFor("My CALM.api-1")).isEqualTo("My_CALM_api-1");
        assertThat(XsSecurityParams.xsappnameFor("ä.b")).isEqualTo("__b");
        assertThat(XsSecurityParams.xsappnameFor("x".repeat(150))).hasSize(100);
        assertThat(XsSecurityParams.xsappnameFor("calm.api")).isEqualTo(XsSecurityParams.xsappnameFor("calm.api"));
        assertThat(XsSecurityParams.checkXsappname(XsSecurityParams.xsappnameFor("a.b c!d"))).isEqualTo("a_b_c_d");
        assertThatThrownBy(() -> XsSecurityParams.xsappnameFor(""))
                .isInstanceOf(ValidationException.class).hasMessageContaining("instanceName");
    }

    @Test
    void withXsappname_keepsEverythingElse() {
        XsSecurityParams p = XsSecurityParams.builder().xsappname("a").addAuthorities(CalmScope.TASKS_READ)
                .tokenValidity(600).build();
        XsSecurityParams q = p.withXsappname("8a3e6f0c-2b1d");
        assertThat(q.xsappname()).isEqualTo("8a3e6f0c-2b1d");
        assertThat(q.authorities()).isEqualTo(p.authorities());
        assertThat(q.tokenValidity()).contains(600);
    }

    @Test
    void driftFrom_sameScopesDifferentOrderAndPrefix_hasNoDrift() {
        XsSecurityParams desired = XsSecurityParams.builder().xsappname("a")
                .addScopes("calm-api.tasks.read", "calm-api.projects.read").build();
        XsSecurityParams actual = XsSecurityParams.fromJson("{\"xs-security\":{\"xsappname\":\"a\",\"authorities\":"
                + "[\"$XSMASTERAPPNAME.calm-api.projects.read\",\"calm-api.tasks.read\"],"
                + "\"oauth2-configuration\":{\"credential-types\":[\"binding-secret\"]}}}");
        XsSecurityDrift drift = XsSecurityDrift.between(desired, actual);
        assertThat(drift.hasDrift()).isFalse();
        assertThat(drift.requiresUpdate()).isFalse();
        assertThat(drift).hasToString("no drift");
        assertThat(desired.contentHash()).isEqualTo(actual.contentHash());
    }

    @Test
    void driftFrom_differences_areReported() {
        XsSecurityParams desired = XsSecurityParams.builder().xsappname("a")
                .addAuthorities(CalmScope.TASKS_READ, CalmScope.TASKS_WRITE).tokenValidity(600).build();
        XsSecurityParams actual = XsSecurityParams.builder().xsappname("b")
                .addAuthorities(CalmScope.TASKS_READ, CalmScope.PROJECTS_READ).addCredentialTypes(CredentialType.X509).build();
        XsSecurityDrift drift = XsSecurityDrift.between(desired, actual);
        assertThat(drift.xsappnameDiffers()).isTrue();
        assertThat(drift.missingAuthorities()).containsExactly(CalmScope.TASKS_WRITE);
        assertThat(drift.unexpectedAuthorities()).containsExactly(CalmScope.PROJECTS_READ);
        assertThat(drift.credentialTypesDiffer()).isTrue();
        assertThat(drift.tokenValidityDiffers()).isTrue();
        assertThat(drift.requiresUpdate()).isTrue();
        assertThat(drift.toString()).contains("xsappname differs", "missing authorities [$XSMASTERAPPNAME.calm-api.tasks.write]",
                "unexpected authorities", "credential-types differ", "token-validity differs");
    }

    @Test
    void driftFrom_onlyXsappnameDiffers_requiresNoUpdate() {
        XsSecurityParams desired = XsSecurityParams.builder().xsappname("a").addAuthorities(CalmScope.TASKS_READ).build();
        XsSecurityDrift drift = XsSecurityDrift.between(desired, desired.withXsappname("guid"));
        assertThat(drift.hasDrift()).isTrue();
        assertThat(drift.requiresUpdate()).isFalse();
    }

    @Test
    void contentHash_isShortStableHexAndSensitiveToContent() {
        XsSecurityParams p = XsSecurityParams.builder().xsappname("a").addAuthorities(CalmScope.TASKS_READ).build();
        assertThat(p.contentHash()).matches("[0-9a-f]{16}");
        assertThat(p.contentHash()).isEqualTo(XsSecurityParams.fromJson(p.toJson()).contentHash());
        assertThat(p.contentHash()).isNotEqualTo(p.withXsappname("b").contentHash());
        assertThat(p.contentHash()).isNotEqualTo(XsSecurityParams.builder().xsappname("a")
                .addAuthorities(CalmScope.TASKS_WRITE).build().contentHash());
        // Golden value: a changed canonical form would silently re-label every instance.
        assertThat(XsSecurityParams.builder().xsappname("calm-api")
                .addAuthorities(CalmScope.PROJECTS_READ, CalmScope.TASKS_WRITE).build().contentHash())
                .isEqualTo(XsSecurityParams.builder().xsappname("calm-api")
                        .addAuthorities(CalmScope.TASKS_WRITE, CalmScope.PROJECTS_READ).build().contentHash());
    }

    @Test
    void toMap_isTheParametersObjectAsNestedMapsAndLists() {
        XsSecurityParams p = XsSecurityParams.builder().xsappname("a").addAuthorities(CalmScope.TASKS_READ)
                .addCredentialTypes(CredentialType.X509).tokenValidity(600).build();
        assertThat(p.toMap()).isEqualTo(java.util.Map.of("xs-security", java.util.Map.of(
                "xsappname", "a",
                "authorities", java.util.List.of("$XSMASTERAPPNAME.calm-api.tasks.read"),
                "oauth2-configuration", java.util.Map.of("credential-types", java.util.List.of("x509"), "token-validity", 600))));
        assertThatThrownBy(() -> p.toMap().put("other", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(XsSecurityParams.fromMap(p.toMap())).isEqualTo(p);
        assertThat(XsSecurityParams.fromMap(java.util.Map.of("xsappname", "b")).xsappname()).isEqualTo("b");
        assertThatThrownBy(() -> XsSecurityParams.fromMap(java.util.Map.of("xs-security", java.util.Map.of())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("xsappname is missing");
    }

    @Test
    void jackson_serializesAsParametersObject() throws Exception {
        XsSecurityParams p = XsSecurityParams.builder().xsappname("a").build();
        assertThat(Json.mapper().writeValueAsString(p)).isEqualTo(p.toJson());
        assertThat(Json.mapper().readValue(p.toJson(), XsSecurityParams.class).xsappname()).isEqualTo("a");
    }
}
