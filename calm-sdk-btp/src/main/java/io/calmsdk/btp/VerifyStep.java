package io.calmsdk.btp;

import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.ServiceKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 5 (optional): a token fetched with the new key carries every requested authority. Without a key
 * (a plan never takes one into use) there is nothing to verify yet.
 */
final class VerifyStep implements Step {

    @Override
    public ProvisioningStep kind() {
        return ProvisioningStep.VERIFY;
    }

    @Override
    public StepReport run(Reconciliation run) {
        BindingRequest req = run.request();
        if (!req.verify()) {
            return StepReport.of(StepResult.Outcome.SKIPPED, "not requested", null);
        }
        ServiceKey key = run.key();
        if (key == null) {
            return StepReport.of(StepResult.Outcome.SKIPPED, "verified with a token once the key exists", null);
        }
        AccessToken token;
        try (ClientCredentialsTokenProvider tokens = run.settings().tokenProvider().credentials(key).build()) {
            token = tokens.token();
        }
        List<String> granted = new ArrayList<>(token.scopes());
        List<String> missing = new ArrayList<>();
        for (CalmScope scope : req.xsSecurity().authorities()) {
            if (granted.stream().noneMatch(scope::matchesTokenScope)) {
                missing.add(scope.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ScopeVerificationException(req.subaccountId(), req.instanceName().value(), missing, granted,
                    run.completedSteps());
        }
        return StepReport.of(StepResult.Outcome.UNCHANGED, "a token of the key carries all "
                + req.xsSecurity().authorities().size() + " requested authorities", null);
    }
}
