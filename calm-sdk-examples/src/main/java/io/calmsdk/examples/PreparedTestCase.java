package io.calmsdk.examples;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.ManualTestCase;
import io.calmsdk.api.model.TestActionRequest;
import io.calmsdk.api.model.TestActivityRequest;
import io.calmsdk.core.exception.PreconditionFailedException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;

/**
 * The test management API with optimistic concurrency: creates a manual test case with an activity and its
 * steps in one call (as SAP's test management notebook does), then marks it prepared with its ETag, reading it
 * again and repeating the change once if someone changed it meanwhile (412).
 *
 * <p>With {@code CALM_SERVICE_KEY} set it uses that key (scopes {@code calm-api.testcases.read/write}); without
 * it, a key of an in-process simulator.
 */
public final class PreparedTestCase {

    private PreparedTestCase() {
    }

    /**
     * Runs the example.
     *
     * @param args the project id; without one, {@code demo}
     */
    public static void main(String[] args) {
        try (ExampleSetup setup = ExampleSetup.forVariable("CALM_SERVICE_KEY")) {
            ServiceKey key = setup.simulated() ? ServiceKeys.calm().fromJson(setup.simulator().seed().cloudAlmKey(
                    "calm-api.testcases.read", "calm-api.testcases.write").json()) : setup.cloudAlmKey();
            ManualTestCase tc = run(key, args.length > 0 ? args[0] : "demo");
            System.out.println("Prepared: " + tc.title() + " (" + tc.activities().size() + " activity)");
        }
    }

    /**
     * Creates a test case and marks it prepared.
     *
     * @param key a Cloud ALM service key with the test case scopes
     * @param projectId the project
     * @return the prepared test case, with its activities
     */
    public static ManualTestCase run(ServiceKey key, String projectId) {
        try (CloudAlmClient calm = CloudAlmClient.create(key)) {
            ManualTestCase created = calm.testCases().create(t -> t.projectId(projectId).title("Order to cash")
                    .reference("Process description", "https://help.sap.com/docs/SAP_CLOUD_ALM")
                    .activity(TestActivityRequest.builder().sequence(1).title("Create the sales order")
                            .action(TestActionRequest.builder().sequence(1).title("Open Create Sales Order")
                                    .expectedResult("The app opens").build())
                            .build()));
            return prepare(calm, created.uuid());
        }
    }

    /**
     * Marks a test case prepared; when it changed since it was read, reads it again and repeats once.
     *
     * @param calm the client
     * @param uuid the test case
     * @return the test case after the change
     */
    static ManualTestCase prepare(CloudAlmClient calm, String uuid) {
        ManualTestCase current = calm.testCases().get(uuid);
        try {
            calm.testCases().update(uuid, current.etag().orElseThrow(), t -> t.isPrepared(true));
        } catch (PreconditionFailedException changedMeanwhile) {
            ManualTestCase again = calm.testCases().get(uuid);
            calm.testCases().update(uuid, again.etag().orElseThrow(), t -> t.isPrepared(true));
        }
        return calm.testCases().get(uuid);
    }
}
