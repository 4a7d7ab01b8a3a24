package io.calmsdk.api.model;

import static io.calmsdk.api.model.GoldenFiles.bytes;
import static io.calmsdk.api.model.GoldenFiles.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.Otlp;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.core.internal.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the test plans, analytics REST, metrics and logs families: the request builders
 * write exactly the bodies of SAP's analytics Postman collection, and the models read the answer shapes listed in
 * {@code src/test/resources/golden/README.md} (each marked with its source).
 */
class MonitoringFamiliesGoldenTest {

    @Test
    void analyticsData_writesSapsTableRequest() {
        AnalyticsDataRequest request = AnalyticsDataRequest.builder().format("table").tableType("snapshot")
                .period("L6M").resolution("M").offset(0).limit(10).timezone("+00:00")
                .query(AnalyticsDataRequest.Query.builder().name("legend1").provider("DP_TASKS")
                        .dimensions("project", "name", "type", "status").measures("count")
                        .filter("Project", "11111111-1111-1111-1111-111111111111").build())
                .build();
        assertThat(Json.mapper().<JsonNode>valueToTree(request)).isEqualTo(tree("analytics-data-request.json"));
    }

    @Test
    void analyticsData_writesSapsTimeSeriesRequest_withEmptyFilters() {
        AnalyticsDataRequest request = AnalyticsDataRequest.builder().format("time_series").period("L24H")
                .resolution("H").timezone("+01:00")
                .query(AnalyticsDataRequest.Query.builder().name("legend1").provider("CPI_MESSAGES")
                        .dimensions("ServiceName", "IntegrationArtifactName", "StatusGroup", "Status", "serviceId")
                        .measures("Count").noFilters().build())
                .build();
        assertThat(Json.mapper().<JsonNode>valueToTree(request))
                .isEqualTo(tree("analytics-data-timeseries-request.json"));
        assertThat(Json.mapper().<JsonNode>valueToTree(AnalyticsDataRequest.builder().period("L1D")
                .query(AnalyticsDataRequest.Query.of("DP_PROJECTS")).build()).toString())
                .isEqualTo("{\"timeRange\":{\"semantic\":\"L1D\"},\"queries\":[{\"provider\":\"DP_PROJECTS\"}]}");
    }

    @Test
    void analyticsData_readsTablesAndSeries_andWritesThemBack() throws Exception {
        JsonNode original = tree("analytics-data-table.json");
        List<AnalyticsSeries> series = List.of(Json.mapper().treeToValue(original, AnalyticsSeries[].class));
        assertThat(series.get(0).name()).contains("legend1");
        assertThat(series.get(0).columns()).containsExactly("project", "status", "count");
        assertThat(series.get(0).value(1, "status")).contains("CIPTKDONE");
        assertThat(series.get(0).value(0, "count")).contains(12);
        assertThat(series.get(0).value(0, "nope")).isEmpty();
        assertThat(series.get(0).otherFields()).containsEntry("type", "table");
        assertThat(series.get(1).datapoints()).hasSize(2);
        assertThat(series.get(1).datapoints().get(1)).containsExactly(5, 1748822400000L);
        assertThat(Json.mapper().<JsonNode>valueToTree(series)).isEqualTo(original);
        AnalyticsSeries grafana = Json.mapper().readValue("{\"target\":\"t\",\"columns\":[\"a\"],\"rows\":[[1]]}",
                AnalyticsSeries.class);
        assertThat(grafana.name()).contains("t");
        assertThat(grafana.value(0, "a")).contains(1);
        AnalyticsFilter filter = Json.mapper().readValue("{\"name\":\"project\",\"values\":[\"p1\",\"p2\"],"
                + "\"label\":\"Project\",\"multi\":true}", AnalyticsFilter.class);
        assertThat(filter.key()).isEqualTo("project");
        assertThat(filter.values()).containsExactly("p1", "p2");
        assertThat(filter.otherFields()).containsEntry("multi", true);
    }

    @Test
    void metrics_otlpPage_flattensDataPointsWithTheirResource() {
        List<MetricPoint> points = PageDecoder.ofTree("metric data points", Otlp::metricPoints)
                .decode(bytes("metrics-otlp-page.json"), "golden").items();
        assertThat(points).hasSize(3);
        MetricPoint first = points.get(0);
        assertThat(first.metric()).isEqualTo("hm.value");
        assertThat(first.unit()).contains("%");
        assertThat(first.kind()).isEqualTo("gauge");
        assertThat(first.time()).contains(Instant.parse("2025-06-01T08:00:00Z"));
        assertThat(first.value()).contains(42.5);
        assertThat(first.attributes()).containsEntry("metricName", "CPU");
        assertThat(first.resource()).containsEntry("serviceId", "a863426f-9156-475b-9a89-723d9ea54b14")
                .containsEntry("serviceType", "SAP_S4HANA");
        assertThat(points.get(1).value()).contains(7.0);
        assertThat(points.get(1).attributes()).containsEntry("okStatus", 1L);
        assertThat(points.get(1).otherFields()).containsEntry("flags", 0);
        assertThat(points.get(2).kind()).isEqualTo("sum");
        assertThat(points.get(2).otherFields()).containsKey("startTimeUnixNano");
    }

    @Test
    void logs_otlpPage_flattensRecords_numbersAsTextOrNumber() {
        List<LogRecord> records = PageDecoder.ofTree("log records", Otlp::logRecords)
                .decode(bytes("logs-otlp-page.json"), "golden").items();
        assertThat(records).hasSize(2);
        LogRecord error = records.get(0);
        assertThat(error.time()).contains(Instant.parse("2025-06-01T08:00:00Z"));
        assertThat(error.observedTime()).contains(Instant.parse("2025-06-01T08:00:01Z"));
        assertThat(error.severityText()).contains("ERROR");
        assertThat(error.severityNumber()).contains(17);
        assertThat(error.body()).contains("Ping to service failed");
        assertThat(error.attributes()).isEqualTo(Map.of("alertId", "ALR-1", "retries", 3L));
        assertThat(error.resource()).containsKey("serviceId");
        assertThat(error.otherFields()).containsEntry("traceId", "");
        assertThat(records.get(1).time()).contains(Instant.parse("2025-06-01T08:01:00Z"));
        assertThat(records.get(1).observedTime()).isEmpty();
        assertThat(records.get(1).body()).contains("{\"status\":\"OK\"}");
    }

    @Test
    void testPlans_pageKeepsEveryField_typesOnlyTheKey() {
        List<TestPlan> plans = PageDecoder.of(TestPlan.class, "test plans").decode(bytes("testplans-page.json"),
                "golden").items();
        assertThat(plans).extracting(TestPlan::uuid).containsExactly("7d1c0f0e-0000-4000-8000-000000000001",
                "7d1c0f0e-0000-4000-8000-000000000002");
        assertThat(plans.get(0).text("title")).contains("Regression wave 1");
        assertThat(plans.get(1).text("displayId")).isEmpty();
        JsonNode values = tree("testplans-page.json").get("value");
        for (int i = 0; i < plans.size(); i++) {
            assertThat(Json.mapper().<JsonNode>valueToTree(plans.get(i))).isEqualTo(values.get(i));
        }
    }

    @Test
    void statusEvents_odataPage_readsEventsAndWritesThemBack() {
        List<StatusEvent> events = PageDecoder.of(StatusEvent.class, "status events")
                .decode(bytes("status-events-odata-page.json"), "golden").items();
        assertThat(events).extracting(StatusEvent::id).containsExactly("ev-1", "ev-2");
        assertThat(events.get(0).startTime()).contains(Instant.parse("2025-06-01T08:00:00Z"));
        assertThat(events.get(1).endTime()).contains(Instant.parse("2025-06-02T04:00:00Z"));
        JsonNode values = tree("status-events-odata-page.json").get("value");
        for (int i = 0; i < events.size(); i++) {
            assertThat(Json.mapper().<JsonNode>valueToTree(events.get(i))).isEqualTo(values.get(i));
        }
    }
}
