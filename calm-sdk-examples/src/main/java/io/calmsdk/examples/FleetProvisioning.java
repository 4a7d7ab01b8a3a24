package io.calmsdk.examples;

import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.ProvisioningListener;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.btp.ProvisioningStep;
import io.calmsdk.btp.StepResult;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.Labels;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Enables the SAP Cloud ALM API for many subaccounts at once with one Cloud Management key: each
 * subaccount's Service Manager credentials are obtained through the Accounts API, requests run a few
 * at a time, and one failing subaccount does not stop the others.
 *
 * <p>With {@code CALM_CIS_KEY} and {@code CALM_SUBACCOUNT_IDS} (comma-separated) set it provisions
 * those subaccounts; without them, five subaccounts of an in-process simulator.
 */
public final class FleetProvisioning {

    private FleetProvisioning() {
    }

    /**
     * Runs the example.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (ExampleSetup setup = ExampleSetup.forVariable("CALM_CIS_KEY")) {
            List<ProvisioningResult.Outcome> outcomes = provisionAll(setup.cisKey(), setup.subaccountIds(5));
            long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
            System.out.println(outcomes.size() - failed + " subaccounts ready, " + failed + " failed");
        }
    }

    /**
     * Provisions every subaccount, four at a time.
     *
     * @param cisKey a Cloud Management key, plan {@code central}, with the Accounts API URL
     * @param subaccountIds the subaccounts
     * @return one outcome per subaccount, in order
     */
    public static List<ProvisioningResult.Outcome> provisionAll(CisKey cisKey, List<String> subaccountIds) {
        // tag::fleet[]
        ProvisioningListener progress = new ProvisioningListener() {
            @Override
            public void onStepFinished(BindingRequest request, StepResult result) {
                if (result.step() == ProvisioningStep.BINDING) {
                    System.out.println(request.subaccountId() + ": " + result.outcome());
                }
            }
        };
        try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder()
                .credentials(cisKey)                  // one key: Service Manager credentials via the Accounts API
                .listener(progress)
                .build()) {
            List<BindingRequest> requests = subaccountIds.stream()
                    .map(id -> BindingRequest.builder()
                            .subaccountId(id)
                            .instanceName("calm-fleet")
                            .bindingName("calm-fleet-key")
                            .scopes(CalmScope.PROJECTS_READ, CalmScope.TASKS_READ)
                            .labels(Labels.of("owner", "platform-team"))
                            .build())
                    .collect(Collectors.toList());
            List<ProvisioningResult.Outcome> outcomes = provisioner.ensureBindings(requests, 4);
            outcomes.stream().filter(o -> !o.succeeded()).forEach(o ->
                    System.err.println(o.request().subaccountId() + " failed: " + o.failure().orElseThrow().getMessage()));
            return outcomes;
        }
        // end::fleet[]
    }
}
