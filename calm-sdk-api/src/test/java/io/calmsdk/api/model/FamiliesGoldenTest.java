package io.calmsdk.api.model;

import static io.calmsdk.api.model.GoldenFiles.bytes;
import static io.calmsdk.api.model.GoldenFiles.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.core.internal.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One golden test per API family: the models read the JSON shapes of SAP's samples (see
 * {@code src/test/resources/golden/README.md} for each file's source) and write them back unchanged, and the
 * request builders write exactly the bodies SAP's notebooks send.
 */
class FamiliesGoldenTest {

    private static <T> T roundTrip(String name, Class<T> type) throws Exception {
        JsonNode original = tree(name);
        T model = Json.mapper().treeToValue(original, type);
        assertThat(Json.mapper().<JsonNode>valueToTree(model)).isEqualTo(original);
        return model;
    }

    private static <T> List<T> page(String name, Class<T> type) {
        List<T> items = PageDecoder.of(type, name).decode(bytes(name), name).items();
        JsonNode original = tree(name);
        JsonNode values = original.isArray() ? original : original.get("value");
        for (int i = 0; i < items.size(); i++) {
            assertThat(Json.mapper().<JsonNode>valueToTree(items.get(i))).isEqualTo(values.get(i));
        }
        assertThat(items).hasSize(values.size());
        return items;
    }

    private static void assertWrites(Object request, String name) {
        assertThat(Json.mapper().<JsonNode>valueToTree(request)).isEqualTo(tree(name));
    }

    @Test
    void testManagement_notebookDeepInsertBody_andTestCaseAnswer() throws Exception {
        ManualTestCaseCreateRequest request = ManualTestCaseCreateRequest.builder()
                .title("Notebook Demo: Initial TestCase").projectId("11111111-1111-1111-1111-111111111111")
                .scopeId("22222222-2222-2222-2222-222222222222")
                .reference("Initial Reference Link", "https://help.sap.com/docs/SAP_CLOUD_ALM")
                .activity(TestActivityRequest.builder().sequence(1)
                        .application("Fiori App: Test Preparation", "https://fiori.apps.library.url")
                        .title("Activity 1: Setup Test Data")
                        .action(TestActionRequest.builder().sequence(1)
                                .expectedResult("User is logged in and on the main dashboard.")
                                .description("Log in to the S/4HANA system.").title("Action 1.1: Log in").build())
                        .build())
                .build();
        assertWrites(request, "testmanagement-create-request.json");

        ManualTestCase tc = roundTrip("testmanagement-testcase.json", ManualTestCase.class);
        assertThat(tc.isPrepared()).contains(true);
        assertThat(tc.etag()).contains("2025-06-02T09:30:00.456Z");
        assertThat(tc.modifiedAt()).contains(Instant.parse("2025-06-02T09:30:00.456Z"));
        assertThat(tc.activities()).singleElement().satisfies(a -> {
            assertThat(a.isInScope()).contains(true);
            assertThat(a.actions()).extracting(ManualTestCase.Action::title).containsExactly("Action 1.1: Log in");
            assertThat(a.applications()).extracting(ManualTestCase.Application::url)
                    .containsExactly(Optional.of("https://fiori.apps.library.url"));
        });
        assertThat(tc.references().get(0).otherFields()).containsEntry("parentTestCase_ID", tc.uuid());
        assertThat(tc.otherFields()).containsKey("@odata.context");
    }

    @Test
    void processManagement_notebookScopeBody_scopesAndSolutionProcesses() {
        assertWrites(ProcessScopeCreateRequest.builder().projectId("11111111-1111-1111-1111-111111111111")
                .name("API test scope 2025-06-01T08:00:00").description("test description").build(),
                "processmanagement-scope-create-request.json");
        List<ProcessScope> scopes = page("processmanagement-scopes-page.json", ProcessScope.class);
        assertThat(scopes.get(0).otherFields()).containsEntry("solutionScenarioVersionCount", 2);
        assertThat(scopes.get(1).description()).isEmpty();
        List<ScopedSolutionProcess> processes = page("processmanagement-solution-processes-page.json",
                ScopedSolutionProcess.class);
        assertThat(processes).extracting(ScopedSolutionProcess::isScoped)
                .containsExactly(Optional.of(true), Optional.of(false));
        assertThat(processes.get(0).solutionProcessVersionName()).contains("Order to Cash");
    }

    @Test
    void processAuthoring_notebookModels_andCreateBody() throws Exception {
        BusinessProcess bp = roundTrip("processauthoring-business-process.json", BusinessProcess.class);
        assertThat(bp.etag()).isEmpty();
        SolutionProcess sp = roundTrip("processauthoring-solution-process.json", SolutionProcess.class);
        assertThat(sp.businessProcessId()).contains(bp.id());
        assertThat(sp.countries()).contains("FR, US, DE");
        assertWrites(SolutionProcessCreateRequest.builder().name("SP via Public API-2025-06-01")
                .description("Solution Process via Public API").countries("FR, US, DE")
                .externalId("543dd419-291d-435b-b6e9-ceb7beedaf21")
                .businessProcessId("5e0c6a8e-0000-4000-8000-000000000001").build(),
                "processauthoring-solution-process-create-request.json");
        BusinessProcess tagged = Json.mapper().readValue("{\"id\":\"b\",\"name\":\"n\",\"@odata.etag\":\"W/\\\"1\\\"\"}",
                BusinessProcess.class);
        assertThat(tagged.etag()).contains("W/\"1\"");
    }

    @Test
    void analytics_dataSetRows_numberedDimensionsAndMeasures() {
        List<DataSetRow> rows = page("analytics-dataset-page.json", DataSetRow.class);
        assertThat(rows.get(0).date()).contains("2025-06-01");
        assertThat(rows.get(0).dimensionKey(1)).contains("CIPTKOPEN");
        assertThat(rows.get(0).dimensionValue(2)).contains("Task");
        assertThat(rows.get(0).measureKey(1)).contains("count");
        assertThat(rows.get(0).measureValue(1)).contains(12.0);
        assertThat(rows.get(1).measureValue(1)).contains(7.0);
        assertThat(rows.get(1).measureValue(9)).isEmpty();
    }

    @Test
    void requirements_notebookCreateBody() {
        assertWrites(TaskCreateRequest.builder().projectId("11111111-1111-1111-1111-111111111111")
                .title("Notebook API test Requirement 2025-06-01T08:00:00").type(TaskType.REQUIREMENT)
                .description("test description. hello world").assigneeId("test.user@example.com").build(),
                "requirements-create-request.json");
    }

    @Test
    void features_feature_roundTripsKeepingUnknownFields() throws Exception {
        Feature f = roundTrip("features-feature.json", Feature.class);
        assertThat(f.priorityCode()).contains(20);
        assertThat(f.tags()).containsExactly("security", "portal");
        assertThat(f.otherFields()).containsEntry("approvalState", "NOT_REQUESTED");
        Feature numericText = Json.mapper().readValue("{\"uuid\":\"u\",\"title\":\"t\",\"priorityCode\":\"10\","
                + "\"status\":\"OPEN\"}", Feature.class);
        assertThat(numericText.priorityCode()).contains(10);
        assertThat(numericText.statusCode()).contains("OPEN");
        assertThat(Json.mapper().writeValueAsString(FeatureCreateRequest.builder().projectId("p").title("t")
                .priorityCode(20).build())).isEqualTo("{\"projectId\":\"p\",\"title\":\"t\",\"priorityCode\":20}");
    }

    @Test
    void documents_document_roundTrips() throws Exception {
        Document d = roundTrip("documents-document.json", Document.class);
        assertThat(d.documentTypeCode()).contains("CALMDOCTYPEDEF");
        assertThat(d.priorityCode()).contains(30);
        Document numeric = Json.mapper().readValue("{\"uuid\":\"u\",\"title\":\"t\",\"statusCode\":3}", Document.class);
        assertThat(numeric.statusCode()).contains("3");
    }

    @Test
    void landscapeAndStatusEvents_restArrays_roundTrip() {
        List<LandscapeObject> objects = page("landscape-objects.json", LandscapeObject.class);
        assertThat(objects.get(0).role()).contains("PROD");
        assertThat(objects.get(0).otherFields().get("properties")).isEqualTo(List.of(Map.of("name", "region",
                "value", "eu10")));
        List<StatusEvent> events = page("status-events.json", StatusEvent.class);
        assertThat(events.get(0).endTime()).contains(Instant.parse("2025-06-01T09:15:00Z"));
        assertThat(events.get(1).title()).isEmpty();
    }

    @Test
    void processAuthoring_notebookAssetAndDiagrams_roundTrip_andDiagramBody() throws Exception {
        SolutionProcess.Asset asset = roundTrip("processauthoring-asset.json", SolutionProcess.Asset.class);
        assertThat(asset.urls()).containsExactly(Map.entry("US", "https://en.wikipedia.org/wiki/SAP"),
                Map.entry("FR", "https://www.sap.com/france/index.html"));
        SolutionProcess.Diagram flowDiagram = roundTrip("processauthoring-flow-diagram.json",
                SolutionProcess.Diagram.class);
        assertThat(flowDiagram.ownerId()).contains("5e0c6a8e-0000-4000-8000-000000000003");
        assertThat(flowDiagram.svg()).hasValueSatisfying(svg -> assertThat(svg).startsWith("<svg"));
        assertThat(flowDiagram.toString()).doesNotContain("<svg");
        SolutionProcess.Diagram valueFlow = roundTrip("processauthoring-value-flow-diagram.json",
                SolutionProcess.Diagram.class);
        assertThat(valueFlow.ownerId()).contains("5e0c6a8e-0000-4000-8000-000000000002");
        assertWrites(ProcessDiagramRequest.builder().name("UPDATED - SPFD via Public API-2025-06-01")
                .description("Solution Process Flow Diagram updated via Public API")
                .svg("<svg width=\"800px\" height=\"800px\" xmlns=\"http://www.w3.org/2000/svg\"></svg>").build(),
                "processauthoring-diagram-request.json");
    }
}
