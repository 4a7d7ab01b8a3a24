package io.calmsdk.btp;

import io.calmsdk.core.internal.text.HumanDuration;
import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.btp.internal.Deadline;
import io.calmsdk.btp.internal.KeyedLocks;
import io.calmsdk.btp.internal.RequestStats;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.ServiceBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations of {@link CloudAlmProvisioner} as sequences of steps: {@code ensure} and {@code plan}
 * run the same five steps, live or dry; {@code rotate} runs them with a new binding and later retires
 * the old ones; {@code deprovision} runs the steps that take things away. Calls for the same
 * subaccount and instance name run one after the other in this JVM. Holds what every call shares: the
 * settings, the listener, the clients and what the provisioner remembers. Thread-safe.
 */
final class Provisioning {

    private static final Logger LOG = LoggerFactory.getLogger(CloudAlmProvisioner.class);

    private final ClientSettings settings;
    private final ProvisioningListener listener;
    private final EntitlementsClient entitlements;
    private final ServiceManagers serviceManagers;
    private final ProvisionerMemory memory = new ProvisionerMemory();
    private final KeyedLocks<String> locks = new KeyedLocks<>();

    /** The Entitlements client is {@code null} when the provisioner has no Cloud Management key. */
    Provisioning(ClientSettings settings, ProvisioningListener listener, EntitlementsClient entitlements,
            ServiceManagers serviceManagers) {
        this.settings = settings;
        this.listener = listener;
        this.entitlements = entitlements;
        this.serviceManagers = serviceManagers;
    }

    ProvisioningResult ensure(BindingRequest request) {
        return underLock(request, (deadline, stats) -> {
            Reconciliation run = Reconciliation.live(this, request, deadline, stats);
            runEnsureSteps(run, BindingStep.ensure());
            return run.result();
        });
    }

    ProvisioningPlan plan(BindingRequest request) {
        Deadline deadline = Deadline.start(settings.clock(), request.timeout());
        RequestStats stats = new RequestStats();
        return stats.during(() -> {
            Reconciliation run = Reconciliation.dryRun(this, request, deadline, stats);
            runEnsureSteps(run, BindingStep.ensure());
            return run.plan();
        });
    }

    /**
     * A new binding under the lock, the grace period outside it (so that {@code ensure} calls meanwhile
     * get the new binding), then the old bindings retired under the lock again.
     */
    RotationResult rotate(BindingRequest request, Duration grace) {
        List<StepResult> steps = new ArrayList<>();
        List<ServiceBinding> old = new ArrayList<>();
        int[] requests = new int[2]; // reads and writes of both halves
        ProvisioningResult created = underLock(request, (deadline, stats) -> {
            Reconciliation run = Reconciliation.live(this, request, deadline, stats);
            runEnsureSteps(run, Step.of(ProvisioningStep.BINDING, r -> {
                old.addAll(r.logicalBindings(r.instance().id()));
                return BindingStep.rotate(request, settings.clock()).run(r);
            }));
            steps.addAll(run.completedSteps());
            requests[0] = stats.reads();
            requests[1] = stats.writes();
            return run.result();
        });
        if (!grace.isZero()) {
            try {
                listener.onGracePeriodStarted(request, created, grace);
            } catch (RuntimeException e) {
                LOG.warn("The provisioning listener failed; ignored: {}", e.toString());
            }
            LOG.info("Rotated binding {} of instance {}: new binding {}; deleting {} old binding(s) after {}",
                    request.bindingName(), request.instanceName(), created.binding().name(), old.size(),
                    HumanDuration.of(grace));
            try {
                settings.sleeper().sleep(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CalmClientException("interrupted during the grace period of the rotation of "
                        + request.bindingName() + "; the old binding(s) were not deleted", e);
            }
        }
        List<String> retired = new ArrayList<>();
        underLock(request, (deadline, stats) -> {
            Reconciliation run = Reconciliation.live(this, request, deadline, stats);
            run.run(Deprovisioning.retire(old, retired));
            steps.addAll(run.completedSteps());
            requests[0] += stats.reads();
            requests[1] += stats.writes();
            return retired;
        });
        return new RotationResult(new ProvisioningResult(request, created.serviceKey(), created.instance(),
                created.binding(), steps, requests[0], requests[1], created.elapsed()), retired);
    }

    DeprovisioningResult deprovision(BindingRequest request, boolean removeEntitlement) {
        return underLock(request, (deadline, stats) -> {
            Reconciliation run = Reconciliation.live(this, request, deadline, stats);
            Deprovisioning.run(run, removeEntitlement);
            return run.deprovisioningResult();
        });
    }

    /**
     * {@link #ensure} for many requests, at most {@code concurrency} at a time; each gets its own
     * outcome and one failure does not stop the others.
     */
    List<ProvisioningResult.Outcome> ensureAll(List<BindingRequest> list, int concurrency) {
        serviceManagers.requireOneSubaccountPerKey(list.stream().map(BindingRequest::subaccountId).toList());
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, list.size()), r -> {
            Thread t = new Thread(r, "calm-sdk-provisioner-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ProvisioningResult.Outcome>> futures = new ArrayList<>();
            for (BindingRequest request : list) {
                futures.add(pool.submit(() -> {
                    try {
                        return new ProvisioningResult.Outcome(request, ensureValid(request), null);
                    } catch (RuntimeException e) {
                        if (Thread.currentThread().isInterrupted()) {
                            // Stopped on purpose (the caller was interrupted): not a failure of this subaccount.
                            LOG.info("Provisioning {} in subaccount {} was interrupted", request.instanceName(),
                                    request.subaccountId());
                        } else {
                            LOG.warn("Provisioning {} in subaccount {} failed: {}", request.instanceName(),
                                    request.subaccountId(), e.getMessage());
                        }
                        return new ProvisioningResult.Outcome(request, null, e);
                    }
                }));
            }
            List<ProvisioningResult.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    outcomes.add(new ProvisioningResult.Outcome(list.get(i), null, cause instanceof RuntimeException
                            ? (RuntimeException) cause : new CalmClientException("provisioning failed", cause)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(f -> f.cancel(true));
                    throw new CalmClientException("interrupted while provisioning " + list.size() + " requests", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private ProvisioningResult ensureValid(BindingRequest request) {
        validate(request);
        return ensure(request);
    }

    /** Fails, before any call, a request this provisioner's keys cannot serve. */
    void validate(BindingRequest request) {
        Objects.requireNonNull(request, "request");
        if (!request.skipEntitlement() && entitlements == null) {
            throw new ValidationException("skipEntitlement", "is false but the provisioner has no Cloud Management key",
                    "skipEntitlement(true), or build the provisioner with credentials(CisKey)");
        }
        if (!serviceManagers.canServe(request.subaccountId())) {
            throw new ValidationException("subaccountId", "has no Service Manager key in this provisioner",
                    "a subaccount given with credentials(subaccountId, key), or a provisioner with a default"
                            + " Service Manager key, or a Cloud Management key with accounts_service_url (one-key mode)");
        }
    }

    private static void runEnsureSteps(Reconciliation run, Step binding) {
        run.run(new EntitlementStep());
        run.run(new OfferingAndPlanStep());
        run.run(new InstanceStep());
        run.run(binding);
        run.run(new VerifyStep());
    }

    private <T> T underLock(BindingRequest request, BiFunction<Deadline, RequestStats, T> work) {
        Deadline deadline = Deadline.start(settings.clock(), request.timeout());
        Optional<KeyedLocks<String>.Held> held;
        try {
            // Real time, not the injected clock: this waits for another thread of this JVM, not for a service.
            held = locks.tryLock(request.lockKey(), request.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalmClientException("interrupted while waiting for another call on " + request.instanceName()
                    + " in subaccount " + request.subaccountId(), e);
        }
        if (held.isEmpty()) {
            throw new CalmTimeoutException("another call for instance " + request.instanceName() + " in subaccount "
                    + request.subaccountId() + " in this JVM did not finish within " + HumanDuration.of(request.timeout()),
                    request.timeout(), null);
        }
        try {
            RequestStats stats = new RequestStats();
            return stats.during(() -> work.apply(deadline, stats));
        } finally {
            held.get().close();
        }
    }

    ClientSettings settings() {
        return settings;
    }

    ProvisioningListener listener() {
        return listener;
    }

    EntitlementsClient entitlements() {
        return entitlements;
    }

    ServiceManagers serviceManagers() {
        return serviceManagers;
    }

    ProvisionerMemory memory() {
        return memory;
    }
}
