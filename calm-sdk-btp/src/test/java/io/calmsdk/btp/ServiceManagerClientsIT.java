package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.auth.TokenAcquisitionException;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.UnauthorizedException;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provisioner's Service Manager clients: a refused one is replaced, none outlives the provisioner. */
class ServiceManagerClientsIT {

    @RegisterExtension
    static final CalmSimulatorExtension SIM = new CalmSimulatorExtension();

    private static BindingRequest request(BtpSimulator sim) {
        return BindingRequest.builder().subaccountId(sim.defaultSubaccountId()).instanceName("calm-api")
                .bindingName("calm-api-key").scopes(CalmScope.PROJECTS_READ).build();
    }

    @Test
    void oneKeyMode_serviceManagerBindingDeletedElsewhere_failsOnceThenUsesAFreshBinding(BtpSimulator sim) {
        FakeTime time = FakeTime.linkedTo(sim.clock());
        String accountsBinding = "/accounts/v1/subaccounts/" + sim.defaultSubaccountId() + "/serviceManagementBinding";
        try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim)).options(ClientOptions.builder().clock(time)
                .sleeper(time).build()).build()) {
            ProvisioningResult first = provisioner.ensureBinding(request(sim));
            try (AccountsClient accounts = AccountsClient.create(SimKeys.cis(sim))) {
                accounts.deleteServiceManagerBinding(sim.defaultSubaccountId());
            }
            // The cached client's token expires: its next call needs a token for the deleted credentials.
            sim.clock().advance(Duration.ofDays(2));

            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim)))
                    .isInstanceOf(ProvisioningException.class)
                    .satisfies(e -> assertThat(causes(e)).as("the credentials were refused")
                            .anyMatch(c -> c instanceof TokenAcquisitionException || c instanceof UnauthorizedException));
            sim.journal().clear();

            ProvisioningResult after = provisioner.ensureBinding(request(sim));

            assertThat(after.changed()).isFalse();
            assertThat(after.binding().id()).isEqualTo(first.binding().id());
            assertThat(sim.journal().count("POST", accountsBinding)).as("a new Service Manager binding").isEqualTo(1);
        }
    }

    @Test
    void closedProvisioner_failsInsteadOfBuildingANewClient(BtpSimulator sim) {
        CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim))
                .credentials(SimKeys.serviceManager(sim)).options(ClientOptions.builder().clock(new FakeTime()).sleeper(new FakeTime()).build()).build();

        provisioner.close();

        assertThatThrownBy(() -> provisioner.ensureBinding(request(sim)))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("the provisioner is closed");
        assertThat(sim.journal().writes()).isZero();
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 16; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
