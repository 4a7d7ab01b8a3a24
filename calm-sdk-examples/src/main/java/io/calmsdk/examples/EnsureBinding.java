package io.calmsdk.examples;

import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Enables the SAP Cloud ALM API for one subaccount and stores the resulting service key: SAP's cockpit
 * procedure as one idempotent call. Run it twice: the second run changes nothing.
 *
 * <p>With {@code CALM_CIS_KEY} (a Cloud Management key, plan {@code central}) and
 * {@code CALM_SUBACCOUNT_ID} set it provisions that subaccount; without them it runs against an
 * in-process simulator.
 */
public final class EnsureBinding {

    private EnsureBinding() {
    }

    /**
     * Runs the example.
     *
     * @param args optional: the file to write the Cloud ALM key to (default {@code calm-key.json}, or a
     *     temporary file when simulated)
     */
    public static void main(String[] args) {
        try (ExampleSetup setup = ExampleSetup.forVariable("CALM_CIS_KEY")) {
            Path keyFile = args.length > 0 ? Path.of(args[0]) : setup.simulated() ? tempFile() : Path.of("calm-key.json");
            ServiceKey key = ensureBinding(setup.cisKey(), setup.subaccountId(), keyFile);
            System.out.println("Cloud ALM API: " + key.apiEndpoint() + ", client " + key.uaa().clientId()
                    + "; key written to " + keyFile.toAbsolutePath());
        }
    }

    /**
     * Makes sure entitlement, instance and binding exist, writes the key owner-only and returns it.
     *
     * @param cisKey a Cloud Management key, plan {@code central}
     * @param subaccountId the subaccount GUID
     * @param keyFile where to store the Cloud ALM key
     * @return the Cloud ALM key
     */
    public static ServiceKey ensureBinding(CisKey cisKey, String subaccountId, Path keyFile) {
        // tag::ensure-binding[]
        try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder().credentials(cisKey).build()) {
            ProvisioningResult result = provisioner.ensureBinding(BindingRequest.builder()
                    .subaccountId(subaccountId)
                    .instanceName("calm-ensure-binding")
                    .bindingName("calm-ensure-binding-key")
                    .scopes(CalmScope.PROJECTS_READ, CalmScope.TASKS_READ, CalmScope.TASKS_WRITE)
                    .build());
            result.steps().forEach(System.out::println);    // entitlement: CREATED (...) in 1.2 s, ...
            ServiceKeys.write(keyFile, result.serviceKey());    // owner-only (0600), atomic
            return result.serviceKey();
        }
        // end::ensure-binding[]
    }

    private static Path tempFile() {
        try {
            return Files.createTempDirectory("calm-example").resolve("calm-key.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
