package io.calmsdk.examples;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.DataSetRow;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.StatusEvent;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.testkit.BtpSimulator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read-only report over four APIs: the process scopes of a project (process management), the production
 * systems (landscape), the open status events per service (status events) and the task counts by status
 * (analytics {@code DataSet} of provider {@code DP_TASKS}). Every list is lazy and paged.
 *
 * <p>With {@code CALM_SERVICE_KEY} set it uses that key (scopes {@code calm-api.processmanagement.read},
 * {@code calm-api.landscape.read}, {@code calm-api.bsm.read}, {@code calm-api.analytics.read}); without it, a
 * key of an in-process simulator with seeded data.
 */
public final class ScopeAndLandscapeReport {

    private ScopeAndLandscapeReport() {
    }

    /**
     * Runs the example.
     *
     * @param args the project id; without one, {@code demo}
     */
    public static void main(String[] args) {
        try (ExampleSetup setup = ExampleSetup.forVariable("CALM_SERVICE_KEY")) {
            ServiceKey key = setup.simulated() ? seeded(setup.simulator()) : setup.cloudAlmKey();
            run(key, args.length > 0 ? args[0] : "demo").forEach((k, v) -> System.out.println(k + ": " + v));
        }
    }

    /** Seeds a simulator with the data the report reads and returns a key with the report's scopes. */
    static ServiceKey seeded(BtpSimulator sim) {
        sim.cloudAlm().seedScopes("demo", 3);
        sim.cloudAlm().seedLandscapeObjects(12);
        sim.cloudAlm().seedStatusEvents(6);
        sim.cloudAlm().seedDataSet("DP_TASKS", 9);
        return ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey("calm-api.processmanagement.read",
                "calm-api.landscape.read", "calm-api.bsm.read", "calm-api.analytics.read").json());
    }

    /**
     * Reads the report.
     *
     * @param key a Cloud ALM service key with the read scopes above
     * @param projectId the project whose scopes and tasks are counted
     * @return the figures, by name
     */
    public static Map<String, Object> run(ServiceKey key, String projectId) {
        Map<String, Object> report = new TreeMap<>();
        try (CloudAlmClient calm = CloudAlmClient.create(key)) {
            report.put("scopes", calm.processManagement().listScopes(projectId).stream().count());
            report.put("production systems", calm.landscape().list(Map.of("role", "PROD"), 100).stream().count());
            Map<String, Long> events = new TreeMap<>();
            for (StatusEvent event : calm.statusEvents().list()) {
                events.merge(event.serviceName().orElse("(unknown)"), 1L, Long::sum);
            }
            report.put("events by service", events);
            Map<String, Double> tasks = new TreeMap<>();
            for (DataSetRow row : calm.analytics().listDataSet("DP_TASKS", ODataQuery.builder()
                    .where("query", "project=" + projectId).build())) {
                tasks.merge(row.dimensionValue(1).orElse("(none)"), row.measureValue(1).orElse(0.0), Double::sum);
            }
            report.put("tasks by status", tasks);
        }
        return report;
    }
}
