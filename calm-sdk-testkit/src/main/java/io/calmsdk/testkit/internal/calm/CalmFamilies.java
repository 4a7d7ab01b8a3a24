package io.calmsdk.testkit.internal.calm;

import io.calmsdk.testkit.internal.calm.EntitySpec.Style;
import io.calmsdk.testkit.internal.world.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Cloud ALM API families the simulator serves through the generic {@link EntitySetApi}: paths, keys,
 * scopes, filterable properties and ETag behaviour, from SAP's notebooks and Postman collections where they
 * show them and, marked UNVERIFIED, from open-source clients. One {@link EntityTable} per collection,
 * cleared by {@link #reset()}. Thread-safe.
 */
public final class CalmFamilies {

    /** {@code /calm-features/v1/Features} (OData v4). */
    public static final String FEATURES = "/calm-features/v1/Features";
    /** {@code /calm-features/v1/ExternalReferences}: references of features (OData v4; UNVERIFIED shape). */
    public static final String FEATURE_REFERENCES = "/calm-features/v1/ExternalReferences";
    /** {@code /calm-documents/v1/Documents} (OData v4). */
    public static final String DOCUMENTS = "/calm-documents/v1/Documents";
    /** {@code /calm-testmanagement/v1/ManualTestCases} (OData v4, deep insert, ETag = modifiedAt). */
    public static final String TEST_CASES = "/calm-testmanagement/v1/ManualTestCases";
    /** {@code /calm-processmanagement/v1/scopes}. */
    public static final String SCOPES = "/calm-processmanagement/v1/scopes";
    /** {@code /calm-processmanagement/v1/solutionScenarioVersions}. */
    public static final String SCENARIO_VERSIONS = "/calm-processmanagement/v1/solutionScenarioVersions";
    /**
     * {@code /calm-processmanagement/v1/solutionProcesses}: solution processes as scoping sees them, one row per
     * scope and solution process version, keyed {@code scopeId|solutionProcessVersionId}.
     */
    public static final String SCOPED_PROCESSES = "/calm-processmanagement/v1/solutionProcesses";
    /** The simulator's own key field of {@link #SCOPED_PROCESSES}, see {@link #scopedProcessKey(String, String)}. */
    public static final String SCOPED_PROCESS_KEY = "_key";
    /**
     * The simulator's own field of a {@link #SCENARIO_VERSIONS} entity that lists its solution processes
     * ({@code solutionProcessId}, {@code solutionProcessVersionId}, {@code solutionProcessVersionName}); assigning the
     * version to a scope lists them in the scope, out of scope. Never shown.
     */
    public static final String VERSION_PROCESSES = "_processes";
    /** {@code /calm-processauthoring/v1/businessProcesses}. */
    public static final String BUSINESS_PROCESSES = "/calm-processauthoring/v1/businessProcesses";
    /** {@code /calm-processauthoring/v1/solutionProcesses}. */
    public static final String SOLUTION_PROCESSES = "/calm-processauthoring/v1/solutionProcesses";
    /** {@code /calm-processauthoring/v1/solutionProcessFlows}. */
    public static final String FLOWS = "/calm-processauthoring/v1/solutionProcessFlows";
    /** {@code /calm-processauthoring/v1/assets}: assets of solution processes (name and URLs by country). */
    public static final String ASSETS = "/calm-processauthoring/v1/assets";
    /** {@code /calm-processauthoring/v1/solutionProcessFlowDiagrams}: diagrams of solution process flows. */
    public static final String FLOW_DIAGRAMS = "/calm-processauthoring/v1/solutionProcessFlowDiagrams";
    /** {@code /calm-processauthoring/v1/solutionValueFlowDiagrams}: one per solution process, made with it. */
    public static final String VALUE_FLOWS = "/calm-processauthoring/v1/solutionValueFlowDiagrams";
    /** {@code /calm-analytics/v1/odata/v4/analytics/DataSet}. */
    public static final String DATA_SET = "/calm-analytics/v1/odata/v4/analytics/DataSet";
    /** {@code /calm-analytics/v1/analytics/providers}. */
    public static final String PROVIDERS = "/calm-analytics/v1/analytics/providers";
    /** {@code /calm-landscape/v1/landscapeObjects} (REST; UNVERIFIED path and filters). */
    public static final String LANDSCAPE = "/calm-landscape/v1/landscapeObjects";
    /** {@code /bsm-service/v1/events}: status events (REST). */
    public static final String EVENTS = "/bsm-service/v1/events";
    /** {@code /bsm-service/v1/eventsDATA}: the status events of {@link #EVENTS} as an OData v4 set (SAP's API guide). */
    public static final String EVENTS_DATA = "/bsm-service/v1/eventsDATA";
    /** {@code /calm-testmanagement-testplans/v1/TestPlans} (OData v4, read-only; UNVERIFIED path, consetto/calmcp). */
    public static final String TEST_PLANS = "/calm-testmanagement-testplans/v1/TestPlans";
    /** {@code /calm-testmanagement-testplans/v1/TestCaseAssignments} (OData v4, read-only; UNVERIFIED). */
    public static final String TEST_CASE_ASSIGNMENTS = "/calm-testmanagement-testplans/v1/TestCaseAssignments";

    private static final List<EntitySpec> SPECS = List.of(
            new EntitySpec(FEATURES, "Features", "uuid", Style.ODATA, "calm-api.features.read",
                    "calm-api.features.write", "calm-api.features.write",
                    Set.of("uuid", "displayId", "title", "projectId", "statusCode", "priorityCode", "releaseId",
                            "scopeId", "responsibleId", "type", "workstreamId"),
                    Set.of("title", "projectId"), Map.of(), false, Map.of()),
            new EntitySpec(FEATURE_REFERENCES, "ExternalReferences", "id", Style.ODATA, "calm-api.features.read",
                    "calm-api.features.write", null, Set.of("id", "parentUuid", "name", "url"),
                    Set.of("parentUuid", "url"), Map.of(), false, Map.of()),
            new EntitySpec(DOCUMENTS, "Documents", "uuid", Style.ODATA, "calm-api.documents.read",
                    "calm-api.documents.write", "calm-api.documents.delete",
                    Set.of("uuid", "displayId", "title", "projectId", "scopeId", "statusCode", "priorityCode",
                            "documentTypeCode", "sourceCode"),
                    Set.of("title"), Map.of(), false, Map.of()),
            new EntitySpec(TEST_CASES, "ManualTestCases", "uuid", Style.ODATA, "calm-api.testcases.read",
                    "calm-api.testcases.write", "calm-api.testcases.delete",
                    Set.of("uuid", "displayId", "title", "projectId", "scopeId", "isPrepared", "solutionProcessId",
                            "statusCode"),
                    Set.of("title", "projectId"), Map.of(), true,
                    Map.of("toActivities", List.of("toActions", "toApplications"), "toReferences", List.of())),
            new EntitySpec(SCOPES, "scopes", "id", Style.ODATA, "calm-api.processmanagement.read",
                    "calm-api.processmanagement.write", "calm-api.processmanagement.delete",
                    Set.of("id", "name", "projectId"), Set.of("name", "projectId"), Map.of("projectId", "projectId"),
                    false, Map.of()),
            EntitySpec.readOnly(SCENARIO_VERSIONS, "solutionScenarioVersions", "id", Style.ODATA,
                    "calm-api.processmanagement.read", Set.of("id", "name", "solutionScenarioId"), Map.of()),
            // A solution process is in or out of scope per scope: one row per scope and solution process version,
            // keyed by the simulator's own "_key" (scopedProcessKey).
            EntitySpec.readOnly(SCOPED_PROCESSES, "solutionProcesses", SCOPED_PROCESS_KEY, Style.ODATA,
                    "calm-api.processmanagement.read", Set.of("solutionProcessId", "isScoped", "scopeId", "projectId"),
                    Map.of("projectId", "projectId", "scopeId", "scopeId", "solutionScenarioId", "solutionScenarioId",
                            "solutionScenarioVersionId", "solutionScenarioVersionId",
                            "solutionProcessId", "solutionProcessId")),
            new EntitySpec(BUSINESS_PROCESSES, "businessProcesses", "id", Style.ODATA,
                    "calm-api.processauthoring.read", "calm-api.processauthoring.write",
                    "calm-api.processauthoring.write", Set.of("id", "name"), Set.of("name"), Map.of(), true, Map.of()),
            new EntitySpec(SOLUTION_PROCESSES, "solutionProcesses", "id", Style.ODATA,
                    "calm-api.processauthoring.read", "calm-api.processauthoring.write",
                    "calm-api.processauthoring.write", Set.of("id", "name", "status", "externalId"),
                    Set.of("name", "businessProcess"), Map.of("externalId", "externalId"), true, Map.of()),
            // Flows and value-flow diagrams are made with their solution process and only changed (PATCH) in SAP's
            // notebook; the simulator also accepts a POST on them, to seed them.
            new EntitySpec(FLOWS, "solutionProcessFlows", "id", Style.ODATA, "calm-api.processauthoring.read",
                    "calm-api.processauthoring.write", null, Set.of("id", "name"), Set.of(), Map.of(), true,
                    Map.of()),
            new EntitySpec(ASSETS, "assets", "id", Style.ODATA, "calm-api.processauthoring.read",
                    "calm-api.processauthoring.write", "calm-api.processauthoring.write", Set.of("id", "name"),
                    Set.of("name"), Map.of(), true, Map.of()),
            new EntitySpec(FLOW_DIAGRAMS, "solutionProcessFlowDiagrams", "id", Style.ODATA,
                    "calm-api.processauthoring.read", "calm-api.processauthoring.write",
                    "calm-api.processauthoring.write", Set.of("id", "name"), Set.of("name"), Map.of(), true, Map.of()),
            new EntitySpec(VALUE_FLOWS, "solutionValueFlowDiagrams", "id", Style.ODATA,
                    "calm-api.processauthoring.read", "calm-api.processauthoring.write", null, Set.of("id", "name"),
                    Set.of(), Map.of(), true, Map.of()),
            EntitySpec.readOnly(DATA_SET, "DataSet", "_row", Style.ODATA, "calm-api.analytics.read",
                    Set.of("provider", "date", "query", "resolution", "period"), Map.of()),
            EntitySpec.readOnly(PROVIDERS, "providers", "name", Style.REST, "calm-api.analytics.read",
                    Set.of("name"), Map.of()),
            EntitySpec.readOnly(LANDSCAPE, "landscapeObjects", "id", Style.REST, "calm-api.landscape.read",
                    Set.of("id", "name", "objectType", "role", "serviceType", "externalId", "source", "deploymentModel"),
                    Map.of("objectType", "objectType", "role", "role", "serviceType", "serviceType", "name", "name",
                            "source", "source", "externalId", "externalId", "deploymentModel", "deploymentModel")),
            EntitySpec.readOnly(EVENTS, "events", "id", Style.REST, "calm-api.bsm.read",
                    Set.of("id", "type", "serviceName", "eventType", "serviceType"),
                    Map.of("type", "type", "serviceName", "serviceName", "eventType", "eventType",
                            "serviceType", "serviceType")),
            EntitySpec.readOnly(TEST_PLANS, "TestPlans", "uuid", Style.ODATA, "calm-api.testplans.read",
                    Set.of("uuid", "displayId", "title", "projectId", "statusCode"), Map.of()),
            EntitySpec.readOnly(TEST_CASE_ASSIGNMENTS, "TestCaseAssignments", "uuid", Style.ODATA,
                    "calm-api.testplans.read", Set.of("uuid", "testPlan_uuid", "testCase_uuid"), Map.of()));

    private static final EntitySpec EVENTS_DATA_SPEC = EntitySpec.readOnly(EVENTS_DATA, "eventsDATA", "id",
            Style.ODATA, "calm-api.bsm.read", Set.of("id", "type", "serviceName", "eventType", "serviceType", "status",
                    "title", "startTime"), Map.of());

    /**
     * Analytics filter properties that select what a data provider computes ({@code query},
     * {@code resolution}, {@code period}) rather than properties of the rows: accepted, not applied.
     */
    static final Set<String> DATA_SET_PARAMETERS = Set.of("query", "resolution", "period");

    private final Map<String, EntityTable> tables = new LinkedHashMap<>();
    private final ProjectTaskLinks links = new ProjectTaskLinks();
    private final List<com.fasterxml.jackson.databind.node.ObjectNode> analyticsFilters =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final TelemetryStore telemetry = new TelemetryStore();

    /**
     * Creates the tables, empty.
     *
     * @param world simulator state (clock)
     */
    public CalmFamilies(World world) {
        for (EntitySpec spec : SPECS) {
            tables.put(spec.path(), new EntityTable(world, spec));
        }
    }

    /**
     * The key of a {@link #SCOPED_PROCESSES} row: a solution process is in or out of scope per scope.
     *
     * @param scopeId the scope
     * @param solutionProcessVersionId the solution process version
     * @return the key
     */
    public static String scopedProcessKey(String scopeId, String solutionProcessVersionId) {
        return scopeId + "|" + solutionProcessVersionId;
    }

    /** Empties every table. */
    public void reset() {
        tables.values().forEach(EntityTable::reset);
        links.reset();
        analyticsFilters.clear();
        telemetry.reset();
    }

    ProjectTaskLinks links() {
        return links;
    }

    /**
     * Adds a filter that {@code POST analytics/providers/filters} answers for a provider.
     *
     * @param provider the provider, e.g. {@code DP_TASKS}
     * @param filter the filter as answered, e.g. {@code {"key": "project", "values": [...]}}
     */
    public void addAnalyticsFilter(String provider, com.fasterxml.jackson.databind.node.ObjectNode filter) {
        com.fasterxml.jackson.databind.node.ObjectNode f = filter.deepCopy();
        f.put("_provider", provider);
        analyticsFilters.add(f);
    }

    List<com.fasterxml.jackson.databind.node.ObjectNode> analyticsFilters() {
        return analyticsFilters;
    }

    /** @return the metric and log records the raw data APIs serve */
    public TelemetryStore telemetry() {
        return telemetry;
    }

    /**
     * Adds an entity as a create through the API would (key, {@code createdAt}, {@code modifiedAt}).
     *
     * @param path the collection, one of the constants
     * @param fields the entity's fields
     * @return the entity as stored
     */
    public com.fasterxml.jackson.databind.node.ObjectNode create(String path,
                                                                  com.fasterxml.jackson.databind.node.ObjectNode fields) {
        return table(path).create(fields);
    }

    /**
     * Changes fields of an entity, moving its {@code modifiedAt} (and ETag) forward.
     *
     * @param path the collection
     * @param key the entity's key
     * @param changes the fields to set
     * @return whether the entity exists
     */
    public boolean update(String path, String key, com.fasterxml.jackson.databind.node.ObjectNode changes) {
        return table(path).update(key, changes).isPresent();
    }

    /**
     * Looks an entity up, as stored.
     *
     * @param path the collection
     * @param key the entity's key
     * @return the entity, or empty
     */
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> find(String path, String key) {
        return table(path).find(key);
    }

    /**
     * Adds entities generated on demand to a collection (read-only, made when a page is read).
     *
     * @param path the collection
     * @param count how many
     * @param generator makes entity {@code i}; its key is set by the table
     */
    public void generate(String path, int count,
                         java.util.function.IntFunction<com.fasterxml.jackson.databind.node.ObjectNode> generator) {
        table(path).generate(count, generator);
    }

    /**
     * How many entities a collection holds.
     *
     * @param path the collection
     * @return the count
     */
    public int count(String path) {
        return table(path).size();
    }

    EntityTable table(String path) {
        EntityTable table = tables.get(path);
        if (table == null) {
            throw new IllegalArgumentException("no simulated collection " + path);
        }
        return table;
    }

    void register(io.calmsdk.testkit.internal.http.Router router, CloudAlmApi api,
                  io.calmsdk.testkit.internal.world.Settings settings) {
        tables.values().forEach(t -> new EntitySetApi(t, settings).register(router, api));
        new EntitySetApi(table(EVENTS), EVENTS_DATA_SPEC, settings).register(router, api);
        new ProcessManagementApi(this).register(router, api);
        new AnalyticsApi(this).register(router, api);
        new TelemetryApi(telemetry).register(router, api);
        new ProcessAuthoringApi(this).register(router, api);
    }
}
