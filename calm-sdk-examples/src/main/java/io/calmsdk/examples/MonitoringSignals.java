package io.calmsdk.examples;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.AnalyticsDataRequest;
import io.calmsdk.api.model.AnalyticsSeries;
import io.calmsdk.api.model.LogRecord;
import io.calmsdk.api.model.MetricPoint;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.testkit.BtpSimulator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read-only operations summary over the monitoring APIs: the health monitoring metrics of the last hour (raw data
 * metrics API, OpenTelemetry data points), the error log records of exception monitoring for integrations of the last
 * 30 minutes (raw data logs API, provider {@code exm.im}), the
 * disruptions among the status events (the OData set {@code eventsDATA}) and the task counts by status from the
 * analytics REST data interface. Every list is lazy and paged.
 *
 * <p>With {@code CALM_SERVICE_KEY} set it uses that key (scopes {@code calm-api.metrics.read},
 * {@code calm-api.logs.read}, {@code calm-api.bsm.read}, {@code calm-api.analytics.read}, and the use-case scopes of
 * the raw data providers, {@code calm-api.hm.read} and {@code calm-api.exm.read}); without it, a key of an in-process
 * simulator with seeded data.
 */
public final class MonitoringSignals {

    private MonitoringSignals() {
    }

    /**
     * Runs the example.
     *
     * @param args the provider of the metrics; without one, {@code hm} (health monitoring)
     */
    public static void main(String[] args) {
        try (ExampleSetup setup = ExampleSetup.forVariable("CALM_SERVICE_KEY")) {
            ServiceKey key = setup.simulated() ? seeded(setup.simulator()) : setup.cloudAlmKey();
            run(key, args.length > 0 ? args[0] : "hm").forEach((k, v) -> System.out.println(k + ": " + v));
        }
    }

    /** Seeds a simulator with the data the summary reads and returns a key with its scopes. */
    static ServiceKey seeded(BtpSimulator sim) {
        sim.cloudAlm().seedMetrics("hm", "svc-s4h", 150);
        sim.cloudAlm().seedLogs("exm.im", "svc-s4h", 40);
        sim.cloudAlm().seedStatusEvents(9);
        sim.cloudAlm().seedDataSet("DP_TASKS", 6);
        return ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey("calm-api.metrics.read", "calm-api.logs.read",
                "calm-api.bsm.read", "calm-api.analytics.read").json());
    }

    /**
     * Reads the summary.
     *
     * @param key a Cloud ALM service key with the read scopes above
     * @param provider the monitoring provider of the metrics, e.g. {@code hm}
     * @return the figures, by name
     */
    public static Map<String, Object> run(ServiceKey key, String provider) {
        Map<String, Object> summary = new TreeMap<>();
        try (CloudAlmClient calm = CloudAlmClient.create(key)) {
            double peak = 0;
            long points = 0;
            for (MetricPoint p : calm.metrics().list(provider, Map.of("period", "L1H", "resolution", "5Mi",
                    "metrics", "measure:value", "dimensions", "serviceName,metricName"))) {
                peak = Math.max(peak, p.value().orElse(0.0));
                points++;
            }
            summary.put("metric points", points);
            summary.put("peak value", peak);
            long errors = 0;
            for (LogRecord r : calm.logs().list("exm.im", Map.of("period", "30M"))) {
                if (r.severityText().orElse("").equals("ERROR")) {
                    errors++;
                }
            }
            summary.put("error logs", errors);
            summary.put("disruptions", calm.statusEvents().list(ODataQuery.builder().where("type", "DISRUPTION")
                    .build()).stream().count());
            Map<Object, Object> tasks = new TreeMap<>();
            for (AnalyticsSeries table : calm.analytics().queryData(r -> r.format("table").tableType("snapshot")
                    .period("L6M").query(AnalyticsDataRequest.Query.builder().name("tasks").provider("DP_TASKS")
                            .dimensions("status").measures("count").build()))) {
                for (int i = 0; i < table.rows().size(); i++) {
                    tasks.merge(table.value(i, "status").orElse("(none)"), table.value(i, "count").orElse(0),
                            (a, b) -> ((Number) a).intValue() + ((Number) b).intValue());
                }
            }
            summary.put("tasks by status", tasks);
        }
        return summary;
    }
}
