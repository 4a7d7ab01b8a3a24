package io.calmsdk.examples;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.Document;
import io.calmsdk.api.model.Feature;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Features and Documents APIs: creates a feature with a link to its specification and a document for it,
 * then lists the project's very-high-priority features with the shared {@code ODataQuery}.
 *
 * <p>With {@code CALM_SERVICE_KEY} (the key's JSON or a file path) set it uses that key (scopes
 * {@code calm-api.features.read/write}, {@code calm-api.documents.read/write}); without it, a key of an
 * in-process simulator.
 */
public final class FeaturesAndDocuments {

    private FeaturesAndDocuments() {
    }

    /**
     * Runs the example.
     *
     * @param args the project id; without one, the simulator's demo project or {@code demo}
     */
    public static void main(String[] args) {
        try (ExampleSetup setup = ExampleSetup.forVariable("CALM_SERVICE_KEY")) {
            ServiceKey key = setup.simulated() ? ServiceKeys.calm().fromJson(setup.simulator().seed().cloudAlmKey(
                    "calm-api.features.read", "calm-api.features.write", "calm-api.documents.read",
                    "calm-api.documents.write").json()) : setup.cloudAlmKey();
            System.out.println("Very high priority: " + run(key, args.length > 0 ? args[0] : "demo"));
        }
    }

    /**
     * Creates a feature, its reference and a document, and lists the project's priority-10 features.
     *
     * @param key a Cloud ALM service key with the features and documents scopes
     * @param projectId the project
     * @return the titles of the project's very-high-priority features
     */
    public static List<String> run(ServiceKey key, String projectId) {
        try (CloudAlmClient calm = CloudAlmClient.create(key)) {
            Feature sso = calm.features().create(f -> f.projectId(projectId).title("Single sign-on").priorityCode(10));
            calm.features().addReference(sso.uuid(), "Specification", "https://example.com/specs/sso");
            Document blueprint = calm.documents().create(d -> d.projectId(projectId).title("SSO blueprint")
                    .content("<p>SAML2 with the corporate identity provider</p>"));
            System.out.println("Created " + sso.uuid() + " and document " + blueprint.uuid());

            return calm.features().list(ODataQuery.builder().where("projectId", projectId).where("priorityCode", 10)
                    .orderBy("title").build()).stream()
                    .map(Feature::title)
                    .collect(Collectors.toList());
        }
    }
}
