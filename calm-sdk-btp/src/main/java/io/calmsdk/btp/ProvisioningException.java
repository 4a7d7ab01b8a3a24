package io.calmsdk.btp;

import io.calmsdk.core.exception.CalmException;
import java.util.List;
import java.util.Objects;

/**
 * A {@link CloudAlmProvisioner} call failed in one {@link ProvisioningStep}. The message names the
 * step, the subaccount and the instance, then says what failed; {@link #reason()} says which kind of
 * failure it is. For {@link Reason#STEP_FAILED} the cause is the underlying calm-sdk exception (an
 * {@link io.calmsdk.core.exception.OperationFailedException} with the broker's description, a {@link
 * io.calmsdk.core.exception.PollingTimeoutException} naming the stuck state, a {@link
 * io.calmsdk.core.exception.RateLimitedException}, ...); {@link Reason#NOT_ENTITLED} and {@link
 * Reason#NO_QUOTA} are found before anything is created, so nothing needs cleaning up.
 *
 * <p>Everything done before the failure stays done and is listed in {@link #completedSteps()}; a
 * later call with the same request continues from there without creating duplicates.
 */
public class ProvisioningException extends CalmException {

    private static final long serialVersionUID = 1L;

    /** Which kind of failure ended the call. */
    public enum Reason {
        /** A call or a wait of the step failed; the cause says why. */
        STEP_FAILED,
        /** The global account has no entitlement for the service plan at all (step entitlement). */
        NOT_ENTITLED,
        /** The global account owns the plan, but no quota remains to assign (step entitlement). */
        NO_QUOTA,
        /** A token of the new key lacks requested authorities: a {@link ScopeVerificationException}. */
        MISSING_SCOPES
    }

    /** Which kind of failure ended the call. */
    private final Reason reason;
    /** The step that failed. */
    private final ProvisioningStep step;
    /** The subaccount of the request. */
    private final String subaccountId;
    /** The instance name of the request. */
    private final String instanceName;
    private final transient List<StepResult> completedSteps;

    /**
     * Creates the exception for a step whose call or wait failed ({@link Reason#STEP_FAILED}).
     *
     * @param step the step that failed
     * @param subaccountId the subaccount of the request
     * @param instanceName the instance name of the request
     * @param problem what failed and what to check, without the step prefix
     * @param completedSteps the steps finished before the failure
     * @param cause the underlying failure, may be {@code null}
     */
    public ProvisioningException(ProvisioningStep step, String subaccountId, String instanceName, String problem,
            List<StepResult> completedSteps, Throwable cause) {
        this(Reason.STEP_FAILED, step, subaccountId, instanceName, problem, completedSteps, cause);
    }

    /**
     * Creates the exception.
     *
     * @param reason which kind of failure it is
     * @param step the step that failed
     * @param subaccountId the subaccount of the request
     * @param instanceName the instance name of the request
     * @param problem what failed and what to do about it, without the step prefix
     * @param completedSteps the steps finished before the failure
     * @param cause the underlying failure, may be {@code null}
     */
    public ProvisioningException(Reason reason, ProvisioningStep step, String subaccountId, String instanceName,
            String problem, List<StepResult> completedSteps, Throwable cause) {
        super("Cloud ALM provisioning of instance " + instanceName + " in subaccount " + subaccountId
                + " failed at step " + Objects.requireNonNull(step, "step").words() + ": " + problem, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.step = step;
        this.subaccountId = subaccountId;
        this.instanceName = instanceName;
        this.completedSteps = List.copyOf(completedSteps);
    }

    /**
     * Which kind of failure ended the call, e.g. to tell a missing entitlement or quota (fix the global
     * account) from a failed call (look at the cause).
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The step that failed.
     *
     * @return the step
     */
    public ProvisioningStep step() {
        return step;
    }

    /**
     * The subaccount of the failed request.
     *
     * @return the subaccount id
     */
    public String subaccountId() {
        return subaccountId;
    }

    /**
     * The instance name of the failed request.
     *
     * @return the instance name
     */
    public String instanceName() {
        return instanceName;
    }

    /**
     * The steps that finished before the failure, in order.
     *
     * @return the steps, possibly empty
     */
    public List<StepResult> completedSteps() {
        return completedSteps == null ? List.of() : completedSteps;
    }
}
