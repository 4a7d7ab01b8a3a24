package io.calmsdk.examples;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.Project;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The README's first call: from a Cloud Management key to a Cloud ALM answer in ten lines; and the
 * quickstart, from a Cloud ALM service key alone.
 *
 * <p>With {@code CALM_CIS_KEY} and {@code CALM_SUBACCOUNT_ID} set it uses them; without them, an
 * in-process simulator.
 */
public final class FirstCall {

    private FirstCall() {
    }

    /**
     * Runs the example.
     *
     * @param args not used
     * @throws IOException if the key file cannot be written
     */
    public static void main(String[] args) throws IOException {
        try (ExampleSetup setup = ExampleSetup.forVariable("CALM_CIS_KEY")) {
            Path keyFile = Files.createTempFile("cis-central", ".json");
            try {
                ServiceKeys.write(keyFile, setup.cisKey());
                run(keyFile, setup.subaccountId());
            } finally {
                Files.deleteIfExists(keyFile);
            }
        }
    }

    /**
     * Ensures the binding for the subaccount and prints its Cloud ALM projects (or that there are none).
     *
     * @param cisKeyFile a Cloud Management key (plan {@code central}) as JSON
     * @param subaccountId the subaccount GUID
     */
    public static void run(Path cisKeyFile, String subaccountId) {
        // tag::first-call[]
        CisKey cis = ServiceKeys.cis().fromFile(cisKeyFile);                  // Cloud Management key, plan central
        try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder().credentials(cis).build()) {
            ServiceKey key = provisioner.ensureBinding(BindingRequest.builder()
                    .subaccountId(subaccountId).instanceName("calm-first-call").bindingName("calm-first-call-key")
                    .scopes(CalmScope.PROJECTS_READ).build()).serviceKey();    // entitle, create, bind: idempotent
            try (CloudAlmClient calm = CloudAlmClient.create(key)) {
                List<Project> projects = calm.projects().list().stream().collect(Collectors.toList());
                System.out.println(projects.size() + " project(s) in Cloud ALM at " + key.apiEndpoint());
                projects.forEach(p -> System.out.println("  " + p.name()));
            }
        }
        // end::first-call[]
    }

    /**
     * The README's quickstart in Java: a Cloud ALM service key alone, no admin key, prints the projects.
     *
     * @param keyFile the Cloud ALM service key as the cockpit shows it ("View" of the service key)
     */
    public static void quickstart(Path keyFile) {
        // tag::quickstart[]
        ServiceKey key = ServiceKeys.calm().fromFile(keyFile);       // the Cloud ALM service key, as the cockpit shows it
        try (CloudAlmClient calm = CloudAlmClient.create(key)) {      // token fetched, cached and refreshed for you
            calm.projects().list().forEach(p -> System.out.println(p.name()));
        }
        // end::quickstart[]
    }
}
