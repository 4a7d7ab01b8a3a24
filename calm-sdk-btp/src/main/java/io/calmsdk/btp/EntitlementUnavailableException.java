package io.calmsdk.btp;

import java.util.List;
import java.util.Objects;

/**
 * The subaccount cannot be entitled to the Cloud ALM API plan: the global account does not own the
 * plan, or its quota is used up. Thrown before anything is created, so nothing needs cleaning up.
 */
public class EntitlementUnavailableException extends ProvisioningException {

    private static final long serialVersionUID = 1L;

    /** Why the entitlement cannot be assigned. */
    public enum Reason {
        /** The global account has no entitlement for the service plan at all. */
        NOT_ENTITLED,
        /** The global account owns the plan, but no quota remains to assign. */
        NO_QUOTA
    }

    /** Why the entitlement cannot be assigned. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the entitlement cannot be assigned
     * @param subaccountId the subaccount of the request
     * @param instanceName the instance name of the request
     * @param problem what is missing and what to do about it
     * @param completedSteps the steps finished before the failure
     */
    public EntitlementUnavailableException(Reason reason, String subaccountId, String instanceName, String problem,
            List<StepResult> completedSteps) {
        super(ProvisioningStep.ENTITLEMENT, subaccountId, instanceName, problem, completedSteps, null);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the entitlement cannot be assigned.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
