package io.calmsdk.btp;

import static io.calmsdk.btp.EntitlementStep.PLAN;
import static io.calmsdk.btp.EntitlementStep.SERVICE;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.ConcurrentOperationException;
import io.calmsdk.core.exception.ConflictException;
import io.calmsdk.core.exception.RateLimitedException;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.internal.polling.PollResponse;
import io.calmsdk.core.model.AssignmentInfo;
import io.calmsdk.core.model.EntitledServicePlan;
import io.calmsdk.core.model.LabelChange;
import io.calmsdk.core.model.Labels;
import io.calmsdk.core.model.LastOperation;
import io.calmsdk.core.model.PlanCategory;
import io.calmsdk.core.model.ServiceBinding;
import io.calmsdk.core.model.ServiceInstance;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.XsSecurityParams;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes of {@code ensureBinding} and {@code rotateBinding}: calls the Entitlements API and the
 * Service Manager, waits for what they start, and keeps what they create in the reconciliation.
 * Creates go through the {@link CreateGuard} (never two of anything); updates wait out 422 and 429.
 */
final class LiveWrites implements Writes {

    private static final Logger LOG = LoggerFactory.getLogger(CloudAlmProvisioner.class);

    private final Reconciliation run;
    private final BindingRequest req;
    private final CreateGuard guard;
    private final Deletions deletions;

    LiveWrites(Reconciliation run) {
        this.run = run;
        this.req = run.request();
        this.guard = run.guard();
        this.deletions = new Deletions(run);
    }

    @Override
    public Optional<ServiceManagerClient> serviceManager() {
        return Optional.of(run.serviceManagers().forWrites(req.subaccountId()));
    }

    // ---------------------------------------------------------------- entitlement and plan

    @Override
    public StepReport awaitAssignment(Change waited) {
        run.entitlements().assignment(req.subaccountId(), SERVICE, PLAN, "started elsewhere", null)
                .awaitCompletion(guard.remaining(), run.pollListener());
        run.memory().confirmEntitlement(req.subaccountId());
        return waited.asDone();
    }

    @Override
    public StepReport assign(EntitledServicePlan plan, PlanCategory category, Change assigned) {
        String sub = req.subaccountId();
        EntitlementsClient entitlements = run.entitlements();
        LongRunningOperation<AssignmentInfo> assignment;
        try {
            assignment = entitlements.assign(sub, SERVICE, plan.name(), category, 1);
        } catch (ConflictException e) {
            LOG.info("Entitlement of {}/{} to {} is being changed by another caller; waiting for it", SERVICE, PLAN, sub);
            assignment = entitlements.assignment(sub, SERVICE, plan.name(), "changed by another caller", null);
        } catch (CalmServiceException e) {
            if (e.status() == 400 && e.errorCode().map("11005"::equals).orElse(false)) {
                throw new ProvisioningException(ProvisioningException.Reason.NO_QUOTA, ProvisioningStep.ENTITLEMENT, sub,
                        req.instanceName().value(), "the service refused the assignment for lack of quota: "
                        + e.errorMessage().orElse(e.getMessage()), run.completedSteps(), null);
            }
            throw e;
        }
        assignment.awaitCompletion(guard.remaining(), run.pollListener());
        run.memory().confirmEntitlement(sub);
        return assigned.asDone();
    }

    @Override
    public Optional<CatalogIds> awaitPlan(Supplier<Optional<CatalogIds>> lookUp) {
        ServiceManagerClient sm = run.serviceManager();
        String awaited = "plan " + PLAN + " of " + SERVICE + " to appear in the subaccount's Service Manager";
        CatalogIds ids = sm.poller(guard.remaining(), run.pollListener()).<CatalogIds>poll(awaited, () -> lookUp.get()
                .map(found -> PollResponse.succeeded("visible", found))
                .orElseGet(() -> PollResponse.inProgress("not visible (is the subaccount entitled?)")))
                .value().orElseThrow();
        run.memory().rememberCatalog(sm.endpoint(), req.subaccountId(), ids);
        return Optional.of(ids);
    }

    // ---------------------------------------------------------------- instance

    @Override
    public Optional<StepReport> createInstance(XsSecurityParams desired, int conflictsSoFar, Change created) {
        ServiceManagerClient sm = run.serviceManager();
        String planId = run.catalog().planId();
        String what = "create service instance " + req.instanceName();
        BooleanSupplier listed = () -> {
            run.forgetNamed();
            return run.named().stream().anyMatch(i -> i.servicePlanId().map(planId::equals).orElse(true));
        };
        if (conflictsSoFar > 0 && guard.appearsAfterConflict(conflictsSoFar, what, listed)) {
            return Optional.empty();
        }
        Optional<LongRunningOperation<ServiceInstance>> op = guard.submitCreate(what,
                () -> sm.submitCreateInstance(req.instanceName().value(), planId, Json.mapper().valueToTree(desired),
                        InstanceParameters.labels(req, desired, true, true)), listed);
        run.forgetNamed();
        if (op.isEmpty()) {
            return Optional.empty();
        }
        op.get().awaitCompletion(guard.remaining(), run.pollListener());
        Optional<String> id = op.get().resourceId();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ServiceInstance instance = readInstance(id.get());
        run.useInstance(instance, true);
        return Optional.of(created.asDone(instance.id()));
    }

    @Override
    public Optional<StepReport> awaitInstance(ServiceInstance instance, LastOperation running, StepReport planned) {
        ServiceManagerClient sm = run.serviceManager();
        String what = running.type().value() + " of service instance " + instance.name() + " (" + instance.id()
                + ", started elsewhere)";
        if (running.id().isPresent()) {
            sm.operation(what, ServiceManagerClient.INSTANCES, instance.id(), running.id().get())
                    .awaitCompletion(guard.remaining(), run.pollListener());
        } else {
            deletions.waitForIdleInstance(instance.id());
        }
        return Optional.empty();
    }

    @Override
    public Optional<StepReport> deleteFailedInstance(ServiceInstance instance, String why, StepReport planned) {
        LOG.warn("Instance {} ({}) failed to create ({}); deleting it to create it again", req.instanceName(),
                instance.id(), why);
        deletions.deleteInstance(instance);
        return Optional.empty();
    }

    @Override
    public StepReport updateInstance(ServiceInstance instance, JsonNode parameters, List<LabelChange> labels,
            Change updated) {
        ServiceManagerClient sm = run.serviceManager();
        String what = "update service instance " + instance.id();
        if (updated.warning() != null) {
            LOG.warn(updated.warning());
        }
        int attempt = 0;
        while (true) {
            attempt++;
            guard.checkDeadline();
            try {
                sm.submitUpdateInstance(instance.id(), parameters, labels)
                        .awaitCompletion(guard.remaining(), run.pollListener());
                run.forgetNamed();
                run.useInstance(readInstance(instance.id()), false);
                return updated.asDone();
            } catch (ConcurrentOperationException e) {
                LOG.info("{}: another operation is running (422); waiting for it", what);
                deletions.waitForIdleInstance(instance.id());
            } catch (RateLimitedException e) {
                guard.pause(e.retryAfter().orElse(run.settings().retryPolicy().backoff(attempt)),
                        what + " (rate limited)");
            }
        }
    }

    private ServiceInstance readInstance(String id) {
        return run.serviceManager().findInstance(id).orElseThrow(() -> new CalmClientException("instance " + id
                + " was created but cannot be read back"));
    }

    // ---------------------------------------------------------------- binding

    @Override
    public Optional<StepReport> createBinding(String name, int conflictsSoFar, Change created) {
        ServiceManagerClient sm = run.serviceManager();
        String instanceId = run.instance().id();
        String what = "create service binding " + name;
        if (conflictsSoFar > 0 && guard.appearsAfterConflict(conflictsSoFar, what, () -> !run.bindingsNamed(name).isEmpty())) {
            return Optional.empty();
        }
        Labels labels = Labels.of(req.labels().asMap())
                .with(CloudAlmProvisioner.LABEL_MANAGED, CloudAlmProvisioner.MANAGED_VALUE)
                .with(CloudAlmProvisioner.LABEL_BINDING, req.bindingName().value());
        Optional<LongRunningOperation<ServiceBinding>> op = guard.submitCreate(what,
                () -> sm.submitCreateBinding(instanceId, name, req.bindingParametersJson(), labels),
                () -> !run.bindingsNamed(name).isEmpty());
        if (op.isEmpty()) {
            return Optional.empty();
        }
        op.get().awaitCompletion(guard.remaining(), run.pollListener());
        Optional<ServiceBinding> binding = op.get().resourceId().flatMap(sm::findBinding);
        if (binding.isEmpty()) {
            return Optional.empty();
        }
        run.useBinding(binding.get(), keyOf(binding.get()));
        return Optional.of(created.asDone(binding.get().id()));
    }

    @Override
    public Optional<StepReport> awaitBinding(ServiceBinding binding, LastOperation running, StepReport planned) {
        ServiceManagerClient sm = run.serviceManager();
        String what = "create service binding " + binding.name() + " (" + binding.id() + ", started elsewhere)";
        if (running.id().isPresent()) {
            sm.operation(what, ServiceManagerClient.BINDINGS, binding.id(), running.id().get())
                    .awaitCompletion(guard.remaining(), run.pollListener());
        } else {
            guard.pause(run.settings().pollingOptions().initialDelay(), what);
        }
        return Optional.empty();
    }

    @Override
    public Optional<StepReport> deleteFailedBinding(ServiceBinding binding, StepReport planned) {
        LastOperation last = binding.lastOperation().orElse(null);
        LOG.warn("Binding {} ({}) failed to create ({}); deleting it to create it again", binding.name(),
                binding.id(), last == null ? "not ready" : last.errorSummary());
        deletions.deleteBinding(binding);
        return Optional.empty();
    }

    @Override
    public Optional<StepReport> useBinding(ServiceBinding binding, Change reused) {
        ServiceBinding withCredentials = binding.credentials().filter(c -> !c.isEmpty()).isPresent() ? binding
                : run.serviceManager().findBinding(binding.id()).orElse(null);
        if (withCredentials == null) {
            return Optional.empty(); // deleted in between: look again
        }
        run.useBinding(withCredentials, keyOf(withCredentials));
        return Optional.of(reused.asDone());
    }

    private static ServiceKey keyOf(ServiceBinding b) {
        return b.credentials().filter(c -> !c.isEmpty()).orElseThrow(() -> new CalmClientException("binding "
                + b.id() + " has no credentials")).asServiceKey();
    }
}
