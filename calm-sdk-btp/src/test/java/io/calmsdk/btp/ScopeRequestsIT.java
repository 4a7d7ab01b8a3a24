package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.testing.LogCapture;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 18, items 2 and 3: a mistyped scope never becomes an authority, and a request never takes
 * authorities away from a (shared) instance unless it asks to.
 */
class ScopeRequestsIT {

    @RegisterExtension
    static final CalmSimulatorExtension SIM = new CalmSimulatorExtension();

    private BtpSimulator sim;
    private CloudAlmProvisioner provisioner;

    @BeforeEach
    void setUp(BtpSimulator simulator) {
        sim = simulator;
        FakeTime time = new FakeTime();
        provisioner = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim)).credentials(SimKeys.serviceManager(sim))
                .options(ClientOptions.builder().clock(time).sleeper(time).build()).build();
    }

    @AfterEach
    void tearDown() {
        provisioner.close();
    }

    private BindingRequest.Builder request() {
        return BindingRequest.builder().subaccountId(sim.defaultSubaccountId()).instanceName("shared-calm")
                .bindingName("calm-api-key");
    }

    private Set<String> tokenScopes(ServiceKey key) {
        try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.create(key)) {
            return tokens.token().scopes();
        }
    }

    private List<String> authorities() {
        List<String> names = new ArrayList<>();
        sim.state().instances(sim.defaultSubaccountId()).get(0).parameters().at("/xs-security/authorities")
                .forEach(a -> names.add(a.asText()));
        return names;
    }

    // ---------------------------------------------------------------- item 2: unknown scopes

    @ParameterizedTest
    @CsvSource({"calm-api.project.read, calm-api.projects.read", "project.read, calm-api.projects.read",
        "calm-api.tasks.wirte, calm-api.tasks.write", "projects.delete, calm-api.", "foo, calm-api."})
    void ensureBinding_unknownScope_refusedBeforeAnythingIsSentNamingTheClosest(String typo, String suggested) {
        sim.journal().clear();

        assertThatThrownBy(() -> provisioner.ensureBinding(r -> r.subaccountId(sim.defaultSubaccountId())
                .instanceName("calm-api").bindingName("calm-api-key").scopes(typo)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("scopes contains the unknown scope '" + typo + "'")
                .hasMessageContaining("did you mean " + suggested)
                .hasMessageContaining("CalmScope.custom");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void ensureBinding_customScopeDeclaredDeliberately_becomesAnAuthority() {
        provisioner.ensureBinding(request().scopes(CalmScope.PROJECTS_READ, CalmScope.custom("calm-api.newapi.read"))
                .build());

        assertThat(authorities()).contains("$XSMASTERAPPNAME.calm-api.newapi.read");
    }

    // ---------------------------------------------------------------- item 3: never remove silently

    @Test
    void ensureBinding_secondUserAsksForFewerScopes_instanceKeepsTheFirstUsersScopesWithoutAWrite() {
        ProvisioningResult first = provisioner.ensureBinding(request().scopes(CalmScope.PROJECTS_READ,
                CalmScope.TASKS_WRITE).build());
        sim.journal().clear();

        ProvisioningResult second;
        try (CloudAlmProvisioner otherUser = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim))
                .credentials(SimKeys.serviceManager(sim)).build()) {
            second = otherUser.ensureBinding(request().scopes(CalmScope.PROJECTS_READ).build());
        }

        assertThat(second.step(ProvisioningStep.INSTANCE).outcome()).isEqualTo(StepResult.Outcome.UNCHANGED);
        assertThat(sim.journal().writes()).isZero();
        assertThat(authorities()).contains("$XSMASTERAPPNAME.calm-api.tasks.write");
        assertThat(tokenScopes(first.serviceKey())).anyMatch(CalmScope.TASKS_WRITE::matchesTokenScope);
    }

    @Test
    void ensureBinding_moreScopesOnASharedInstance_addsThemAndKeepsTheOthers() {
        provisioner.ensureBinding(request().scopes(CalmScope.PROJECTS_READ, CalmScope.TASKS_WRITE).build());

        ProvisioningResult result = provisioner.ensureBinding(request().scopes(CalmScope.ANALYTICS_READ).build());

        assertThat(result.step(ProvisioningStep.INSTANCE).detail()).contains("adds authorities [calm-api.analytics.read]")
                .doesNotContain("removes");
        assertThat(authorities()).contains("$XSMASTERAPPNAME.calm-api.tasks.write",
                "$XSMASTERAPPNAME.calm-api.projects.read", "$XSMASTERAPPNAME.calm-api.analytics.read");
    }

    @Test
    void removeOtherScopes_planShowsTheRemovalFirst_thenTheRunRemovesAndWarns() {
        provisioner.ensureBinding(request().scopes(CalmScope.PROJECTS_READ, CalmScope.TASKS_WRITE).build());
        BindingRequest exact = request().scopes(CalmScope.PROJECTS_READ).removeOtherScopes(true).build();

        ProvisioningPlan plan = provisioner.plan(exact);
        ProvisioningResult result;
        String logs;
        try (LogCapture capture = LogCapture.start()) {
            result = provisioner.ensureBinding(exact);
            logs = capture.text();
        }

        assertThat(plan.step(ProvisioningStep.INSTANCE).outcome()).isEqualTo(StepResult.Outcome.UPDATED);
        assertThat(plan.step(ProvisioningStep.INSTANCE).detail()).contains("would update instance")
                .contains("removes authorities [calm-api.tasks.write]");
        assertThat(result.step(ProvisioningStep.INSTANCE).outcome()).isEqualTo(StepResult.Outcome.UPDATED);
        assertThat(logs).contains("WARN").contains("removing the authorities [calm-api.tasks.write]");
        assertThat(authorities()).containsExactly("$XSMASTERAPPNAME.calm-api.projects.read");
        assertThat(tokenScopes(result.serviceKey())).noneMatch(CalmScope.TASKS_WRITE::matchesTokenScope);
    }
}
