package io.calmsdk.btp;

import java.util.function.Function;

/**
 * One step of a reconciliation. A step reads the landscape and decides; whatever it decides to change
 * (or to wait for) it hands to the reconciliation's {@link Writes}, so the same step serves
 * {@code ensureBinding} and the dry run of {@code plan}.
 */
interface Step {

    /**
     * Which step this is, for the result and the listener.
     *
     * @return the step
     */
    ProvisioningStep kind();

    /**
     * Brings the step's part of the landscape to the request (or finds out what that would take).
     *
     * @param run the reconciliation, with the request and what earlier steps found
     * @return what the step did
     */
    StepReport run(Reconciliation run);

    /** A step from a function, for the one-off steps of rotation and deprovisioning. */
    static Step of(ProvisioningStep kind, Function<Reconciliation, StepReport> body) {
        return new Step() {
            @Override
            public ProvisioningStep kind() {
                return kind;
            }

            @Override
            public StepReport run(Reconciliation run) {
                return body.apply(run);
            }
        };
    }
}
