package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.SimulatorSeeder.SeededCloudAlm;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@code plan} says at each point where {@code ensureBinding} would write or wait, and that it never writes. */
class PlanIT {

    @RegisterExtension
    static final CalmSimulatorExtension SIM = new CalmSimulatorExtension();

    private static CloudAlmProvisioner provisioner(BtpSimulator sim, FakeTime time, boolean withServiceManagerKey) {
        CloudAlmProvisioner.Builder b = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim)).options(ClientOptions.builder().clock(time).sleeper(time).build());
        if (withServiceManagerKey) {
            b.credentials(SimKeys.serviceManager(sim));
        }
        return b.build();
    }

    private static BindingRequest.Builder request(BtpSimulator sim) {
        return BindingRequest.builder().subaccountId(sim.defaultSubaccountId()).instanceName("calm-api")
                .bindingName("calm-api-key").scopes(CalmScope.PROJECTS_READ).timeout(Duration.ofMinutes(5));
    }

    private static String detail(ProvisioningPlan plan, ProvisioningStep step) {
        return plan.step(step).outcome() + " " + plan.step(step).detail();
    }

    @Test
    void plan_oneKeyModeWithoutServiceManagerBinding_createsNoBindingToFindOut(BtpSimulator sim) {
        try (CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime(), false)) {
            ProvisioningPlan plan = provisioner.plan(request(sim).build());

            assertThat(detail(plan, ProvisioningStep.ENTITLEMENT)).isEqualTo("CREATED would assign SAPCloudALMAPIs/standard"
                    + " (amount)");
            assertThat(detail(plan, ProvisioningStep.OFFERING_AND_PLAN)).isEqualTo("UNCHANGED not looked up: the"
                    + " subaccount has no Service Manager binding yet");
            assertThat(detail(plan, ProvisioningStep.INSTANCE)).isEqualTo("CREATED would create instance calm-api once"
                    + " the plan is visible");
            assertThat(detail(plan, ProvisioningStep.BINDING)).isEqualTo("CREATED would create binding calm-api-key once"
                    + " the instance exists");
            assertThat(sim.journal().writes()).isZero();
        }
    }

    @Test
    void plan_afterEnsure_everyStepFoundAsItIs(BtpSimulator sim) {
        try (CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime(), true)) {
            ProvisioningResult done = provisioner.ensureBinding(request(sim).build());
            sim.journal().clear();

            ProvisioningPlan plan = provisioner.plan(request(sim).verify(true).build());

            assertThat(detail(plan, ProvisioningStep.INSTANCE)).isEqualTo("UNCHANGED instance " + done.instance().id()
                    + " has the requested parameters");
            assertThat(detail(plan, ProvisioningStep.BINDING)).isEqualTo("UNCHANGED binding calm-api-key ("
                    + done.binding().id() + ") exists and would be reused");
            assertThat(detail(plan, ProvisioningStep.VERIFY)).isEqualTo("SKIPPED verified with a token once the key"
                    + " exists");
            assertThat(plan.changesNeeded()).isFalse();
            assertThat(sim.journal().writes()).isZero();
        }
    }

    @Test
    void plan_instanceSapCreated_saysItWouldAdoptIt(BtpSimulator sim) {
        sim.seed().cloudAlmEntitlement(sim.defaultSubaccountId());
        SeededCloudAlm seeded = sim.seed().autoProvisionedCloudAlm(sim.defaultSubaccountId());
        try (CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime(), true)) {
            ProvisioningPlan more = provisioner.plan(request(sim).instanceName(seeded.instanceName())
                    .scopes(CalmScope.ANALYTICS_READ).build());
            ProvisioningPlan same = provisioner.plan(request(sim).instanceName(seeded.instanceName()).build());

            assertThat(detail(more, ProvisioningStep.INSTANCE)).startsWith("ADOPTED would update instance "
                    + seeded.instanceId() + " (adopted: created outside calm-sdk): ");
            assertThat(detail(same, ProvisioningStep.INSTANCE)).isEqualTo("ADOPTED would label instance "
                    + seeded.instanceId() + " (adopted: created outside calm-sdk) (parameters already match)");
            assertThat(sim.journal().writes()).isZero();
        }
    }

    @Test
    void plan_instanceCreationFailed_saysItWouldReplaceIt(BtpSimulator sim) {
        try (CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime(), true)) {
            sim.faults().failNextOperation(OperationKind.INSTANCE_CREATE, "broker out of coffee");
            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class);
            String failed = sim.state().instances(sim.defaultSubaccountId()).get(0).id();
            sim.journal().clear();

            ProvisioningPlan plan = provisioner.plan(request(sim).build());

            assertThat(detail(plan, ProvisioningStep.INSTANCE)).startsWith("CREATED would replace instance " + failed
                    + " whose creation failed (").contains("broker out of coffee");
            assertThat(sim.journal().writes()).isZero();
        }
    }

    @Test
    void plan_operationsStillRunning_reportsThemWithoutWaiting(BtpSimulator sim) {
        FakeTime time = FakeTime.linkedTo(sim.clock());
        try (CloudAlmProvisioner provisioner = provisioner(sim, time, true)) {
            sim.faults().stickNextOperation(OperationKind.INSTANCE_CREATE);
            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class);
            String stuck = sim.state().instances(sim.defaultSubaccountId()).get(0).id();
            Duration sleptBefore = time.slept();

            ProvisioningPlan plan = provisioner.plan(request(sim).build());

            assertThat(detail(plan, ProvisioningStep.INSTANCE)).isEqualTo("UNCHANGED instance " + stuck
                    + " has a create operation in progress");
            assertThat(time.slept()).isEqualTo(sleptBefore);
        }
    }

    @Test
    void plan_entitlementBeingAssigned_reportsItWithoutWaiting(BtpSimulator sim) {
        FakeTime time = FakeTime.linkedTo(sim.clock());
        try (CloudAlmProvisioner provisioner = provisioner(sim, time, true)) {
            sim.faults().stickNextEntitlement();
            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class);
            Duration sleptBefore = time.slept();

            ProvisioningPlan plan = provisioner.plan(request(sim).build());

            assertThat(detail(plan, ProvisioningStep.ENTITLEMENT))
                    .matches("UNCHANGED an assignment is in progress \\((STARTED|PROCESSING)\\)");
            assertThat(time.slept()).isEqualTo(sleptBefore);
        }
    }

    /**
     * Issue 18, item 7: what a plan says each step will do is what the real run then does, in the states
     * a rotation leaves behind (the binding is no longer the one named in the request, only labelled so)
     * and with a change of scopes on top.
     */
    @Test
    void plan_afterRotation_predictsExactlyWhatTheRealRunThenDoes(BtpSimulator sim) {
        FakeTime time = new FakeTime();
        try (CloudAlmProvisioner provisioner = provisioner(sim, time, true)) {
            provisioner.ensureBinding(request(sim).build());
            RotationResult rotated = provisioner.rotateBinding(request(sim).build(), Duration.ZERO);

            assertPlanPredictsRun(provisioner, request(sim).build(), sim);
            assertPlanPredictsRun(provisioner, request(sim).scopes(CalmScope.TASKS_WRITE).build(), sim);
            ProvisioningResult last = provisioner.ensureBinding(request(sim).scopes(CalmScope.TASKS_WRITE).build());
            assertThat(last.binding().id()).isEqualTo(rotated.current().binding().id());
        }
    }

    private static void assertPlanPredictsRun(CloudAlmProvisioner provisioner, BindingRequest request, BtpSimulator sim) {
        ProvisioningPlan plan = provisioner.plan(request);
        long writesBefore = sim.journal().writes();
        ProvisioningResult real = provisioner.ensureBinding(request);

        for (ProvisioningStep step : new ProvisioningStep[] {ProvisioningStep.ENTITLEMENT, ProvisioningStep.INSTANCE,
            ProvisioningStep.BINDING}) {
            assertThat(plan.step(step).outcome()).as(step + ": plan " + plan.step(step) + " vs real " + real.step(step))
                    .isEqualTo(real.step(step).outcome());
        }
        assertThat(plan.step(ProvisioningStep.BINDING).resourceId()).contains(real.binding().id());
        assertThat(plan.changesNeeded()).isEqualTo(sim.journal().writes() > writesBefore);
    }
}
