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
 * Everything a reconciliation does that a dry run must not: the writes, the waits for changes to take
 * effect, and taking a binding's credentials into use. {@link LiveWrites} does them; {@link
 * DryRunWrites} does none and reports what would be done, which is how {@code plan} differs from
 * {@code ensureBinding}. The steps call these at the points where they would change something and
 * never ask which kind they have.
 *
 * <p>Methods that return an optional report follow one rule: a report ends the step with it; empty
 * means the write is done and the step looks at the landscape again (after a 409, a replaced failed
 * resource, an operation waited for).
 */
interface Writes {

    /**
     * The subaccount's Service Manager client. Live: obtained even if that creates the subaccount's
     * Service Manager binding (one-key mode); dry run: only one that exists already.
     *
     * @return the client, or empty when the subaccount has none yet (dry run only)
     */
    Optional<ServiceManagerClient> serviceManager();

    /** Waits for an entitlement assignment that someone else started. */
    StepReport awaitAssignment(Change waited);

    /** Assigns the plan to the subaccount and waits until the assignment is OK. */
    StepReport assign(EntitledServicePlan plan, PlanCategory category, Change assigned);

    /**
     * Waits for the plan to appear in the subaccount's catalog (it follows a fresh entitlement). Live:
     * never empty, the wait fails at the deadline; dry run: a single look.
     */
    Optional<CatalogIds> awaitPlan(Supplier<Optional<CatalogIds>> lookUp);

    /** Creates the instance; empty when it must be looked up again (409, a lost answer that took effect, 422). */
    Optional<StepReport> createInstance(XsSecurityParams desired, int conflictsSoFar, Change created);

    /** Waits for an operation someone else runs on the instance. */
    Optional<StepReport> awaitInstance(ServiceInstance instance, LastOperation running, StepReport planned);

    /** Deletes an instance whose creation failed, so that it can be created again. */
    Optional<StepReport> deleteFailedInstance(ServiceInstance instance, String why, StepReport planned);

    /** Updates the instance's parameters (if any) and labels. */
    StepReport updateInstance(ServiceInstance instance, JsonNode parameters, List<LabelChange> labels, Change updated);

    /** Creates the binding on the run's instance; empty when it must be looked up again. */
    Optional<StepReport> createBinding(String name, int conflictsSoFar, Change created);

    /** Waits for a binding someone else is creating. */
    Optional<StepReport> awaitBinding(ServiceBinding binding, LastOperation running, StepReport planned);

    /** Deletes a binding whose creation failed, so that it can be created again. */
    Optional<StepReport> deleteFailedBinding(ServiceBinding binding, StepReport planned);

    /** Takes an existing binding and its credentials into use; empty if it vanished meanwhile. */
    Optional<StepReport> useBinding(ServiceBinding binding, Change reused);

    /**
     * A change as its step reports it: once done, and in a plan.
     *
     * @param outcome the outcome once done
     * @param doneDetail what was done, e.g. {@code created instance calm-api (xsappname calm-api)}
     * @param resourceId the resource concerned; for a create, the new resource's id replaces it
     * @param plannedOutcome the outcome a plan reports
     * @param plannedDetail what a plan says, e.g. {@code would create instance calm-api with xsappname calm-api}
     * @param warning logged at WARN when the change is made (it takes something away), or {@code null}
     */
    record Change(StepResult.Outcome outcome, String doneDetail, String resourceId, StepResult.Outcome plannedOutcome,
            String plannedDetail, String warning) {

        static Change of(StepResult.Outcome outcome, String resourceId, String doneDetail, String plannedDetail) {
            return new Change(outcome, doneDetail, resourceId, outcome, plannedDetail, null);
        }

        /** The same change, reported in a plan with another outcome. */
        Change plannedAs(StepResult.Outcome planned) {
            return new Change(outcome, doneDetail, resourceId, planned, plannedDetail, warning);
        }

        /** The same change, logged at WARN when it is made; {@code null} for none. */
        Change warning(String text) {
            return new Change(outcome, doneDetail, resourceId, plannedOutcome, plannedDetail, text);
        }

        StepReport asDone() {
            return StepReport.of(outcome, doneDetail, resourceId);
        }

        StepReport asDone(String createdId) {
            return StepReport.of(outcome, doneDetail, createdId);
        }

        StepReport asPlanned() {
            return StepReport.of(plannedOutcome, plannedDetail, resourceId);
        }
    }
}
