package io.calmsdk.btp;

import static io.calmsdk.btp.EntitlementStep.PLAN;
import static io.calmsdk.btp.EntitlementStep.SERVICE;

import io.calmsdk.btp.Writes.Change;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.model.LastOperation;
import io.calmsdk.core.model.OperationType;
import io.calmsdk.core.model.ServiceInstance;
import io.calmsdk.core.model.XsSecurityParams;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3: exactly one instance of the request's name and plan, with the requested parameters. Found by
 * name and plan (ours first, then ready, then oldest: every caller chooses the same); absent: created;
 * busy: waited for; failed to create: replaced; otherwise its parameters are reconciled by {@link
 * InstanceParameters}. Never creates a second instance. Keeps the state of its retries: one per run.
 */
final class InstanceStep implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(CloudAlmProvisioner.class);
    /** After this many conflicting creates with an instance of the name in the way, the name is taken. */
    private static final int CONFLICTS_BEFORE_NAME_TAKEN = 3;

    private String replaced;
    private int conflicts;

    @Override
    public ProvisioningStep kind() {
        return ProvisioningStep.INSTANCE;
    }

    @Override
    public StepReport run(Reconciliation run) {
        if (!run.hasServiceManager() || run.catalog() == null) {
            return StepReport.of(StepResult.Outcome.CREATED, "would create instance " + run.request().instanceName()
                    + " once the plan is visible", null);
        }
        while (true) {
            run.guard().checkDeadline();
            Optional<StepReport> report = lookOnce(run);
            if (report.isPresent()) {
                return report.get();
            }
            run.forgetNamed();
        }
    }

    /** One look at the instances and the one write it calls for; empty: look again. */
    private Optional<StepReport> lookOnce(Reconciliation run) {
        BindingRequest req = run.request();
        String planId = run.catalog().planId();
        List<ServiceInstance> candidates = run.named().stream()
                .filter(i -> i.servicePlanId().map(planId::equals).orElse(true))
                .collect(Collectors.toList());
        if (candidates.isEmpty()) {
            XsSecurityParams desired = req.xsSecurity();
            if (conflicts >= CONFLICTS_BEFORE_NAME_TAKEN && !run.named().isEmpty()) {
                throw new CalmClientException("an instance named " + req.instanceName() + " exists in subaccount "
                        + req.subaccountId() + " but not of plan " + PLAN + " of " + SERVICE + " (its plan: "
                        + run.named().stream().map(i -> i.servicePlanId().orElse("?")).distinct()
                        .collect(Collectors.joining(", ")) + "); choose another instance name");
            }
            return run.writes().createInstance(desired, conflicts++, Change.of(StepResult.Outcome.CREATED, null,
                    (replaced == null ? "created" : "replaced " + replaced + " with") + " instance "
                            + req.instanceName() + " (xsappname " + desired.xsappname() + ")",
                    "would create instance " + req.instanceName() + " with xsappname " + desired.xsappname()));
        }
        ServiceInstance chosen = choose(candidates);
        if (candidates.size() > 1) {
            LOG.warn("{} instances named {} of plan {} exist in subaccount {}: using {}; calm-sdk never creates"
                    + " another", candidates.size(), req.instanceName(), planId, req.subaccountId(), chosen.id());
        }
        LastOperation last = chosen.lastOperation().orElse(null);
        if (last != null && !last.isTerminal()) {
            return run.writes().awaitInstance(chosen, last, StepReport.of(StepResult.Outcome.UNCHANGED, "instance "
                    + chosen.id() + " has a " + last.type().value() + " operation in progress", chosen.id()));
        }
        if (failedCreate(chosen, last)) {
            String why = last == null ? "it is not ready" : last.errorSummary();
            replaced = "instance " + chosen.id() + " whose creation had failed";
            return run.writes().deleteFailedInstance(chosen, why, StepReport.of(StepResult.Outcome.CREATED,
                    "would replace instance " + chosen.id() + " whose creation failed (" + why + ")", chosen.id()));
        }
        return Optional.of(new InstanceParameters(run, chosen, last).reconcile());
    }

    private static boolean failedCreate(ServiceInstance i, LastOperation last) {
        if (last != null && last.isFailed() && OperationType.CREATE.equals(last.type())) {
            return true;
        }
        return last != null && last.isTerminal() && !i.ready().orElse(true) && !OperationType.DELETE.equals(last.type());
    }

    /** Ours first, then ready ones, then the oldest: the choice every caller makes the same way. */
    private static ServiceInstance choose(List<ServiceInstance> candidates) {
        return candidates.stream().min(Comparator
                .comparing((ServiceInstance i) -> !CloudAlmProvisioner.isManaged(i.labels()))
                .thenComparing(i -> !i.ready().orElse(false))
                .thenComparing(i -> i.createdAt().orElse(Instant.MAX))
                .thenComparing(ServiceInstance::id)).orElseThrow();
    }
}
