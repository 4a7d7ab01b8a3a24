package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.ServiceManagerKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request checks that must fail before anything is sent (the keys point at a closed port). */
class CloudAlmProvisionerTest {

    private static final String SUB = "0f2c7d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final ServiceManagerKey SM_KEY = ServiceKeys.serviceManager().fromJson("{\"clientid\":\"sb-x\","
            + "\"clientsecret\":\"never-sent-canary\",\"sm_url\":\"http://127.0.0.1:9\",\"url\":\"http://127.0.0.1:9\"}");

    private static BindingRequest.Builder request() {
        return BindingRequest.builder().subaccountId(SUB).instanceName("calm-api").bindingName("calm-key")
                .scopes(CalmScope.PROJECTS_READ);
    }

    @Test
    void ensureBinding_entitlementWithoutCisKey_failsBeforeAnyCall() {
        try (CloudAlmProvisioner p = CloudAlmProvisioner.builder().credentials(SM_KEY).build()) {
            assertThatThrownBy(() -> p.ensureBinding(request().build()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("skipEntitlement is false but the provisioner has no Cloud Management key");
            assertThatThrownBy(() -> p.plan(request().build())).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> p.deprovision(request().skipEntitlement(true).build(), true))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("removeEntitlement");
            assertThatThrownBy(() -> p.rotateBinding(request().skipEntitlement(true).build(), Duration.ofSeconds(-1)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("grace");
        }
    }

    @Test
    void ensureBinding_subaccountWithoutServiceManagerKey_failsBeforeAnyCall() {
        try (CloudAlmProvisioner p = CloudAlmProvisioner.builder()
                .credentials("5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", SM_KEY).build()) {
            assertThatThrownBy(() -> p.ensureBinding(request().skipEntitlement(true).build()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("subaccountId has no Service Manager key");
        }
    }

    @Test
    void ensureBindings_badArguments_failBeforeAnyCall() {
        try (CloudAlmProvisioner p = CloudAlmProvisioner.builder().credentials(SM_KEY).build()) {
            assertThatThrownBy(() -> p.ensureBindings(List.of(request().build()), 0))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("concurrency");
            assertThatThrownBy(() -> p.ensureBindings(Arrays.asList(request().build(), null), 2))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("null");
            assertThat(p.ensureBindings(List.of(), 2)).isEmpty();
        }
    }

    @Test
    void toString_namesModeNotSecrets() {
        try (CloudAlmProvisioner p = CloudAlmProvisioner.builder().credentials(SM_KEY).build()) {
            assertThat(p.toString()).contains("127.0.0.1:9", "oneKeyMode=false").doesNotContain("never-sent-canary");
        }
    }
}
