package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.auth.TokenAcquisitionException;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.exception.PollingTimeoutException;
import io.calmsdk.core.exception.RateLimitedException;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.GlobalAccountPlan.Category;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProvisioningFailuresIT {

    @RegisterExtension
    static final CalmSimulatorExtension SIM = new CalmSimulatorExtension();

    private static CloudAlmProvisioner provisioner(BtpSimulator sim, FakeTime time) {
        return CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim)).credentials(SimKeys.serviceManager(sim))
                .options(ClientOptions.builder().clock(time).sleeper(time).build()).build();
    }

    private static BindingRequest.Builder request(BtpSimulator sim) {
        return BindingRequest.builder().subaccountId(sim.defaultSubaccountId()).instanceName("calm-api")
                .bindingName("calm-api-key").scopes(CalmScope.PROJECTS_READ).timeout(Duration.ofMinutes(5));
    }

    private static void assertConvergesToOneOfEach(BtpSimulator sim, CloudAlmProvisioner provisioner) {
        ProvisioningResult result = provisioner.ensureBinding(request(sim).build());
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
        assertThat(sim.state().bindings(sim.defaultSubaccountId())).hasSize(1);
        assertThat(CloudAlmProvisionerIT.callProjects(result.serviceKey())).isEqualTo(200);
        assertThat(provisioner.ensureBinding(request(sim).build()).changed()).isFalse();
    }

    @Test
    void ensureBinding_globalAccountNotEntitled_failsBeforeCreatingAnything() {
        try (BtpSimulator sim = BtpSimulator.builder().globalAccountPlans(List.of(
                GlobalAccountPlan.of("some-other-service", "standard", Category.SERVICE, 5))).start();
             CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime())) {

            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("failed at step entitlement")
                    .hasMessageContaining("no entitlement for SAPCloudALMAPIs/standard")
                    .satisfies(e -> assertThat(((ProvisioningException) e).reason())
                            .isEqualTo(ProvisioningException.Reason.NOT_ENTITLED));
            assertThat(sim.journal().writes()).isZero();
            assertThat(sim.state().instances()).isEmpty();
        }
    }

    @Test
    void ensureBinding_quotaUsedUp_failsClearlyThenConvergesOnceFreed() {
        try (BtpSimulator sim = BtpSimulator.builder().globalAccountPlans(List.of(GlobalAccountPlan.of(
                GlobalAccountPlan.CLOUD_ALM_SERVICE, GlobalAccountPlan.CLOUD_ALM_PLAN, Category.SERVICE, 1))).start();
             CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime())) {
            String other = sim.createSubaccount("other");
            sim.seed().cloudAlmEntitlement(other);

            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("failed at step entitlement")
                    .hasMessageContaining("quota")
                    .satisfies(e -> assertThat(((ProvisioningException) e).reason())
                            .isEqualTo(ProvisioningException.Reason.NO_QUOTA));
            assertThat(sim.journal().writes()).isZero();

            try (EntitlementsClient entitlements = EntitlementsClient.create(SimKeys.cis(sim))) {
                entitlements.unassign(other, BindingRequest.SERVICE_NAME, BindingRequest.PLAN_NAME)
                        .waitForCompletion(Duration.ofSeconds(30));
            }
            assertConvergesToOneOfEach(sim, provisioner);
        }
    }

    @Test
    void ensureBinding_elasticPlan_assignsWithEnableAndRecognisesTheAssignment() {
        try (BtpSimulator sim = BtpSimulator.builder().globalAccountPlans(List.of(GlobalAccountPlan.unlimited(
                GlobalAccountPlan.CLOUD_ALM_SERVICE, GlobalAccountPlan.CLOUD_ALM_PLAN, Category.ELASTIC_SERVICE)))
                .start();
             CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime())) {

            ProvisioningResult result = provisioner.ensureBinding(request(sim).build());

            assertThat(result.step(ProvisioningStep.ENTITLEMENT).detail()).contains("enable");
            assertThat(sim.journal().entries().stream().filter(e -> e.method().equals("PUT"))
                    .map(e -> e.requestBody().orElse(""))).singleElement().asString().contains("\"enable\":true");
            try (CloudAlmProvisioner fresh = provisioner(sim, new FakeTime())) {
                ProvisioningPlan plan = fresh.plan(request(sim).instanceName("other-name").build());
                assertThat(plan.step(ProvisioningStep.ENTITLEMENT).outcome()).isEqualTo(StepResult.Outcome.UNCHANGED);
            }
        }
    }

    @Test
    void ensureBinding_planNeverAppears_timesOutNamingTheStepThenConverges() {
        try (BtpSimulator sim = BtpSimulator.builder().planVisibilityDelay(Duration.ofHours(1)).start();
             CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime())) {

            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("failed at step offering and plan")
                    .hasMessageContaining("plan standard of SAPCloudALMAPIs")
                    .hasCauseInstanceOf(PollingTimeoutException.class);
            assertThat(sim.state().instances()).isEmpty();

            sim.clock().advance(Duration.ofHours(2));
            assertConvergesToOneOfEach(sim, provisioner);
        }
    }

    @Test
    void ensureBinding_brokerFailsCreate_reportsBrokerDescriptionThenReplacesTheFailedInstance(BtpSimulator sim) {
        try (CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime())) {
            sim.faults().failNextOperation(OperationKind.INSTANCE_CREATE, "broker out of coffee");

            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("failed at step instance")
                    .hasMessageContaining("broker out of coffee")
                    .hasCauseInstanceOf(OperationFailedException.class)
                    .satisfies(e -> assertThat(((ProvisioningException) e).completedSteps()).hasSize(2));

            ProvisioningResult result = provisioner.ensureBinding(request(sim).build());
            assertThat(result.step(ProvisioningStep.INSTANCE).detail()).contains("replaced");
            assertConvergesToOneOfEach(sim, provisioner);
        }
    }

    @Test
    void ensureBinding_operationStuck_timesOutNamingTheStuckStateThenConvergesWithoutDuplicates(BtpSimulator sim) {
        FakeTime time = FakeTime.linkedTo(sim.clock());
        try (CloudAlmProvisioner provisioner = provisioner(sim, time)) {
            sim.faults().stickNextOperation(OperationKind.INSTANCE_CREATE);

            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("failed at step instance")
                    .hasMessageContaining("still in progress")
                    .hasCauseInstanceOf(PollingTimeoutException.class);
            assertThat(time.slept()).isLessThanOrEqualTo(Duration.ofMinutes(5));

            // The simulator never releases a stuck operation: a second call waits for the same one again.
            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).timeout(Duration.ofMinutes(1)).build()))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("started elsewhere")
                    .hasMessageContaining("still in progress");
            assertThat(sim.journal().count("POST", "/v1/service_instances")).isEqualTo(1);
            assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);

            // Once the platform finishes the operation, the next call adopts its result.
            sim.releaseStuckOperations();
            ProvisioningResult result = provisioner.ensureBinding(request(sim).build());
            assertThat(result.serviceKey().apiEndpoint()).isNotNull();
            assertThat(sim.journal().count("POST", "/v1/service_instances")).isEqualTo(1);
            assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
            assertThat(sim.state().bindings(sim.defaultSubaccountId())).hasSize(1);
        }
    }

    @Test
    void ensureBinding_entitlementStuck_timesOutNamingTheStateThenConverges(BtpSimulator sim) {
        try (CloudAlmProvisioner provisioner = provisioner(sim, FakeTime.linkedTo(sim.clock()))) {
            sim.faults().stickNextEntitlement();

            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("failed at step entitlement")
                    .hasMessageMatching("(?s).*still (STARTED|PROCESSING).*")
                    .hasCauseInstanceOf(PollingTimeoutException.class);
            assertThat(sim.state().instances()).isEmpty();

            sim.releaseStuckOperations();
            provisioner.ensureBinding(request(sim).build());
            assertThat(sim.journal().count("PUT", "/entitlements/v1/subaccountServicePlans")).isEqualTo(1);
            assertThat(sim.state().instances()).hasSize(1);
            assertThat(sim.state().bindings()).hasSize(1);
        }
    }

    @Test
    void ensureBinding_entitlementFails_reportsTheServiceMessage(BtpSimulator sim) {
        try (CloudAlmProvisioner provisioner = provisioner(sim, FakeTime.linkedTo(sim.clock()))) {
            sim.faults().failNextEntitlement("quota service unavailable");

            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("failed at step entitlement")
                    .hasMessageContaining("PROCESSING_FAILED")
                    .hasMessageContaining("quota service unavailable")
                    .hasCauseInstanceOf(OperationFailedException.class);

            assertConvergesToOneOfEach(sim, provisioner);
        }
    }

    @Test
    void ensureBinding_rateLimitedCreates_waitsAsAskedAndCreatesOnce(BtpSimulator sim) {
        FakeTime time = FakeTime.linkedTo(sim.clock());
        try (CloudAlmProvisioner provisioner = provisioner(sim, time)) {
            sim.faults().rateLimitNext(3, Duration.ofSeconds(7), RequestMatcher.of("POST", "/v1/service_instances"));

            provisioner.ensureBinding(request(sim).build());

            assertThat(sim.journal().count("POST", "/v1/service_instances")).isEqualTo(4);
            assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
            // Retry-After is an HTTP date (whole seconds): each wait is 6 to 7 seconds.
            assertThat(time.sleeps()).filteredOn(d -> d.compareTo(Duration.ofSeconds(5)) > 0).hasSize(3);
        }
    }

    @Test
    void ensureBinding_rateLimitStorm_failsNamingTheStepThenConverges(BtpSimulator sim) {
        try (CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime())) {
            sim.faults().rateLimitNext(1000, Duration.ofSeconds(1), RequestMatcher.api(SimulatedApi.SERVICE_MANAGER));

            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).skipEntitlement(true).build()))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("failed at step")
                    .hasMessageContaining("429")
                    .hasCauseInstanceOf(RateLimitedException.class);

            sim.faults().clear();
            assertConvergesToOneOfEach(sim, provisioner);
        }
    }

    @Test
    void ensureBinding_tokenEndpointDown_failsNamingTheStepThenConverges(BtpSimulator sim) {
        try (CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime())) {
            sim.faults().failNext(1000, 503, RequestMatcher.api(SimulatedApi.XSUAA));

            assertThatThrownBy(() -> provisioner.ensureBinding(request(sim).build()))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("failed at step entitlement")
                    .hasCauseInstanceOf(TokenAcquisitionException.class);
            assertThat(sim.journal().writes()).isZero();

            sim.faults().clear();
            assertConvergesToOneOfEach(sim, provisioner);
        }
    }

    @Test
    void ensureBinding_connectionResetOnCreate_looksUpBeforeSendingAgain(BtpSimulator sim) {
        try (CloudAlmProvisioner provisioner = provisioner(sim, new FakeTime())) {
            sim.faults().resetNext(1, RequestMatcher.of("POST", "/v1/service_instances"));
            sim.faults().resetNext(1, RequestMatcher.of("POST", "/v1/service_bindings"));

            provisioner.ensureBinding(request(sim).build());

            assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
            assertThat(sim.state().bindings(sim.defaultSubaccountId())).hasSize(1);
        }
    }

    @Test
    void ensureBinding_createAnswerLostAfterItTookEffect_adoptsInsteadOfCreatingAgain(BtpSimulator sim) {
        sim.faults().latency(Duration.ofMillis(1500), RequestMatcher.of("POST", "/v1/service_instances"));
        try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim))
                .credentials(SimKeys.serviceManager(sim))
                .options(ClientOptions.builder().attemptTimeout(Duration.ofMillis(300))
                        .polling(PollingOptions.builder().initialDelay(Duration.ofMillis(800)).build()).build())
                .build()) {

            ProvisioningResult result = provisioner.ensureBinding(request(sim).build());

            assertThat(sim.journal().count("POST", "/v1/service_instances")).isEqualTo(1);
            assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
            assertThat(result.instance().id()).isEqualTo(sim.state().instances(sim.defaultSubaccountId()).get(0).id());
        }
    }
}
