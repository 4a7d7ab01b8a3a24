package io.calmsdk.btp;

import java.util.List;

/**
 * The verification step fetched a token with the new key, but the token lacks requested authorities.
 * {@link #missingScopes()} names them ({@link #reason()} is {@link Reason#MISSING_SCOPES}); usually the instance update has not reached the
 * authorization server yet, or the authority is not a Cloud ALM scope.
 */
public class ScopeVerificationException extends ProvisioningException {

    private static final long serialVersionUID = 1L;

    /** The requested authorities the token lacks. */
    private final List<String> missingScopes;
    /** The scopes the token carried. */
    private final List<String> grantedScopes;

    /**
     * Creates the exception.
     *
     * @param subaccountId the subaccount of the request
     * @param instanceName the instance name of the request
     * @param missingScopes the requested authorities the token lacks
     * @param grantedScopes the scopes the token carried
     * @param completedSteps the steps finished before the failure
     */
    public ScopeVerificationException(String subaccountId, String instanceName, List<String> missingScopes,
            List<String> grantedScopes, List<StepResult> completedSteps) {
        super(Reason.MISSING_SCOPES, ProvisioningStep.VERIFY, subaccountId, instanceName, "the token of the new key lacks "
                + String.join(", ", missingScopes) + " (granted: "
                + (grantedScopes.isEmpty() ? "none" : String.join(", ", grantedScopes))
                + "); check the instance's authorities", completedSteps, null);
        this.missingScopes = List.copyOf(missingScopes);
        this.grantedScopes = List.copyOf(grantedScopes);
    }

    /**
     * The requested authorities the token lacks.
     *
     * @return the missing scopes, e.g. {@code calm-api.tasks.write}
     */
    public List<String> missingScopes() {
        return missingScopes;
    }

    /**
     * The scopes the token carried.
     *
     * @return the granted scopes
     */
    public List<String> grantedScopes() {
        return grantedScopes;
    }
}
