package io.calmsdk.btp;

import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.btp.internal.Deadline;
import io.calmsdk.btp.internal.RequestStats;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.core.internal.polling.PollListener;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.LastOperation;
import io.calmsdk.core.model.ServiceBinding;
import io.calmsdk.core.model.ServiceInstance;
import io.calmsdk.core.model.ServiceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation of a {@link BindingRequest}: runs steps in the order an entry point of {@link
 * Provisioning} gives, tells the listener, and keeps what the steps find for the steps after them.
 * Whether it changes anything depends only on its {@link Writes}. Used by one thread, once.
 */
final class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(CloudAlmProvisioner.class);

    private final Provisioning provisioning;
    private final BindingRequest request;
    private final Deadline deadline;
    private final RequestStats stats;
    private final CreateGuard guard;
    private final Writes writes;
    private final List<StepResult> steps = new ArrayList<>();
    private ProvisioningStep current;
    private ServiceManagerClient serviceManager;
    private boolean serviceManagerLookedUp;
    private List<ServiceInstance> named;
    private CatalogIds catalog;
    private ServiceInstance instance;
    private boolean instanceCreatedNow;
    private ServiceBinding binding;
    private ServiceKey key;

    private Reconciliation(Provisioning provisioning, BindingRequest request, Deadline deadline, RequestStats stats,
            Function<Reconciliation, Writes> writes) {
        this.provisioning = provisioning;
        this.request = request;
        this.deadline = deadline;
        this.stats = stats;
        this.guard = new CreateGuard(deadline, provisioning.settings());
        this.writes = writes.apply(this);
    }

    /** A reconciliation that makes the changes. */
    static Reconciliation live(Provisioning provisioning, BindingRequest request, Deadline deadline, RequestStats stats) {
        return new Reconciliation(provisioning, request, deadline, stats, LiveWrites::new);
    }

    /** A reconciliation that only reads and reports what it would change. */
    static Reconciliation dryRun(Provisioning provisioning, BindingRequest request, Deadline deadline,
            RequestStats stats) {
        return new Reconciliation(provisioning, request, deadline, stats, DryRunWrites::new);
    }

    // ---------------------------------------------------------------- running steps

    /**
     * Runs a step: tells the listener, records the result, and turns a core failure into a {@link
     * ProvisioningException} naming the step and the steps done before it.
     */
    void run(Step step) {
        ProvisioningStep kind = step.kind();
        current = kind;
        notify(listener -> listener.onStepStarted(request, kind));
        Instant start = clock();
        try {
            guard.checkDeadline();
            StepReport report = step.run(this);
            StepResult result = StepResult.of(kind, report.outcome(), report.detail(), report.resourceId(),
                    Duration.between(start, clock()));
            steps.add(result);
            LOG.debug("{} {}: {}", request.instanceName(), kind.words(), result);
            notify(listener -> listener.onStepFinished(request, result));
        } catch (ProvisioningException | ValidationException e) {
            // A refused input (e.g. a key of another subaccount) is the caller's to fix, as it is before any step.
            evictIfRefused(e);
            notify(listener -> listener.onStepFailed(request, kind, e));
            throw e;
        } catch (CalmException e) {
            evictIfRefused(e);
            ProvisioningException failure = new ProvisioningException(kind, request.subaccountId(),
                    request.instanceName().value(), e.getMessage(), steps, e);
            notify(listener -> listener.onStepFailed(request, kind, failure));
            throw failure;
        }
    }

    /** Steps report progress (polls) through this; it names the step running now. */
    PollListener pollListener() {
        ProvisioningStep step = current;
        return poll -> {
            ProvisioningListener.Progress progress = ProvisioningListener.Progress.of(poll.awaited(), poll.attempt(),
                    poll.state(), poll.elapsed());
            notify(listener -> listener.onStepProgress(request, step, progress));
        };
    }

    private void evictIfRefused(RuntimeException failure) {
        if (serviceManager != null) {
            provisioning.serviceManagers().evictIfRefused(request.subaccountId(), serviceManager, failure);
        }
    }

    private void notify(Consumer<ProvisioningListener> call) {
        try {
            call.accept(provisioning.listener());
        } catch (RuntimeException e) {
            LOG.warn("The provisioning listener failed; ignored: {}", e.toString());
        }
    }

    private Instant clock() {
        return settings().clock().instant();
    }

    // ---------------------------------------------------------------- results

    ProvisioningResult result() {
        return new ProvisioningResult(request, key, instance, binding, steps, stats.reads(), stats.writes(),
                deadline.elapsed());
    }

    ProvisioningPlan plan() {
        return new ProvisioningPlan(request, steps, stats.reads() + stats.writes());
    }

    DeprovisioningResult deprovisioningResult() {
        return new DeprovisioningResult(request, steps, stats.reads() + stats.writes(), deadline.elapsed());
    }

    /** The steps done so far; failures carry them. */
    List<StepResult> completedSteps() {
        return steps;
    }

    /** Records a step that was not run, e.g. the entitlement a deprovisioning keeps. */
    void skipped(ProvisioningStep kind, String why) {
        steps.add(StepResult.of(kind, StepResult.Outcome.SKIPPED, why, null, Duration.ZERO));
    }

    // ---------------------------------------------------------------- collaborators

    BindingRequest request() {
        return request;
    }

    Writes writes() {
        return writes;
    }

    CreateGuard guard() {
        return guard;
    }

    ClientSettings settings() {
        return provisioning.settings();
    }

    ProvisionerMemory memory() {
        return provisioning.memory();
    }

    EntitlementsClient entitlements() {
        return provisioning.entitlements();
    }

    ServiceManagers serviceManagers() {
        return provisioning.serviceManagers();
    }

    // ---------------------------------------------------------------- what the steps found

    /** Whether the subaccount has a Service Manager client; looked up once, through the writes. */
    boolean hasServiceManager() {
        if (serviceManager == null && !serviceManagerLookedUp) {
            serviceManager = writes.serviceManager().orElse(null);
            serviceManagerLookedUp = true;
            if (serviceManager != null) {
                // Before the first call with it: a key of another subaccount would list (and bind) that one's resources.
                provisioning.serviceManagers().requireKeyBelongsTo(request.subaccountId(), serviceManager);
            }
        }
        return serviceManager != null;
    }

    /** The Service Manager client; only after {@link #hasServiceManager()} said there is one. */
    ServiceManagerClient serviceManager() {
        return serviceManager;
    }

    /** The instances of the request's name, listed once until something changes them. */
    List<ServiceInstance> named() {
        if (named == null) {
            named = serviceManager.listInstances(ListQuery.builder().field("name", request.instanceName().value())
                    .build()).stream().collect(Collectors.toList());
            for (ServiceInstance i : named) {
                // The key's token did not say whose it is (or a proxy answers for another subaccount).
                i.subaccountId().filter(s -> !s.equalsIgnoreCase(request.subaccountId())).ifPresent(s -> {
                    throw ServiceManagers.keyOfAnotherSubaccount(request.subaccountId(), s, "the Service Manager"
                            + " key lists instance " + i.id() + " of subaccount " + s);
                });
            }
        }
        return named;
    }

    /** After a write on the instances: the next {@link #named()} lists them again. */
    void forgetNamed() {
        named = null;
    }

    /** An instance of the request's name that calm-sdk created, found without writing anything. */
    Optional<ServiceInstance> ownInstanceWithoutWrites() {
        if (serviceManager == null && !serviceManagers().available(request.subaccountId())) {
            return Optional.empty();
        }
        if (!hasServiceManager()) {
            return Optional.empty();
        }
        CatalogIds cached = memory().catalogIds(serviceManager.endpoint(), request.subaccountId());
        return named().stream()
                .filter(i -> CloudAlmProvisioner.isManaged(i.labels()))
                .filter(i -> cached == null || i.servicePlanId().map(cached.planId()::equals).orElse(true))
                .filter(i -> i.ready().orElse(false) && i.lastOperation().map(LastOperation::isTerminal).orElse(true))
                .findFirst();
    }

    /** The bindings of the request's binding name on an instance, including rotated ones (by label). */
    List<ServiceBinding> logicalBindings(String instanceId) {
        String name = request.bindingName().value();
        return serviceManager.listBindings(ListQuery.builder().field("service_instance_id", instanceId).build())
                .stream()
                .filter(b -> b.name().equals(name) || b.labels().values(CloudAlmProvisioner.LABEL_BINDING).contains(name))
                .collect(Collectors.toList());
    }

    /** The bindings of exactly this name on the run's instance. */
    List<ServiceBinding> bindingsNamed(String name) {
        return serviceManager.listBindings(ListQuery.builder().field("service_instance_id", instance.id())
                .field("name", name).build()).stream().collect(Collectors.toList());
    }

    CatalogIds catalog() {
        return catalog;
    }

    void useCatalog(CatalogIds ids) {
        this.catalog = ids;
    }

    ServiceInstance instance() {
        return instance;
    }

    boolean instanceCreatedNow() {
        return instanceCreatedNow;
    }

    void useInstance(ServiceInstance instance, boolean createdNow) {
        this.instance = instance;
        this.instanceCreatedNow = createdNow;
    }

    ServiceKey key() {
        return key;
    }

    void useBinding(ServiceBinding binding, ServiceKey key) {
        key.field("uaa", "subaccountid").filter(s -> !s.equalsIgnoreCase(request.subaccountId())).ifPresent(s -> {
            throw ServiceManagers.keyOfAnotherSubaccount(request.subaccountId(), s, "the key of binding "
                    + binding.name() + " (" + binding.id() + ") belongs to subaccount " + s);
        });
        this.binding = binding;
        this.key = key;
    }
}
