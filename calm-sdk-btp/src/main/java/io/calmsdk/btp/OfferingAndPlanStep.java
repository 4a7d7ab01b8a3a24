package io.calmsdk.btp;

import static io.calmsdk.btp.EntitlementStep.PLAN;
import static io.calmsdk.btp.EntitlementStep.OFFERING_NAMES;
import static io.calmsdk.btp.EntitlementStep.SERVICE;

import io.calmsdk.core.model.ServiceInstance;
import io.calmsdk.core.model.ServiceOffering;
import io.calmsdk.core.model.ServicePlan;
import java.util.List;
import java.util.Optional;

/**
 * Step 2: the ids of the Cloud ALM API offering and plan in the subaccount's Service Manager. Cached
 * per provisioner; taken from an instance calm-sdk created when there is one; otherwise looked up,
 * waiting for the plan to appear after a fresh entitlement.
 */
final class OfferingAndPlanStep implements Step {

    @Override
    public ProvisioningStep kind() {
        return ProvisioningStep.OFFERING_AND_PLAN;
    }

    @Override
    public StepReport run(Reconciliation run) {
        if (!run.hasServiceManager()) {
            return StepReport.of(StepResult.Outcome.UNCHANGED, "not looked up: the subaccount has no Service Manager binding"
                    + " yet", null);
        }
        ServiceManagerClient sm = run.serviceManager();
        String sub = run.request().subaccountId();
        CatalogIds cached = run.memory().catalogIds(sm.endpoint(), sub);
        if (cached != null) {
            run.useCatalog(cached);
            return StepReport.of(StepResult.Outcome.UNCHANGED, "plan " + PLAN + " (cached)", cached.planId());
        }
        Optional<ServiceInstance> own = run.ownInstanceWithoutWrites();
        if (own.isPresent() && own.get().servicePlanId().isPresent()) {
            CatalogIds ids = new CatalogIds(null, own.get().servicePlanId().get(), true);
            run.memory().rememberCatalog(sm.endpoint(), sub, ids);
            run.useCatalog(ids);
            return StepReport.of(StepResult.Outcome.UNCHANGED, "plan of instance " + own.get().id() + " created by calm-sdk",
                    ids.planId());
        }
        Optional<CatalogIds> found = run.writes().awaitPlan(() -> lookUp(sm));
        if (found.isEmpty()) {
            return StepReport.of(StepResult.Outcome.UNCHANGED, "plan " + PLAN + " not visible yet: it appears once the"
                    + " subaccount is entitled", null);
        }
        run.useCatalog(found.get());
        return StepReport.of(StepResult.Outcome.UNCHANGED, "found plan " + PLAN + " of " + SERVICE, found.get().planId());
    }

    static Optional<CatalogIds> lookUp(ServiceManagerClient sm) {
        Optional<ServiceOffering> offering = findOffering(sm);
        if (offering.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServicePlan> plan = sm.findPlan(offering.get().id(), PLAN);
        return plan.map(p -> new CatalogIds(offering.get().id(), p.id(),
                offering.get().instancesRetrievable().orElse(true)));
    }

    /** The offering under its technical name, else under its older name: one request for both. */
    private static Optional<ServiceOffering> findOffering(ServiceManagerClient sm) {
        StringBuilder in = new StringBuilder("catalog_name in (");
        for (int i = 0; i < OFFERING_NAMES.length; i++) {
            in.append(i == 0 ? "" : ",").append(ListQuery.literal(OFFERING_NAMES[i]));
        }
        List<ServiceOffering> found = sm.listOfferings(ListQuery.builder().fieldExpression(in.append(')').toString())
                .build()).stream().toList();
        for (String name : OFFERING_NAMES) {
            for (ServiceOffering o : found) {
                if (name.equals(o.catalogName().orElse(o.name()))) {
                    return Optional.of(o);
                }
            }
        }
        return Optional.empty();
    }
}
