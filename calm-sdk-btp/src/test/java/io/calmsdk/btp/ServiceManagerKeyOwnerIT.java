package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 18, item 1: a Service Manager key belongs to one subaccount. Used for another, it used to
 * report success with the key's own subaccount's Cloud ALM key labelled as the other's; now the request
 * is refused before anything is written, naming both subaccounts.
 */
class ServiceManagerKeyOwnerIT {

    @RegisterExtension
    static final CalmSimulatorExtension SIM = new CalmSimulatorExtension();

    private BtpSimulator sim;
    private String keysOwn;
    private String other;
    private FakeTime time;

    @BeforeEach
    void setUp(BtpSimulator simulator) {
        sim = simulator;
        keysOwn = sim.defaultSubaccountId();
        other = sim.createSubaccount("team-b");
        time = new FakeTime();
        sim.journal().clear();
    }

    private CloudAlmProvisioner.Builder provisioner() {
        return CloudAlmProvisioner.builder().options(ClientOptions.builder().clock(time).sleeper(time).build());
    }

    private BindingRequest.Builder request(String subaccountId) {
        return BindingRequest.builder().subaccountId(subaccountId).instanceName("calm-api").bindingName("calm-api-key")
                .scopes(CalmScope.PROJECTS_READ);
    }

    private void assertNothingWrittenAnywhere() {
        assertThat(sim.journal().writes()).as(sim.journal().entries().toString()).isZero();
        assertThat(sim.state().instances(keysOwn)).isEmpty();
        assertThat(sim.state().instances(other)).isEmpty();
    }

    @Test
    void ensureBinding_serviceManagerKeyOfAnotherSubaccount_refusedBeforeAnyWriteNamingBoth() {
        try (CloudAlmProvisioner p = provisioner().credentials(SimKeys.cis(sim)).credentials(SimKeys.serviceManager(sim))
                .build()) {
            assertThatThrownBy(() -> p.ensureBinding(request(other).build()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("subaccountId is " + other)
                    .hasMessageContaining("belongs to subaccount " + keysOwn)
                    .hasMessageContaining("one-key mode");
        }
        assertNothingWrittenAnywhere();
    }

    @Test
    void ensureBinding_onlyAServiceManagerKeyOfAnotherSubaccount_refusedToo() {
        try (CloudAlmProvisioner p = provisioner().credentials(SimKeys.serviceManager(sim)).build()) {
            assertThatThrownBy(() -> p.ensureBinding(request(other).skipEntitlement(true).build()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining(other).hasMessageContaining(keysOwn);
        }
        assertNothingWrittenAnywhere();
    }

    @Test
    void plan_andKeyGivenForTheWrongSubaccount_refusedToo() {
        try (CloudAlmProvisioner p = provisioner().credentials(SimKeys.cis(sim))
                .credentials(other, SimKeys.serviceManager(sim)).build()) {
            assertThatThrownBy(() -> p.plan(request(other).build())).isInstanceOf(ValidationException.class)
                    .hasMessageContaining(keysOwn);
            assertThatThrownBy(() -> p.ensureBinding(request(other).build())).isInstanceOf(ValidationException.class);
        }
        assertNothingWrittenAnywhere();
    }

    @Test
    void ensureBinding_keysOwnSubaccount_stillWorksAndTheKeyIsThatSubaccounts() {
        try (CloudAlmProvisioner p = provisioner().credentials(SimKeys.cis(sim)).credentials(SimKeys.serviceManager(sim))
                .build()) {
            ProvisioningResult result = p.ensureBinding(request(keysOwn).build());

            assertThat(result.serviceKey().field("uaa", "subaccountid")).contains(keysOwn);
        }
    }

    @Test
    void ensureBindings_oneServiceManagerKeyForSeveralSubaccounts_refusedWithAPointerToOneKeyMode() {
        String third = sim.createSubaccount("team-c");
        sim.journal().clear();
        try (CloudAlmProvisioner p = provisioner().credentials(SimKeys.cis(sim)).credentials(SimKeys.serviceManager(sim))
                .build()) {
            List<BindingRequest> fleet = List.of(request(keysOwn).build(), request(other).build(), request(third).build());

            assertThatThrownBy(() -> p.ensureBindings(fleet, 2))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("3 subaccounts")
                    .hasMessageContaining("a Service Manager key belongs to one subaccount")
                    .hasMessageContaining("one-key mode");
        }
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void ensureBindings_cloudManagementKeyOnly_servesEverySubaccountWithItsOwnCredentials() {
        try (CloudAlmProvisioner p = provisioner().credentials(SimKeys.cis(sim)).build()) {
            List<ProvisioningResult.Outcome> outcomes = p.ensureBindings(List.of(request(keysOwn).build(),
                    request(other).build()), 2);

            assertThat(outcomes).allMatch(ProvisioningResult.Outcome::succeeded);
            assertThat(outcomes).extracting(o -> o.result().orElseThrow().serviceKey().field("uaa", "subaccountid")
                    .orElseThrow()).containsExactly(keysOwn, other);
        }
    }
}
