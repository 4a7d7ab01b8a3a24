package io.calmsdk.btp;

import io.calmsdk.core.internal.text.HumanDuration;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened in one {@link ProvisioningStep}: the outcome, a human-readable detail, the id of the
 * resource concerned and the time the step took. Immutable and thread-safe.
 */
public final class StepResult {

    /**
     * What {@link CloudAlmProvisioner} did (or, in a {@linkplain CloudAlmProvisioner#plan plan}, would do)
     * in one {@link ProvisioningStep}.
     */
    public enum Outcome {

        /** The resource did not exist and was created (the entitlement was assigned). */
        CREATED,

        /** The resource existed but differed from the request and was updated in place. */
        UPDATED,

        /**
         * The resource existed, was not created by calm-sdk (for example the instance SAP creates for new
         * tenants, or one created in the cockpit) and is now used as is.
         */
        ADOPTED,

        /** The resource already matched the request: nothing was written. */
        UNCHANGED,

        /** The step was switched off by the request or does not apply, e.g. verification not asked for. */
        SKIPPED,

        /** The resource was deleted (deprovisioning, binding rotation). */
        DELETED;

        /**
         * Whether this outcome wrote anything to the services.
         *
         * @return {@code true} for {@link #CREATED}, {@link #UPDATED} and {@link #DELETED}
         */
        public boolean isChange() {
            return this == CREATED || this == UPDATED || this == DELETED;
        }
    }

    private final ProvisioningStep step;
    private final Outcome outcome;
    private final String detail;
    private final String resourceId;
    private final Duration elapsed;

    private StepResult(ProvisioningStep step, Outcome outcome, String detail, String resourceId,
            Duration elapsed) {
        this.step = Objects.requireNonNull(step, "step");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.resourceId = resourceId;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * Creates a step result.
     *
     * @param step the step
     * @param outcome what was done
     * @param detail what was done in words, e.g. {@code "created instance calm-api (id ...)"}
     * @param resourceId the id of the resource concerned, or {@code null}
     * @param elapsed how long the step took
     * @return the result
     * @throws NullPointerException if an argument other than {@code resourceId} is {@code null}
     */
    public static StepResult of(ProvisioningStep step, Outcome outcome, String detail, String resourceId,
            Duration elapsed) {
        return new StepResult(step, outcome, detail, resourceId, elapsed);
    }

    /**
     * The step.
     *
     * @return the step
     */
    public ProvisioningStep step() {
        return step;
    }

    /**
     * What was done.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * What was done, in words.
     *
     * @return the detail, never a secret
     */
    public String detail() {
        return detail;
    }

    /**
     * The id of the resource concerned: the instance or binding id, the plan id, the subaccount id.
     *
     * @return the id, if the step concerns one resource
     */
    public Optional<String> resourceId() {
        return Optional.ofNullable(resourceId);
    }

    /**
     * How long the step took, waits included.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StepResult)) {
            return false;
        }
        StepResult other = (StepResult) o;
        return step == other.step && outcome == other.outcome && detail.equals(other.detail)
                && Objects.equals(resourceId, other.resourceId) && elapsed.equals(other.elapsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, outcome, detail, resourceId, elapsed);
    }

    /**
     * Describes the step result on one line.
     *
     * @return e.g. {@code "instance: CREATED (created instance calm-api) in 2.1 s"}
     */
    @Override
    public String toString() {
        return step.words() + ": " + outcome + " (" + detail + ") in " + HumanDuration.of(elapsed);
    }
}
