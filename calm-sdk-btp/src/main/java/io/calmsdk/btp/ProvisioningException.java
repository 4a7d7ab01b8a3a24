package io.calmsdk.btp;

import io.calmsdk.core.exception.CalmException;
import java.util.List;
import java.util.Objects;

/**
 * A {@link CloudAlmProvisioner} call failed in one {@link ProvisioningStep}. The message names the
 * step, the subaccount and the instance, then says what failed; the cause is the underlying
 * calm-sdk exception (an {@link io.calmsdk.core.exception.OperationFailedException} with the
 * broker's description, a {@link io.calmsdk.core.exception.PollingTimeoutException} naming the stuck
 * state, a {@link io.calmsdk.core.exception.RateLimitedException}, ...).
 *
 * <p>Everything done before the failure stays done and is listed in {@link #completedSteps()}; a
 * later call with the same request continues from there without creating duplicates.
 */
public class ProvisioningException extends CalmException {

    private static final long serialVersionUID = 1L;

    /** The step that failed. */
    private final ProvisioningStep step;
    /** The subaccount of the request. */
    private final String subaccountId;
    /** The instance name of the request. */
    private final String instanceName;
    private final transient List<StepResult> completedSteps;

    /**
     * Creates the exception.
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
        super("Cloud ALM provisioning of instance " + instanceName + " in subaccount " + subaccountId
                + " failed at step " + Objects.requireNonNull(step, "step").words() + ": " + problem, cause);
        this.step = step;
        this.subaccountId = subaccountId;
        this.instanceName = instanceName;
        this.completedSteps = List.copyOf(completedSteps);
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
