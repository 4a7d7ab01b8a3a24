package io.calmsdk.btp;

import io.calmsdk.btp.Writes.Change;
import io.calmsdk.core.model.BindingName;
import io.calmsdk.core.model.LastOperation;
import io.calmsdk.core.model.OperationType;
import io.calmsdk.core.model.ServiceBinding;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Step 4: a working binding on the instance, whose credentials are the service key. Found by name (or
 * by the logical-name label a rotation leaves) and reused, the newest ready one first; absent: created;
 * being created: waited for; failed to create: replaced. A rotation asks for a binding of a new name.
 * Keeps the state of its retries: one per run.
 */
final class BindingStep implements Step {

    /** The name to create; for a rotation, a new one, else the request's binding name. */
    private final String rotationName;
    private String replaced;
    private int conflicts;
    private boolean mayExist;

    private BindingStep(String rotationName) {
        this.rotationName = rotationName;
    }

    /** The request's binding, reused when it exists. */
    static BindingStep ensure() {
        return new BindingStep(null);
    }

    /** A new binding next to the existing ones: the request's binding name with a time suffix. */
    static BindingStep rotate(BindingRequest request, Clock clock) {
        String suffix = "-" + Long.toString(clock.millis(), 36);
        String base = request.bindingName().value();
        return new BindingStep(BindingName.of(base.length() + suffix.length() > BindingName.MAX_LENGTH
                ? base.substring(0, BindingName.MAX_LENGTH - suffix.length()) + suffix : base + suffix).value());
    }

    @Override
    public ProvisioningStep kind() {
        return ProvisioningStep.BINDING;
    }

    @Override
    public StepReport run(Reconciliation run) {
        String name = rotationName != null ? rotationName : run.request().bindingName().value();
        if (!run.hasServiceManager() || run.instance() == null) {
            return StepReport.of(StepResult.Outcome.CREATED, "would create binding " + run.request().bindingName()
                    + " once the instance exists", null);
        }
        // A binding cannot exist on an instance created a moment ago: skip the first lookup.
        mayExist = !run.instanceCreatedNow();
        while (true) {
            run.guard().checkDeadline();
            Optional<StepReport> report = lookOnce(run, name);
            if (report.isPresent()) {
                return report.get();
            }
        }
    }

    /** One look at the bindings and the one write it calls for; empty: look again. */
    private Optional<StepReport> lookOnce(Reconciliation run, String name) {
        String instanceId = run.instance().id();
        List<ServiceBinding> candidates = !mayExist ? List.of()
                : rotationName != null ? run.bindingsNamed(rotationName) : run.logicalBindings(instanceId);
        mayExist = true;
        ServiceBinding chosen = choose(candidates);
        if (chosen == null) {
            return run.writes().createBinding(name, conflicts++, Change.of(StepResult.Outcome.CREATED, null,
                    (replaced == null ? "created" : "replaced " + replaced + " with") + " binding " + name,
                    "would create binding " + name + " on instance " + instanceId));
        }
        LastOperation last = chosen.lastOperation().orElse(null);
        if (last != null && !last.isTerminal()) {
            return run.writes().awaitBinding(chosen, last, StepReport.of(StepResult.Outcome.UNCHANGED,
                    "binding " + chosen.id() + " is being created", chosen.id()));
        }
        boolean failed = last != null && last.isFailed() && OperationType.CREATE.equals(last.type())
                || !chosen.ready().orElse(true);
        if (failed) {
            replaced = "binding " + chosen.id() + " whose creation had failed";
            return run.writes().deleteFailedBinding(chosen, StepReport.of(StepResult.Outcome.CREATED,
                    "would replace binding " + chosen.id() + " whose creation failed", chosen.id()));
        }
        boolean ours = CloudAlmProvisioner.isManaged(chosen.labels());
        return run.writes().useBinding(chosen, Change.of(ours ? StepResult.Outcome.UNCHANGED : StepResult.Outcome.ADOPTED,
                chosen.id(), "reused binding " + chosen.name() + " (" + chosen.id() + ")",
                "binding " + chosen.name() + " (" + chosen.id() + ") exists and would be reused"));
    }

    /** The newest ready binding, else one in progress, else a failed one. */
    private static ServiceBinding choose(List<ServiceBinding> candidates) {
        return candidates.stream().min(Comparator
                .comparing(BindingStep::rank)
                .thenComparing(b -> b.createdAt().orElse(Instant.MIN), Comparator.reverseOrder())
                .thenComparing(ServiceBinding::id)).orElse(null);
    }

    private static int rank(ServiceBinding b) {
        Optional<LastOperation> last = b.lastOperation();
        if (last.isPresent() && !last.get().isTerminal()) {
            return 1;
        }
        if (last.isPresent() && last.get().isFailed() || !b.ready().orElse(true)) {
            return 2;
        }
        return 0;
    }
}
