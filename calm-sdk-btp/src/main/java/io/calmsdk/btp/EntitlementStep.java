package io.calmsdk.btp;

import io.calmsdk.btp.Writes.Change;
import io.calmsdk.core.model.AssignmentInfo;
import io.calmsdk.core.model.EntitledServicePlan;
import io.calmsdk.core.model.EntitlementAssignments;
import io.calmsdk.core.model.EntityState;
import io.calmsdk.core.model.PlanCategory;
import io.calmsdk.core.model.ServiceInstance;
import java.util.Locale;
import java.util.Optional;

/**
 * Step 1: the subaccount is entitled to the Cloud ALM API plan. Proven without a read where possible
 * (confirmed earlier, or an instance calm-sdk created); otherwise the assignment is read, and assigned
 * when missing. No entitlement or no quota in the global account fails before anything is created.
 */
final class EntitlementStep implements Step {

    static final String SERVICE = BindingRequest.SERVICE_NAME;
    static final String PLAN = BindingRequest.PLAN_NAME;
    /**
     * The offering's technical name and the older name one SAP sample gives it ({@code cf create-service
     * sap-cloud-alm-api standard}), in order of preference.
     */
    static final String[] OFFERING_NAMES = {SERVICE, "sap-cloud-alm-api"};

    @Override
    public ProvisioningStep kind() {
        return ProvisioningStep.ENTITLEMENT;
    }

    @Override
    public StepReport run(Reconciliation run) {
        BindingRequest req = run.request();
        if (req.skipEntitlement()) {
            return StepReport.of(StepResult.Outcome.SKIPPED, "skipped by the request", null);
        }
        String sub = req.subaccountId();
        if (run.memory().entitlementConfirmed(sub)) {
            return StepReport.of(StepResult.Outcome.UNCHANGED, "confirmed earlier by this provisioner", sub);
        }
        Optional<ServiceInstance> own = run.ownInstanceWithoutWrites();
        if (own.isPresent()) {
            run.memory().confirmEntitlement(sub);
            return StepReport.of(StepResult.Outcome.UNCHANGED, "implied by instance " + own.get().id() + " created by calm-sdk",
                    sub);
        }
        EntitlementAssignments assignments = run.entitlements().getAssignments(sub, SERVICE, PLAN);
        Optional<AssignmentInfo> assignment = EntitlementsClient.assignmentIn(assignments, sub, SERVICE, PLAN);
        if (assignment.isPresent()) {
            EntityState state = assignment.get().entityState().orElse(EntityState.OK);
            if (state.isOk() && !removed(assignment.get(), assignments)) {
                run.memory().confirmEntitlement(sub);
                return StepReport.of(StepResult.Outcome.UNCHANGED, SERVICE + "/" + PLAN + " already assigned", sub);
            }
            if (state.isPending()) {
                return run.writes().awaitAssignment(Change.of(StepResult.Outcome.UNCHANGED, sub,
                        "waited for an assignment started elsewhere",
                        "an assignment is in progress (" + state.value() + ")"));
            }
        }
        EntitledServicePlan plan = entitledPlan(assignments).orElseThrow(() -> new ProvisioningException(
                ProvisioningException.Reason.NOT_ENTITLED, ProvisioningStep.ENTITLEMENT, sub, req.instanceName().value(),
                "the global account has no entitlement for " + SERVICE + "/" + PLAN
                        + "; add the service plan to the global account (SAP Cloud ALM comes with it) and try again",
                run.completedSteps(), null));
        if (!plan.hasRemainingQuota()) {
            throw new ProvisioningException(ProvisioningException.Reason.NO_QUOTA, ProvisioningStep.ENTITLEMENT, sub,
                    req.instanceName().value(), "the global account's quota of " + SERVICE + "/" + PLAN
                    + " is used up (" + plan.amount().map(EntitlementStep::amount).orElse("?") + " assigned elsewhere,"
                    + " 0 remaining); free a unit in another subaccount or increase the quota", run.completedSteps(),
                    null);
        }
        PlanCategory category = plan.category().orElse(PlanCategory.SERVICE);
        String how = category.assignmentMode().map(m -> m.name().toLowerCase(Locale.ROOT)).orElse("amount");
        return run.writes().assign(plan, category, Change.of(StepResult.Outcome.CREATED, sub,
                "assigned " + SERVICE + "/" + plan.name() + " (" + how + ")",
                "would assign " + SERVICE + "/" + PLAN + " (" + how + ")"));
    }

    /** An amount of 0 means "removed" for quota plans only; plans assigned with enable carry no amount. */
    private static boolean removed(AssignmentInfo a, EntitlementAssignments assignments) {
        boolean enableMode = entitledPlan(assignments).flatMap(EntitledServicePlan::category)
                .flatMap(PlanCategory::assignmentMode).map(m -> m == PlanCategory.AssignmentMode.ENABLE).orElse(false);
        return !enableMode && a.amount().map(x -> x == 0).orElse(false)
                && a.requestedAmount().map(x -> x == 0).orElse(true);
    }

    private static String amount(Double d) {
        return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    }

    private static Optional<EntitledServicePlan> entitledPlan(EntitlementAssignments a) {
        for (String name : OFFERING_NAMES) {
            Optional<EntitledServicePlan> plan = a.entitledPlan(name, PLAN);
            if (plan.isPresent()) {
                return plan;
            }
        }
        return Optional.empty();
    }
}
