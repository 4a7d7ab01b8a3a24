package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestJournal;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.SimulatorState;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudAlmProvisionerIT {

    @RegisterExtension
    static final CalmSimulatorExtension SIM = new CalmSimulatorExtension();

    private BtpSimulator sim;
    private FakeTime time;
    private CloudAlmProvisioner provisioner;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<ProvisioningListener.Progress> polls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp(BtpSimulator simulator) {
        sim = simulator;
        time = new FakeTime();
        provisioner = provisioner(SimKeysMode.BOTH);
    }

    @AfterEach
    void tearDown() {
        provisioner.close();
    }

    enum SimKeysMode { BOTH, CIS_ONLY }

    private CloudAlmProvisioner provisioner(SimKeysMode mode) {
        CloudAlmProvisioner.Builder b = CloudAlmProvisioner.builder()
                .credentials(SimKeys.cis(sim))
                .options(ClientOptions.builder().clock(time)
                .sleeper(time).build())
                .listener(new ProvisioningListener() {
                    @Override
                    public void onStepStarted(BindingRequest request, ProvisioningStep step) {
                        events.add("start " + step);
                    }

                    @Override
                    public void onStepProgress(BindingRequest request, ProvisioningStep step, ProvisioningListener.Progress progress) {
                        events.add("poll " + step);
                        polls.add(progress);
                    }

                    @Override
                    public void onStepFinished(BindingRequest request, StepResult result) {
                        events.add("done " + result.step() + " " + result.outcome());
                    }
                });
        if (mode == SimKeysMode.BOTH) {
            b.credentials(SimKeys.serviceManager(sim));
        }
        return b.build();
    }

    private BindingRequest.Builder request() {
        return BindingRequest.builder()
                .subaccountId(sim.defaultSubaccountId())
                .instanceName("calm-api")
                .bindingName("calm-api-key")
                .scopes(CalmScope.PROJECTS_READ, CalmScope.TASKS_WRITE);
    }

    @Test
    void ensureBinding_coldSubaccount_entitlesCreatesBindsAndKeyCallsCloudAlm() throws Exception {
        sim.cloudAlm().createProject("Alpha");
        sim.journal().clear();

        ProvisioningResult result = provisioner.ensureBinding(request().build());

        assertThat(result.steps()).extracting(StepResult::step).containsExactly(ProvisioningStep.ENTITLEMENT,
                ProvisioningStep.OFFERING_AND_PLAN, ProvisioningStep.INSTANCE, ProvisioningStep.BINDING,
                ProvisioningStep.VERIFY);
        assertThat(result.steps()).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.CREATED,
                StepResult.Outcome.UNCHANGED, StepResult.Outcome.CREATED, StepResult.Outcome.CREATED, StepResult.Outcome.SKIPPED);
        List<RequestJournal.Entry> writes = sim.journal().writeEntries();
        assertThat(writes).extracting(e -> e.method() + " " + e.path()).containsExactly(
                "PUT /entitlements/v1/subaccountServicePlans", "POST /v1/service_instances", "POST /v1/service_bindings");
        assertThat(result.httpWrites()).isEqualTo(3);
        assertThat(sim.journal().tokenRequests()).isEqualTo(2); // one per admin key
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
        assertThat(sim.state().bindings(sim.defaultSubaccountId())).hasSize(1);
        assertThat(result.instance().name()).isEqualTo("calm-api");
        assertThat(result.binding().name()).isEqualTo("calm-api-key");
        assertThat(callProjects(result.serviceKey())).isEqualTo(200);
        assertThat(events).contains("start ENTITLEMENT", "done INSTANCE CREATED", "done BINDING CREATED");
        assertThat(events).anyMatch(e -> e.startsWith("poll "));
        assertThat(polls).allSatisfy(p -> {
            assertThat(p.attempt()).isPositive();
            assertThat(p.awaited()).isNotBlank();
            assertThat(p.state()).isNotBlank();
            assertThat(p.elapsed().isNegative()).isFalse();
            assertThat(p.toString()).startsWith(p.awaited() + ": poll " + p.attempt());
        });
    }

    @Test
    void ensureBinding_secondCall_everyStepUnchangedWithoutWrites() {
        ProvisioningResult first = provisioner.ensureBinding(request().build());
        sim.journal().clear();

        ProvisioningResult second = provisioner.ensureBinding(request().build());

        assertThat(second.steps()).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.UNCHANGED,
                StepResult.Outcome.UNCHANGED, StepResult.Outcome.UNCHANGED, StepResult.Outcome.UNCHANGED, StepResult.Outcome.SKIPPED);
        assertThat(sim.journal().writes()).isZero();
        assertThat(sim.journal().count(e -> e.api() != SimulatedApi.XSUAA)).isLessThanOrEqualTo(3);
        assertThat(sim.journal().tokenRequests()).isZero();
        assertThat(second.httpWrites()).isZero();
        assertThat(second.httpRequests()).isLessThanOrEqualTo(3);
        assertThat(second.changed()).isFalse();
        assertThat(second.instance().id()).isEqualTo(first.instance().id());
        assertThat(second.binding().id()).isEqualTo(first.binding().id());
        assertThat(second.serviceKey().uaa().clientId()).isEqualTo(first.serviceKey().uaa().clientId());
    }

    @Test
    void ensureBinding_newProvisionerOnWarmSubaccount_atMostFiveReadsAndNoWrites() {
        provisioner.ensureBinding(request().build());
        sim.journal().clear();

        try (CloudAlmProvisioner fresh = provisioner(SimKeysMode.BOTH)) {
            ProvisioningResult result = fresh.ensureBinding(request().build());

            assertThat(result.changed()).isFalse();
            assertThat(sim.journal().writes()).isZero();
            assertThat(sim.journal().count(e -> e.api() != SimulatedApi.XSUAA)).isLessThanOrEqualTo(5);
            assertThat(sim.journal().tokenRequests()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void ensureBinding_scopeAdded_updatesInstanceInPlaceKeepingXsappname() {
        ProvisioningResult first = provisioner.ensureBinding(request().build());
        String xsappname = first.serviceKey().xsappname().orElseThrow();

        ProvisioningResult second = provisioner.ensureBinding(request().scopes(CalmScope.ANALYTICS_READ).build());

        assertThat(second.step(ProvisioningStep.INSTANCE).outcome()).isEqualTo(StepResult.Outcome.UPDATED);
        assertThat(second.step(ProvisioningStep.BINDING).outcome()).isEqualTo(StepResult.Outcome.UNCHANGED);
        assertThat(second.instance().id()).isEqualTo(first.instance().id());
        assertThat(second.serviceKey().xsappname()).contains(xsappname);
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
        AccessToken token = ClientCredentialsTokenProvider.create(second.serviceKey()).token();
        assertThat(token.scopes()).anyMatch(CalmScope.ANALYTICS_READ::matchesTokenScope);

        sim.journal().clear();
        ProvisioningResult third = provisioner.ensureBinding(request().scopes(CalmScope.ANALYTICS_READ).build());
        assertThat(third.changed()).isFalse();
        assertThat(sim.journal().writes()).isZero();
    }

    @Test
    void ensureBinding_scopeLeftOutOfOwnInstance_keepsItAndWritesNothing() {
        provisioner.ensureBinding(request().scopes(CalmScope.ANALYTICS_READ).build());
        sim.journal().clear();

        ProvisioningResult result = provisioner.ensureBinding(request().build());

        assertThat(result.step(ProvisioningStep.INSTANCE).outcome()).isEqualTo(StepResult.Outcome.UNCHANGED);
        assertThat(sim.journal().writes()).isZero();
        AccessToken token = ClientCredentialsTokenProvider.create(result.serviceKey()).token();
        assertThat(token.scopes()).anyMatch(CalmScope.ANALYTICS_READ::matchesTokenScope)
                .anyMatch(CalmScope.TASKS_WRITE::matchesTokenScope);
    }

    @Test
    void deprovision_adoptedInstanceStillUsedBySap_keepsTheInstance() {
        sim.seed().cloudAlmEntitlement(sim.defaultSubaccountId());
        var seeded = sim.seed().autoProvisionedCloudAlm(sim.defaultSubaccountId());
        BindingRequest adopt = request().instanceName(seeded.instanceName()).build();
        provisioner.ensureBinding(adopt);

        DeprovisioningResult result = provisioner.deprovision(adopt);

        assertThat(result.steps()).extracting(s -> s.step() + " " + s.outcome()).containsExactly(
                "BINDING DELETED", "INSTANCE SKIPPED", "ENTITLEMENT SKIPPED");
        assertThat(sim.state().bindings(sim.defaultSubaccountId())).extracting(SimulatorState.BindingView::name)
                .containsExactly(seeded.bindingName());
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
    }

    @Test
    void ensureBinding_verify_checksEveryRequestedAuthority() {
        ProvisioningResult result = provisioner.ensureBinding(request().verify(true).build());

        StepResult verify = result.step(ProvisioningStep.VERIFY);
        assertThat(verify.outcome()).isEqualTo(StepResult.Outcome.UNCHANGED);
        assertThat(verify.detail()).contains("all 2 requested authorities");
    }

    @Test
    void ensureBinding_verifyWithAnAuthorityNobodyGrants_namesTheMissingScope() {
        BindingRequest req = request().scopes(CalmScope.custom("$XSAPPNAME.calm-api.defects.read")).verify(true).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provisioner.ensureBinding(req))
                .isInstanceOf(ScopeVerificationException.class)
                .hasMessageContaining("failed at step verify")
                .hasMessageContaining("lacks calm-api.defects.read")
                .satisfies(e -> {
                    ScopeVerificationException sve = (ScopeVerificationException) e;
                    assertThat(sve.missingScopes()).containsExactly("calm-api.defects.read");
                    assertThat(sve.grantedScopes()).anyMatch(CalmScope.PROJECTS_READ::matchesTokenScope);
                    assertThat(sve.completedSteps()).hasSize(4);
                });
    }

    @Test
    void ensureBinding_x509Binding_returnsAKeyWithACertificate() {
        ProvisioningResult result = provisioner.ensureBinding(request()
                .credentialType(io.calmsdk.core.model.CredentialType.X509).x509Binding(2048, 7).build());

        assertThat(result.serviceKey().uaa().isX509()).isTrue();
        assertThat(result.serviceKey().uaa().certificate()).hasValueSatisfying(c -> assertThat(c).contains("BEGIN"));
        assertThat(result.serviceKey().toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void ensureBinding_listenerThrows_provisioningGoesOn() {
        try (CloudAlmProvisioner p = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim))
                .credentials(SimKeys.serviceManager(sim)).options(ClientOptions.builder().clock(time).sleeper(time).build())
                .listener(new ProvisioningListener() {
                    @Override
                    public void onStepStarted(BindingRequest request, ProvisioningStep step) {
                        throw new IllegalStateException("display broken");
                    }
                }).build()) {
            ProvisioningResult result = p.ensureBinding(request().build());

            assertThat(result.step(ProvisioningStep.BINDING).outcome()).isEqualTo(StepResult.Outcome.CREATED);
        }
    }

    @Test
    void ensureBinding_createdInstance_carriesTheCalmSdkLabels() {
        ProvisioningResult result = provisioner.ensureBinding(request().labels(io.calmsdk.core.model.Labels.of("team", "alm"))
                .build());

        assertThat(result.instance().labels().values(CloudAlmProvisioner.LABEL_MANAGED)).containsExactly("calm-sdk");
        assertThat(result.instance().labels().values(CloudAlmProvisioner.LABEL_XSAPPNAME)).containsExactly("calm-api");
        assertThat(result.instance().labels().values(CloudAlmProvisioner.LABEL_PARAMETERS_HASH))
                .containsExactly(result.request().xsSecurity().contentHash());
        assertThat(result.instance().labels().values("team")).containsExactly("alm");
        assertThat(result.binding().labels().values(CloudAlmProvisioner.LABEL_BINDING)).containsExactly("calm-api-key");
    }

    @Test
    void ensureBinding_oneKeyMode_createsServiceManagerBindingAndProvisions() {
        try (CloudAlmProvisioner oneKey = provisioner(SimKeysMode.CIS_ONLY)) {
            ProvisioningResult result = oneKey.ensureBinding(request().build());

            assertThat(result.step(ProvisioningStep.INSTANCE).outcome()).isEqualTo(StepResult.Outcome.CREATED);
            assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
            assertThat(callProjects(result.serviceKey())).isEqualTo(200);
        }
    }

    @Test
    void ensureBinding_autoProvisionedInstance_isAdoptedKeepingItsAuthorities() {
        sim.seed().cloudAlmEntitlement(sim.defaultSubaccountId());
        var seeded = sim.seed().autoProvisionedCloudAlm(sim.defaultSubaccountId());
        BindingRequest adopt = request().instanceName(seeded.instanceName()).scopes(CalmScope.ANALYTICS_READ).build();

        ProvisioningResult result = provisioner.ensureBinding(adopt);

        assertThat(result.instance().id()).isEqualTo(seeded.instanceId());
        StepResult step = result.step(ProvisioningStep.INSTANCE);
        assertThat(step.outcome()).isEqualTo(StepResult.Outcome.ADOPTED);
        assertThat(step.detail()).contains("created outside calm-sdk");
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
        assertThat(sim.state().bindings(sim.defaultSubaccountId())).extracting(SimulatorState.BindingView::name)
                .containsExactlyInAnyOrder(seeded.bindingName(), "calm-api-key");
        AccessToken token = ClientCredentialsTokenProvider.create(result.serviceKey()).token();
        assertThat(token.scopes()).anyMatch(CalmScope.ANALYTICS_READ::matchesTokenScope)
                .anyMatch(CalmScope.PROJECTS_WRITE::matchesTokenScope)
                .anyMatch(CalmScope.PROCESSHIERARCHY_READ::matchesTokenScope);
        assertThat(callProjects(result.serviceKey())).isEqualTo(200);

        sim.journal().clear();
        ProvisioningResult again = provisioner.ensureBinding(adopt);
        assertThat(again.changed()).isFalse();
        assertThat(again.step(ProvisioningStep.INSTANCE).outcome()).isEqualTo(StepResult.Outcome.UNCHANGED);
        assertThat(sim.journal().writes()).isZero();
    }

    @Test
    void plan_coldSubaccount_listsChangesWithoutWriting() {
        sim.journal().clear();

        ProvisioningPlan plan = provisioner.plan(request().build());

        assertThat(plan.changesNeeded()).isTrue();
        assertThat(plan.steps()).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.CREATED,
                StepResult.Outcome.UNCHANGED, StepResult.Outcome.CREATED, StepResult.Outcome.CREATED, StepResult.Outcome.SKIPPED);
        assertThat(sim.journal().writes()).isZero();
        assertThat(sim.state().instances(sim.defaultSubaccountId())).isEmpty();
    }

    @Test
    void plan_afterEnsure_needsNoChanges() {
        provisioner.ensureBinding(request().build());

        ProvisioningPlan plan = provisioner.plan(request().scopes(CalmScope.LANDSCAPE_READ).build());

        assertThat(plan.step(ProvisioningStep.INSTANCE).outcome()).isEqualTo(StepResult.Outcome.UPDATED);
        assertThat(provisioner.plan(request().build()).changesNeeded()).isFalse();
    }

    @Test
    void consumerOverloads_buildTheRequestLikeTheBuilder() {
        String sub = sim.defaultSubaccountId();
        ProvisioningPlan plan = provisioner.plan(r -> r.subaccountId(sub).instanceName("calm-api")
                .bindingName("calm-api-key").scopes("calm-api.projects.read"));
        assertThat(plan.changesNeeded()).isTrue();

        ProvisioningResult result = provisioner.ensureBinding(r -> r.subaccountId(sub).instanceName("calm-api")
                .bindingName("calm-api-key").scopes("calm-api.projects.read"));
        assertThat(result.request().bindingName().value()).isEqualTo("calm-api-key");

        RotationResult rotation = provisioner.rotateBinding(r -> r.subaccountId(sub).instanceName("calm-api")
                .bindingName("calm-api-key").scopes("calm-api.projects.read"), java.time.Duration.ZERO);
        assertThat(rotation.retiredBindingIds()).containsExactly(result.binding().id());

        assertThat(provisioner.deprovision(r -> r.subaccountId(sub).instanceName("calm-api")
                .bindingName("calm-api-key").scopes("calm-api.projects.read")).changed()).isTrue();
        assertThat(provisioner.deprovision(r -> r.subaccountId(sub).instanceName("calm-api")
                .bindingName("calm-api-key").scopes("calm-api.projects.read"), false).changed()).isFalse();
        assertThatThrownBy(() -> provisioner.ensureBinding(r -> r.subaccountId(sub).bindingName("k")
                .scopes("calm-api.projects.read"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("instanceName is missing");
    }

    @Test
    void rotateBinding_createsNewBindingThenDeletesOldAfterGrace() {
        ProvisioningResult first = provisioner.ensureBinding(request().build());

        RotationResult rotation = provisioner.rotateBinding(request().build(), java.time.Duration.ofMinutes(5));

        assertThat(rotation.retiredBindingIds()).containsExactly(first.binding().id());
        assertThat(rotation.current().binding().id()).isNotEqualTo(first.binding().id());
        assertThat(time.sleeps()).contains(java.time.Duration.ofMinutes(5));
        assertThat(sim.state().bindings(sim.defaultSubaccountId())).extracting(SimulatorState.BindingView::id)
                .containsExactly(rotation.current().binding().id());
        ProvisioningResult after = provisioner.ensureBinding(request().build());
        assertThat(after.binding().id()).isEqualTo(rotation.current().binding().id());
        assertThat(callProjects(rotation.current().serviceKey())).isEqualTo(200);
    }

    @Test
    void rotateBinding_listenerGetsTheNewKeyBeforeTheGracePeriodWhileTheOldBindingStillExists() {
        ProvisioningResult first;
        List<String> seen = new CopyOnWriteArrayList<>();
        try (CloudAlmProvisioner p = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim))
                .credentials(SimKeys.serviceManager(sim)).options(ClientOptions.builder().clock(time).sleeper(time).build())
                .listener(new ProvisioningListener() {
                    @Override
                    public void onGracePeriodStarted(BindingRequest request, ProvisioningResult rotated,
                            java.time.Duration grace) {
                        seen.add(rotated.binding().id() + " " + grace.toMinutes() + " "
                                + sim.state().bindings(sim.defaultSubaccountId()).size() + " " + time.sleeps().size());
                    }
                }).build()) {
            first = p.ensureBinding(request().build());
            int sleepsBefore = time.sleeps().size();

            RotationResult rotation = p.rotateBinding(request().build(), java.time.Duration.ofMinutes(15));

            assertThat(seen).hasSize(1);
            assertThat(seen.get(0)).startsWith(rotation.current().binding().id() + " 15 2 ");
            assertThat(rotation.retiredBindingIds()).containsExactly(first.binding().id());
            assertThat(time.sleeps().subList(sleepsBefore, time.sleeps().size())).contains(java.time.Duration.ofMinutes(15));
        }
    }

    @Test
    void rotateBinding_duringGrace_otherCallsGetTheNewBindingWithoutWaiting() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> seenDuringGrace = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<CloudAlmProvisioner> self = new java.util.concurrent.atomic.AtomicReference<>();
        java.time.Duration grace = java.time.Duration.ofHours(1);
        try (CloudAlmProvisioner p = CloudAlmProvisioner.builder().credentials(SimKeys.cis(sim))
                .credentials(SimKeys.serviceManager(sim)).options(ClientOptions.builder().clock(time)
                .sleeper(d -> {
                    if (d.equals(grace)) {
                        var other = java.util.concurrent.CompletableFuture.supplyAsync(
                                () -> self.get().ensureBinding(request().build()).binding().id());
                        try {
                            seenDuringGrace.set(other.get(30, java.util.concurrent.TimeUnit.SECONDS));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    time.sleep(d);
                }).build()).build()) {
            self.set(p);
            ProvisioningResult first = p.ensureBinding(request().build());

            RotationResult rotation = p.rotateBinding(request().build(), grace);

            assertThat(seenDuringGrace.get()).isEqualTo(rotation.current().binding().id())
                    .isNotEqualTo(first.binding().id());
            assertThat(rotation.retiredBindingIds()).containsExactly(first.binding().id());
        }
    }

    @Test
    void deprovision_removesBindingThenInstanceAndIsIdempotent() {
        provisioner.ensureBinding(request().build());

        DeprovisioningResult result = provisioner.deprovision(request().build(), true);

        assertThat(result.steps()).extracting(s -> s.step() + " " + s.outcome()).containsExactly(
                "BINDING DELETED", "INSTANCE DELETED", "ENTITLEMENT DELETED");
        assertThat(sim.state().instances(sim.defaultSubaccountId())).isEmpty();
        assertThat(sim.state().entitlements(sim.defaultSubaccountId()).stream()
                .filter(e -> e.amount() > 0).collect(Collectors.toList())).isEmpty();

        DeprovisioningResult again = provisioner.deprovision(request().build(), true);
        assertThat(again.changed()).isFalse();
    }

    static int callProjects(ServiceKey key) {
        try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.create(key)) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(key.apiEndpoint() + "/calm-projects/v1/projects"))
                    .header("Authorization", "Bearer " + tokens.token().value().reveal()).GET().build();
            return HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
