package io.calmsdk.btp;

import static io.calmsdk.btp.EntitlementStep.PLAN;
import static io.calmsdk.btp.EntitlementStep.SERVICE;

import io.calmsdk.core.model.ServiceBinding;
import io.calmsdk.core.model.ServiceInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps that take things away: the request's bindings, then its instance (kept while other
 * bindings use it), then optionally the entitlement; and the retirement of the old bindings at the end
 * of a rotation. What is already gone counts as done. Only ever live.
 */
final class Deprovisioning {

    private final List<ServiceInstance> targets = new ArrayList<>();

    private Deprovisioning() {
    }

    /** Runs the steps of {@code deprovision} in order. */
    static void run(Reconciliation run, boolean removeEntitlement) {
        Deprovisioning d = new Deprovisioning();
        run.run(Step.of(ProvisioningStep.BINDING, d::deleteBindings));
        run.run(Step.of(ProvisioningStep.INSTANCE, d::deleteInstances));
        run.memory().forgetEntitlement(run.request().subaccountId());
        if (removeEntitlement) {
            run.run(Step.of(ProvisioningStep.ENTITLEMENT, Deprovisioning::removeEntitlement));
        } else {
            run.skipped(ProvisioningStep.ENTITLEMENT, "entitlement kept");
        }
    }

    /** The step that deletes the bindings a rotation replaced; their ids go to {@code retired}. */
    static Step retire(List<ServiceBinding> old, List<String> retired) {
        return Step.of(ProvisioningStep.BINDING, run -> {
            run.hasServiceManager();
            Deletions deletions = new Deletions(run);
            for (ServiceBinding b : old) {
                deletions.deleteBinding(b);
                retired.add(b.id());
            }
            return StepReport.of(retired.isEmpty() ? StepResult.Outcome.UNCHANGED : StepResult.Outcome.DELETED,
                    retired.isEmpty() ? "no old binding to retire" : "retired old binding(s) " + retired, null);
        });
    }

    private StepReport deleteBindings(Reconciliation run) {
        run.hasServiceManager();
        ServiceManagerClient sm = run.serviceManager();
        String planId = Optional.ofNullable(run.memory().catalogIds(sm.endpoint(), run.request().subaccountId()))
                .map(CatalogIds::planId).orElse(null);
        for (ServiceInstance i : run.named()) {
            if (planId == null || i.servicePlanId().map(planId::equals).orElse(true)) {
                targets.add(i);
            }
        }
        Deletions deletions = new Deletions(run);
        int deleted = 0;
        for (ServiceInstance i : targets) {
            for (ServiceBinding b : run.logicalBindings(i.id())) {
                deletions.deleteBinding(b);
                deleted++;
            }
        }
        return StepReport.of(deleted == 0 ? StepResult.Outcome.UNCHANGED : StepResult.Outcome.DELETED, deleted == 0
                ? "no binding named " + run.request().bindingName() : "deleted " + deleted + " binding(s)", null);
    }

    private StepReport deleteInstances(Reconciliation run) {
        if (targets.isEmpty()) {
            return StepReport.of(StepResult.Outcome.UNCHANGED, "no instance named " + run.request().instanceName(), null);
        }
        Deletions deletions = new Deletions(run);
        List<String> deleted = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (ServiceInstance i : targets) {
            List<ServiceBinding> others = run.serviceManager().listBindings(ListQuery.builder()
                    .field("service_instance_id", i.id()).build()).stream().toList();
            if (!others.isEmpty()) {
                kept.add(i.id() + " (" + others.size() + " other binding(s))");
                continue;
            }
            deletions.deleteInstance(i);
            deleted.add(i.id());
        }
        if (deleted.isEmpty()) {
            return StepReport.of(StepResult.Outcome.SKIPPED, "kept instance " + kept + ": other bindings use it", null);
        }
        return StepReport.of(StepResult.Outcome.DELETED, "deleted instance(s) " + deleted
                + (kept.isEmpty() ? "" : "; kept " + kept), deleted.get(0));
    }

    private static StepReport removeEntitlement(Reconciliation run) {
        String sub = run.request().subaccountId();
        EntitlementsClient entitlements = run.entitlements();
        LongRunningOperation<Void> removal = entitlements.unassign(sub, SERVICE, PLAN);
        if (removal.operationId().isEmpty() && entitlements.findAssignment(sub, SERVICE, PLAN).isEmpty()) {
            return StepReport.of(StepResult.Outcome.UNCHANGED, "plan was not assigned", sub);
        }
        if (removal.status().isTerminal()) {
            // Nothing was assigned when unassign looked, but an assignment is there now: wait until it is gone.
            removal = entitlements.removal(sub, SERVICE, PLAN, "assigned meanwhile", null);
        }
        removal.awaitCompletion(run.guard().remaining(), run.pollListener());
        return StepReport.of(StepResult.Outcome.DELETED, "removed " + SERVICE + "/" + PLAN + " from the subaccount", sub);
    }
}
