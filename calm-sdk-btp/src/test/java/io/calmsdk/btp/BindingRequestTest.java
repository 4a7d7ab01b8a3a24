package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CredentialType;
import io.calmsdk.core.model.Labels;
import io.calmsdk.core.model.XsSecurityParams;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingRequestTest {

    private static final String SUB = "0f2c7d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";

    private static BindingRequest.Builder valid() {
        return BindingRequest.builder().subaccountId(SUB).instanceName("calm.api").bindingName("calm-key")
                .scopes(CalmScope.PROJECTS_READ);
    }

    @Test
    void build_minimalRequest_derivesXsappnameAndDefaults() {
        BindingRequest r = valid().build();

        assertThat(r.xsSecurity().xsappname()).isEqualTo("calm_api");
        assertThat(r.xsappnameGiven()).isFalse();
        assertThat(r.xsSecurity().credentialTypes()).containsExactly(CredentialType.BINDING_SECRET);
        assertThat(r.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(r.skipEntitlement()).isFalse();
        assertThat(r.verify()).isFalse();
        assertThat(r.bindingParameters()).isEmpty();
        assertThat(r.labels().isEmpty()).isTrue();
    }

    @Test
    void build_explicitXsappnameAndOptions_keepsThem() {
        BindingRequest r = valid().xsappname("my-app").scopes("calm-api.tasks.write").tokenValidity(3600)
                .credentialType(CredentialType.X509).x509Binding(2048, 7).labels(Labels.of("team", "alm"))
                .timeout(Duration.ofMinutes(3)).skipEntitlement(true).verify(true).build();

        assertThat(r.xsSecurity().xsappname()).isEqualTo("my-app");
        assertThat(r.xsappnameGiven()).isTrue();
        assertThat(r.xsSecurity().authorities()).containsExactly(CalmScope.PROJECTS_READ, CalmScope.TASKS_WRITE);
        assertThat(r.xsSecurity().tokenValidity()).contains(3600);
        assertThat(r.bindingParameters()).containsEntry("credential-type", "x509");
        assertThat(r.toBuilder().build().toString()).isEqualTo(r.toString());
        assertThat(r.toString()).contains("calm.api", "calm-key", "my-app", "skipEntitlement", "verify");
    }

    @Test
    void build_fullXsSecurity_isUsedAsGiven() {
        XsSecurityParams xs = XsSecurityParams.builder().xsappname("given").addAuthorities(CalmScope.TASKS_READ).build();

        BindingRequest r = BindingRequest.builder().subaccountId(SUB).instanceName("calm-api").bindingName("k")
                .xsSecurity(xs).build();

        assertThat(r.xsSecurity()).isEqualTo(xs);
        assertThat(r.xsappnameGiven()).isTrue();
    }

    @Test
    void build_subaccountNotAGuid_failsNamingTheField() {
        assertThatThrownBy(() -> valid().subaccountId("my-subaccount").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("subaccountId is not a GUID");
        assertThatThrownBy(() -> valid().subaccountId(null).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("subaccountId is missing");
    }

    @Test
    void build_badNames_failNamingTheField() {
        assertThatThrownBy(() -> valid().instanceName("has space").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("instanceName");
        assertThatThrownBy(() -> valid().instanceName("x".repeat(33)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("instanceName");
        assertThatThrownBy(() -> valid().bindingName("ABC_001_12").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("bindingName");
        assertThatThrownBy(() -> BindingRequest.builder().subaccountId(SUB).bindingName("k").scopes("calm-api.tasks.read")
                .build()).isInstanceOf(ValidationException.class).hasMessageContaining("instanceName is missing");
    }

    @Test
    void build_noScopes_fails() {
        assertThatThrownBy(() -> BindingRequest.builder().subaccountId(SUB).instanceName("a").bindingName("b").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("scopes are empty");
    }

    @Test
    void build_badTimeoutOrXsappname_fails() {
        assertThatThrownBy(() -> valid().timeout(Duration.ZERO).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> valid().xsappname("has.dot").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("xsappname");
        assertThatThrownBy(() -> valid().tokenValidity(5).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("token-validity");
    }

    @Test
    void bindingParameters_areCopied() {
        BindingRequest r = valid().bindingParameters(Map.of("a", 1)).build();

        r.bindingParameters().put("b", 2);

        assertThat(r.bindingParameters()).containsOnlyKeys("a");
    }
}
