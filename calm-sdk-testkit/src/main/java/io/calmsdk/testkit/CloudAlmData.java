package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.calm.CalmFamilies;
import io.calmsdk.testkit.internal.calm.CalmStore;
import io.calmsdk.testkit.internal.calm.TelemetryStore;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated Cloud ALM tenant's data, to seed and inspect it directly. Bulk-seeded tasks are generated
 * lazily: a million of them cost almost no memory until a page is read. Cleared by
 * {@link BtpSimulator#reset()}. Thread-safe.
 */
public final class CloudAlmData {

    private final CalmStore store;

    CloudAlmData(CalmStore store) {
        this.store = store;
    }

    /**
     * Creates a project (with three sprints and a team).
     *
     * @param name project name
     * @return its id
     */
    public String createProject(String name) {
        ObjectNode fields = JsonSupport.object();
        fields.put("name", Objects.requireNonNull(name, "name"));
        return store.createProject(fields).get("id").asText();
    }

    /**
     * Creates projects named {@code Project 1} to {@code Project n}.
     *
     * @param count how many
     * @return their ids
     */
    public List<String> seedProjects(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(createProject("Project " + i));
        }
        return ids;
    }

    /**
     * Creates a task.
     *
     * @param projectId project
     * @param title title
     * @param type task type, e.g. {@code CALMTASK}
     * @return its id
     */
    public String createTask(String projectId, String title, String type) {
        requireProject(projectId);
        ObjectNode fields = JsonSupport.object();
        fields.put("projectId", projectId);
        fields.put("title", Objects.requireNonNull(title, "title"));
        fields.put("type", Objects.requireNonNull(type, "type"));
        return store.createTask(fields).get("id").asText();
    }

    /**
     * Adds tasks that are generated on demand: types cycle through CALMTASK, CALMUS, CALMREQU, CALMDEF,
     * assignees through {@code user-0} to {@code user-6}, last-change dates over about a year.
     *
     * @param projectId project
     * @param count how many
     */
    public void seedTasks(String projectId, int count) {
        requireProject(projectId);
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        store.seedTasks(projectId, count);
    }

    /**
     * Creates sub-tasks ({@code CALMST}) {@code Sub-task 1} to {@code n} below a task, in the task's project.
     *
     * @param parentId the parent task
     * @param count how many
     * @return their ids, in order
     * @throws IllegalArgumentException if there is no such task
     */
    public List<String> seedSubTasks(String parentId, int count) {
        JsonNode parent = store.task(parentId).orElseThrow(() -> new IllegalArgumentException("no task " + parentId));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ObjectNode fields = JsonSupport.object().put("projectId", parent.path("projectId").asText())
                    .put("title", "Sub-task " + i).put("type", "CALMST").put("parentId", parentId);
            ids.add(store.createTask(fields).get("id").asText());
        }
        return ids;
    }

    /**
     * Adds process hierarchy nodes below the baseline nodes.
     *
     * @param count how many
     */
    public void seedHierarchyNodes(int count) {
        store.seedHierarchyNodes(count);
    }

    /**
     * How many tasks a project has.
     *
     * @param projectId project
     * @return the count
     */
    public int taskCount(String projectId) {
        return store.taskCount(projectId);
    }

    /** @return every project as the API shows it */
    public List<JsonNode> projects() {
        return new ArrayList<>(store.projects());
    }

    /**
     * Looks a task up, as the API shows it.
     *
     * @param id task id
     * @return the task, or empty when there is none with that id
     */
    public Optional<JsonNode> findTask(String id) {
        return store.task(id).map(JsonNode.class::cast);
    }

    /**
     * Creates a feature ({@code /calm-features/v1/Features}).
     *
     * @param projectId the project
     * @param title the title
     * @return its uuid
     */
    public String createFeature(String projectId, String title) {
        ObjectNode f = JsonSupport.object();
        f.put("projectId", Objects.requireNonNull(projectId, "projectId"));
        f.put("title", Objects.requireNonNull(title, "title"));
        f.put("statusCode", "CIPFEATOPEN");
        f.put("priorityCode", 20);
        return store.families().create(CalmFamilies.FEATURES, f).get("uuid").asText();
    }

    /**
     * Creates features titled {@code Feature 1} to {@code Feature n}, priorities cycling through 10, 20, 30, 40.
     *
     * @param projectId the project
     * @param count how many
     */
    public void seedFeatures(String projectId, int count) {
        for (int i = 1; i <= count; i++) {
            ObjectNode f = JsonSupport.object();
            f.put("projectId", projectId).put("title", "Feature " + i).put("statusCode", "CIPFEATOPEN")
                    .put("priorityCode", 10 * (1 + (i - 1) % 4)).put("displayId", "F-" + i);
            store.families().create(CalmFamilies.FEATURES, f);
        }
    }

    /**
     * Adds features that are generated on demand, like {@link #seedTasks(String, int)}: a million of them cost
     * almost no memory until a page is read. They can be listed, filtered and read, not changed; titles are
     * {@code Generated feature 0} to {@code n-1}, priorities cycle through 10, 20, 30, 40. Replaces earlier
     * generated features.
     *
     * @param projectId the project
     * @param count how many
     */
    public void generateFeatures(String projectId, int count) {
        Objects.requireNonNull(projectId, "projectId");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        store.families().generate(CalmFamilies.FEATURES, count, i -> JsonSupport.object().put("projectId", projectId)
                .put("displayId", "G-" + i).put("title", "Generated feature " + i).put("statusCode", "CIPFEATOPEN")
                .put("priorityCode", 10 * (1 + i % 4)).put("createdAt", "2025-01-01T00:00:00Z")
                .put("modifiedAt", "2025-01-01T00:00:00Z"));
    }

    /**
     * Creates documents titled {@code Document 1} to {@code Document n}.
     *
     * @param projectId the project
     * @param count how many
     */
    public void seedDocuments(String projectId, int count) {
        for (int i = 1; i <= count; i++) {
            ObjectNode d = JsonSupport.object();
            d.put("projectId", projectId).put("title", "Document " + i).put("content", "<p>Content " + i + "</p>")
                    .put("documentTypeCode", "CALMDOCTYPEDEF").put("statusCode", "CALMDOCSTATUSINPROG")
                    .put("displayId", "D-" + i);
            store.families().create(CalmFamilies.DOCUMENTS, d);
        }
    }

    /**
     * Creates a manual test case with one activity holding one action, as SAP's test management notebook
     * creates one.
     *
     * @param projectId the project
     * @param title the title
     * @return its uuid
     */
    public String createManualTestCase(String projectId, String title) {
        ObjectNode tc = JsonSupport.object();
        tc.put("projectId", Objects.requireNonNull(projectId, "projectId")).put("title", title).put("isPrepared", false);
        ObjectNode activity = tc.putArray("toActivities").addObject();
        activity.put("sequence", 1).put("title", "Activity 1").put("isInScope", true);
        activity.putArray("toActions").addObject().put("sequence", 1).put("title", "Action 1")
                .put("expectedResult", "It works");
        return store.families().create(CalmFamilies.TEST_CASES, tc).get("uuid").asText();
    }

    /**
     * Creates manual test cases titled {@code Test case 1} to {@code Test case n}.
     *
     * @param projectId the project
     * @param count how many
     */
    public void seedManualTestCases(String projectId, int count) {
        for (int i = 1; i <= count; i++) {
            createManualTestCase(projectId, "Test case " + i);
        }
    }

    /**
     * Records that a test case was executed: a plain delete of it is then refused with 412, as Cloud ALM
     * refuses to lose test runs.
     *
     * @param uuid the test case
     * @throws IllegalArgumentException if there is no such test case
     */
    public void markTestCaseExecuted(String uuid) {
        ObjectNode flag = JsonSupport.object().put("_executed", true);
        if (!store.families().update(CalmFamilies.TEST_CASES, uuid, flag)) {
            throw new IllegalArgumentException("no test case " + uuid);
        }
    }

    /**
     * Creates process scopes named {@code Scope 1} to {@code Scope n} in a project.
     *
     * @param projectId the project
     * @param count how many
     * @return their ids
     */
    public List<String> seedScopes(String projectId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ObjectNode sc = JsonSupport.object().put("projectId", projectId).put("name", "Scope " + i)
                    .put("description", "Seeded scope " + i);
            ids.add(store.families().create(CalmFamilies.SCOPES, sc).get("id").asText());
        }
        return ids;
    }

    /**
     * Adds solution scenario versions (content release versions) {@code Scenario 1} to {@code Scenario n}.
     *
     * @param count how many
     */
    public void seedSolutionScenarioVersions(int count) {
        for (int i = 1; i <= count; i++) {
            ObjectNode v = JsonSupport.object().put("name", "Scenario " + i).put("solutionScenarioId", "SCEN" + i)
                    .put("version", "2025.1");
            store.families().create(CalmFamilies.SCENARIO_VERSIONS, v);
        }
    }

    /**
     * Adds a solution scenario version (content release version) with solution processes {@code <name> process 1}
     * to {@code n}: assigning it to a scope ({@code POST /scopes/{id}/solutionScenarioVersions}) lists its
     * processes in that scope, out of scope, for {@code PATCH /solutionProcesses/scopeAssignments} to put in scope.
     *
     * @param name the version's name
     * @param processCount how many solution processes it has
     * @return its id
     */
    public String addSolutionScenarioVersion(String name, int processCount) {
        ObjectNode v = JsonSupport.object().put("name", Objects.requireNonNull(name, "name"))
                .put("solutionScenarioId", "SCEN-" + name).put("version", "2025.1");
        var processes = v.putArray(CalmFamilies.VERSION_PROCESSES);
        for (int i = 1; i <= processCount; i++) {
            processes.addObject().put("solutionProcessId", Ids.uuid())
                    .put("solutionProcessVersionId", Ids.uuid())
                    .put("solutionProcessVersionName", name + " process " + i);
        }
        return store.families().create(CalmFamilies.SCENARIO_VERSIONS, v).get("id").asText();
    }

    /**
     * Adds solution processes of a scope, as the process management API lists them for scoping.
     *
     * @param projectId the project
     * @param scopeId the scope
     * @param count how many; every other one is in scope
     */
    public void seedScopedSolutionProcesses(String projectId, String scopeId, int count) {
        for (int i = 1; i <= count; i++) {
            String versionId = Ids.uuid();
            ObjectNode p = JsonSupport.object().put(CalmFamilies.SCOPED_PROCESS_KEY,
                            CalmFamilies.scopedProcessKey(scopeId, versionId)).put("projectId", projectId)
                    .put("scopeId", scopeId).put("solutionProcessId", "SP" + i)
                    .put("solutionProcessVersionId", versionId)
                    .put("solutionProcessVersionName", "Solution process " + i)
                    .put("solutionScenarioId", "CUSTOM").put("solutionScenarioVersionId", "SSV" + i)
                    .put("isScoped", i % 2 == 1);
            store.families().create(CalmFamilies.SCOPED_PROCESSES, p);
        }
    }

    /**
     * Creates business processes {@code Business process 1} to {@code n} (process authoring).
     *
     * @param count how many
     */
    public void seedBusinessProcesses(int count) {
        for (int i = 1; i <= count; i++) {
            ObjectNode bp = JsonSupport.object().put("name", "Business process " + i)
                    .put("description", "Seeded business process " + i);
            store.families().create(CalmFamilies.BUSINESS_PROCESSES, bp);
        }
    }

    /**
     * Creates a business process with one solution process that has flows {@code Flow 1} to {@code n}
     * (process authoring).
     *
     * @param count how many flows
     * @return the solution process's id
     */
    public String createSolutionProcessWithFlows(int count) {
        String bp = store.families().create(CalmFamilies.BUSINESS_PROCESSES, JsonSupport.object()
                .put("name", "Business process with flows")).get("id").asText();
        ObjectNode sp = JsonSupport.object().put("name", "Solution process with flows");
        sp.putObject("businessProcess").put("id", bp);
        String spId = store.families().create(CalmFamilies.SOLUTION_PROCESSES, sp).get("id").asText();
        for (int i = 1; i <= count; i++) {
            ObjectNode flow = JsonSupport.object().put("name", "Flow " + i).put("description", "Seeded flow " + i);
            flow.putObject("solutionProcess").put("id", spId).put("uri", "/api/v1/solutionProcesses/" + spId);
            store.families().create(CalmFamilies.FLOWS, flow);
        }
        return spId;
    }

    /**
     * Adds assets {@code Asset 1} to {@code n}, each with one link, to a solution process (process authoring).
     *
     * @param solutionProcessId the solution process
     * @param count how many
     */
    public void seedAssets(String solutionProcessId, int count) {
        for (int i = 1; i <= count; i++) {
            ObjectNode asset = JsonSupport.object().put("name", "Asset " + i);
            asset.putArray("countryUrl").addObject().put("country", "DE").put("url", "https://example.com/asset/" + i);
            asset.putObject("solutionProcess").put("id", solutionProcessId);
            store.families().create(CalmFamilies.ASSETS, asset);
        }
    }

    /**
     * Adds diagrams {@code Diagram 1} to {@code n} to a solution process flow (process authoring).
     *
     * @param flowId the flow
     * @param count how many
     */
    public void seedFlowDiagrams(String flowId, int count) {
        for (int i = 1; i <= count; i++) {
            ObjectNode diagram = JsonSupport.object().put("name", "Diagram " + i).put("description", "")
                    .put("svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            diagram.putObject("solutionProcessFlow").put("id", flowId);
            store.families().create(CalmFamilies.FLOW_DIAGRAMS, diagram);
        }
    }

    /**
     * Adds an analytics data provider to {@code /calm-analytics/v1/analytics/providers}.
     *
     * @param name the provider, e.g. {@code DP_TASKS}
     * @param description its description
     */
    public void addAnalyticsProvider(String name, String description) {
        ObjectNode p = JsonSupport.object().put("name", name).put("description", description);
        store.families().create(CalmFamilies.PROVIDERS, p);
    }

    /**
     * Adds rows to the analytics {@code DataSet} of a provider: {@code d1k}/{@code d1v} cycle through three
     * statuses, {@code m1v} counts up.
     *
     * @param provider the provider, e.g. {@code DP_TASKS}
     * @param count how many rows
     */
    public void seedDataSet(String provider, int count) {
        String[] status = {"OPEN", "IN_PROGRESS", "DONE"};
        for (int i = 0; i < count; i++) {
            ObjectNode row = JsonSupport.object().put("provider", provider).put("date", "2025-06-01")
                    .put("d1k", "status").put("d1v", status[i % 3]).put("m1k", "count").put("m1v", i + 1);
            store.families().create(CalmFamilies.DATA_SET, row);
        }
    }

    /**
     * Adds landscape objects {@code System 1} to {@code n}; object types cycle through
     * {@code CloudService}, {@code TechnicalSystem}, {@code LogicalSystem}.
     *
     * @param count how many
     */
    public void seedLandscapeObjects(int count) {
        String[] types = {"CloudService", "TechnicalSystem", "LogicalSystem"};
        for (int i = 1; i <= count; i++) {
            ObjectNode o = JsonSupport.object().put("name", "System " + i).put("objectType", types[(i - 1) % 3])
                    .put("role", i % 2 == 0 ? "PROD" : "TEST").put("externalId", "EXT-" + i).put("source", "SIM");
            store.families().create(CalmFamilies.LANDSCAPE, o);
        }
    }

    /**
     * Adds status events {@code Event 1} to {@code n}; types cycle through disruption, degradation and
     * maintenance.
     *
     * @param count how many
     */
    public void seedStatusEvents(int count) {
        String[] types = {"DISRUPTION", "DEGRADATION", "MAINTENANCE"};
        for (int i = 1; i <= count; i++) {
            ObjectNode e = JsonSupport.object().put("title", "Event " + i).put("type", types[(i - 1) % 3])
                    .put("serviceName", "Service " + (1 + i % 4)).put("serviceType", "S4HANA_CLOUD")
                    .put("status", "OPEN").put("startTime", "2025-06-01T08:00:00Z");
            store.families().create(CalmFamilies.EVENTS, e);
        }
    }

    /**
     * Adds test plans {@code Test plan 1} to {@code n} of a project, each with two test case assignments
     * ({@code TestCaseAssignments} with {@code testPlan_uuid}); the fields are the simulator's own.
     *
     * @param projectId the project
     * @param count how many
     * @return their uuids
     */
    public List<String> seedTestPlans(String projectId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String uuid = store.families().create(CalmFamilies.TEST_PLANS, JsonSupport.object().put("projectId", projectId)
                    .put("displayId", "TP-" + i).put("title", "Test plan " + i).put("statusCode", "IN_PREPARATION"))
                    .get("uuid").asText();
            for (int a = 1; a <= 2; a++) {
                store.families().create(CalmFamilies.TEST_CASE_ASSIGNMENTS, JsonSupport.object()
                        .put("testPlan_uuid", uuid).put("testCase_uuid", "tc-" + i + "-" + a));
            }
            ids.add(uuid);
        }
        return ids;
    }

    /**
     * Adds a filter that {@code POST /calm-analytics/v1/analytics/providers/filters} answers for a provider.
     *
     * @param provider the provider, e.g. {@code DP_TASKS}
     * @param key the dimension, e.g. {@code project}
     * @param values the values offered
     */
    public void addAnalyticsFilter(String provider, String key, String... values) {
        ObjectNode f = JsonSupport.object().put("key", Objects.requireNonNull(key, "key"));
        com.fasterxml.jackson.databind.node.ArrayNode v = f.putArray("values");
        for (String value : values) {
            v.add(value);
        }
        store.families().addAnalyticsFilter(Objects.requireNonNull(provider, "provider"), f);
    }

    /**
     * Adds metric data points {@code <provider>.value} of a service, one a minute from 2025-06-01T08:00Z, values 1 to
     * {@code n} ({@code GET /calm-metrics/v1/metrics}).
     *
     * @param provider the provider, e.g. {@code hm}
     * @param serviceId the service
     * @param count how many
     */
    public void seedMetrics(String provider, String serviceId, int count) {
        java.time.Instant start = java.time.Instant.parse("2025-06-01T08:00:00Z");
        for (int i = 1; i <= count; i++) {
            store.families().telemetry().add(new TelemetryStore.Point(provider, serviceId, provider + ".value",
                    start.plusSeconds(60L * i), i, java.util.Map.of("metricName", "metric " + (1 + i % 3))));
        }
    }

    /**
     * Adds log records {@code Log 1} to {@code n} of a service ({@code GET /calm-logs/v1/logs}); every third is an
     * {@code ERROR}, the others {@code INFO}.
     *
     * @param provider the provider, e.g. {@code hm}
     * @param serviceId the service
     * @param count how many
     */
    public void seedLogs(String provider, String serviceId, int count) {
        java.time.Instant start = java.time.Instant.parse("2025-06-01T08:00:00Z");
        for (int i = 1; i <= count; i++) {
            store.families().telemetry().add(new TelemetryStore.Log(provider, serviceId, start.plusSeconds(i),
                    i % 3 == 0 ? "ERROR" : "INFO", "Log " + i));
        }
    }

    /**
     * Looks an entity of a generically served collection up, as stored (simulator fields included).
     *
     * @param collectionPath the collection under {@code /api}, e.g. {@code /calm-features/v1/Features}
     * @param key the entity's key
     * @return the entity, or empty
     */
    public Optional<JsonNode> find(String collectionPath, String key) {
        return store.families().find(collectionPath, key).map(JsonNode.class::cast);
    }

    /**
     * How many entities a generically served collection holds.
     *
     * @param collectionPath the collection under {@code /api}, e.g. {@code /calm-documents/v1/Documents}
     * @return the count
     */
    public int count(String collectionPath) {
        return store.families().count(collectionPath);
    }

    private void requireProject(String projectId) {
        if (store.project(projectId).isEmpty()) {
            throw new IllegalArgumentException("no project " + projectId);
        }
    }
}
