package io.calmsdk.btp;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.model.EntitledServicePlan;
import io.calmsdk.core.model.LabelChange;
import io.calmsdk.core.model.LastOperation;
import io.calmsdk.core.model.PlanCategory;
import io.calmsdk.core.model.ServiceBinding;
import io.calmsdk.core.model.ServiceInstance;
import io.calmsdk.core.model.XsSecurityParams;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The writes of a dry run ({@code plan}): none. Each one ends its step with what it would do, so a
 * plan stops every step at its first change and never waits; the only calls left are reads (the
 * subaccount's existing Service Manager binding, one look for the plan). An instance the real run
 * would keep (update it, or wait for someone else's operation on it) is kept here too, so that the
 * binding step looks at its bindings exactly as the real run will.
 */
final class DryRunWrites implements Writes {

    private final Reconciliation run;

    DryRunWrites(Reconciliation run) {
        this.run = run;
    }

    @Override
    public Optional<ServiceManagerClient> serviceManager() {
        return run.serviceManagers().existing(run.request().subaccountId());
    }

    @Override
    public StepReport awaitAssignment(Change waited) {
        return waited.asPlanned();
    }

    @Override
    public StepReport assign(EntitledServicePlan plan, PlanCategory category, Change assigned) {
        return assigned.asPlanned();
    }

    @Override
    public Optional<CatalogIds> awaitPlan(Supplier<Optional<CatalogIds>> lookUp) {
        return lookUp.get();
    }

    @Override
    public Optional<StepReport> createInstance(XsSecurityParams desired, int conflictsSoFar, Change created) {
        return Optional.of(created.asPlanned());
    }

    @Override
    public Optional<StepReport> awaitInstance(ServiceInstance instance, LastOperation running, StepReport planned) {
        run.useInstance(instance, false);
        return Optional.of(planned);
    }

    @Override
    public Optional<StepReport> deleteFailedInstance(ServiceInstance instance, String why, StepReport planned) {
        return Optional.of(planned);
    }

    @Override
    public StepReport updateInstance(ServiceInstance instance, JsonNode parameters, List<LabelChange> labels,
            Change updated) {
        run.useInstance(instance, false);
        return updated.asPlanned();
    }

    @Override
    public Optional<StepReport> createBinding(String name, int conflictsSoFar, Change created) {
        return Optional.of(created.asPlanned());
    }

    @Override
    public Optional<StepReport> awaitBinding(ServiceBinding binding, LastOperation running, StepReport planned) {
        return Optional.of(planned);
    }

    @Override
    public Optional<StepReport> deleteFailedBinding(ServiceBinding binding, StepReport planned) {
        return Optional.of(planned);
    }

    @Override
    public Optional<StepReport> useBinding(ServiceBinding binding, Change reused) {
        return Optional.of(reused.asPlanned());
    }
}
