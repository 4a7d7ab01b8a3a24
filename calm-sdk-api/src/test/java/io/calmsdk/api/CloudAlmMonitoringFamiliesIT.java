package io.calmsdk.api;

import static io.calmsdk.api.testing.SimulatedCloudAlm.assertForbidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.model.AnalyticsDataRequest;
import io.calmsdk.api.model.AnalyticsFilter;
import io.calmsdk.api.model.AnalyticsSeries;
import io.calmsdk.api.model.LogRecord;
import io.calmsdk.api.model.MetricPoint;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.StatusEvent;
import io.calmsdk.api.model.TestCaseAssignment;
import io.calmsdk.api.model.TestPlan;
import io.calmsdk.api.testing.SimulatedCloudAlm;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.paging.Page;
import io.calmsdk.testkit.RequestJournal;
import io.calmsdk.testkit.SimulatedApi;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance: the test plans, analytics REST (filters and data), metrics and logs clients against
 * the testkit simulator, through {@code java.net.http} on loopback.
 */
class CloudAlmMonitoringFamiliesIT {

    private static final String[] ALL = {"calm-api.testplans.read",
        "calm-api.analytics.read", "calm-api.metrics.read", "calm-api.logs.read", "calm-api.bsm.read"};

    @RegisterExtension
    static final SimulatedCloudAlm CALM = SimulatedCloudAlm.withODataPageSize(40);

    private static ServiceKey key(String... scopes) {
        return CALM.key(scopes);
    }

    private static List<String> queries(String path) {
        return CALM.queries(path);
    }

    private static List<RequestJournal.Entry> posts(String path) {
        return CALM.sim().journal().filter(e -> e.api() == SimulatedApi.CLOUD_ALM && e.method().equals("POST")
                && e.path().equals(path));
    }

    private static JsonNode golden(String name) throws Exception {
        try (InputStream in = CloudAlmMonitoringFamiliesIT.class.getResourceAsStream("/golden/" + name)) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void testPlans_pageAcrossThreePages_filterGetAndAssignments() {
        List<String> uuids = CALM.sim().cloudAlm().seedTestPlans("p1", 85);
        CALM.sim().cloudAlm().seedTestPlans("p2", 3);
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            CALM.sim().journal().clear();
            List<TestPlan> plans = calm.testPlans().list(ODataQuery.builder().where("projectId", "p1").pageSize(30)
                    .build()).stream().collect(Collectors.toList());
            assertThat(plans).hasSize(85).allSatisfy(p -> assertThat(p.text("projectId")).contains("p1"));
            assertThat(plans.stream().map(TestPlan::uuid).distinct().count()).isEqualTo(85);
            List<String> queries = queries("/api/calm-testmanagement-testplans/v1/TestPlans");
            assertThat(queries).hasSize(3);
            assertThat(queries.get(0)).contains("$filter=projectId%20eq%20'p1'").contains("$count=true");
            assertThat(queries.get(2)).contains("$skip=60");
            Page<TestPlan> first = calm.testPlans().list().byPage().iterator().next();
            assertThat(first.totalCount()).hasValue(88L);

            TestPlan plan = calm.testPlans().get(uuids.get(0));
            assertThat(plan.text("title")).contains("Test plan 1");
            assertThat(calm.testPlans().find("00000000-0000-4000-8000-000000000999")).isEmpty();
            List<TestCaseAssignment> assigned = calm.testPlans().listTestCaseAssignments(ODataQuery.builder()
                    .where("testPlan_uuid", plan.uuid()).build()).stream().collect(Collectors.toList());
            assertThat(assigned).extracting(a -> a.text("testCase_uuid").orElseThrow())
                    .containsExactly("tc-1-1", "tc-1-2");
            assertThat(calm.testPlans().getTestCaseAssignment(assigned.get(0).uuid()).uuid())
                    .isEqualTo(assigned.get(0).uuid());
        }
        try (CloudAlmClient calm = CloudAlmClient.create(key("calm-api.testcases.read"))) {
            assertForbidden(() -> calm.testPlans().list().stream().count(), "calm-api.testplans.read");
        }
    }

    @Test
    void analytics_filtersAndData_sendSapsBodies() throws Exception {
        CALM.sim().cloudAlm().addAnalyticsFilter("DP_TASKS", "project", "p1", "p2");
        CALM.sim().cloudAlm().addAnalyticsFilter("DP_TASKS", "status", "CIPTKOPEN");
        CALM.sim().cloudAlm().addAnalyticsFilter("DP_DEFECTS", "defectStatus", "CIPDFCTOPEN");
        CALM.sim().cloudAlm().seedDataSet("DP_TASKS", 25);
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            CALM.sim().journal().clear();
            List<AnalyticsFilter> filters = calm.analytics().listFilters("DP_TASKS").stream()
                    .collect(Collectors.toList());
            assertThat(filters).extracting(AnalyticsFilter::key).containsExactly("project", "status");
            assertThat(filters.get(0).values()).containsExactly("p1", "p2");
            String sent = posts("/api/calm-analytics/v1/analytics/providers/filters").get(0).requestBody()
                    .orElseThrow();
            assertThat(Json.mapper().readTree(sent)).isEqualTo(golden("analytics-filters-request.json"));

            List<AnalyticsSeries> table = calm.analytics().queryData(r -> r.format("table").tableType("snapshot")
                    .period("L6M").resolution("M").offset(5).limit(10)
                    .query(AnalyticsDataRequest.Query.builder().name("legend1").provider("DP_TASKS")
                            .dimensions("status").measures("count").filter("project", "p1").build()));
            assertThat(table).singleElement().satisfies(t -> {
                assertThat(t.name()).contains("legend1");
                assertThat(t.columns()).containsExactly("status", "count");
                assertThat(t.rows()).hasSize(10);
                assertThat(t.value(0, "count")).contains(6);
            });
            JsonNode body = Json.mapper().readTree(posts("/api/calm-analytics/v1/analytics/providers/data")
                    .get(0).requestBody().orElseThrow());
            assertThat(body.path("offset").asText()).isEqualTo("5");
            assertThat(body.path("timeRange").path("semantic").asText()).isEqualTo("L6M");

            List<AnalyticsSeries> series = calm.analytics().queryData(r -> r.format("time_series").period("L24H")
                    .query(AnalyticsDataRequest.Query.of("DP_TASKS")));
            assertThat(series.get(0).datapoints()).hasSize(25);
            assertThatThrownBy(() -> calm.analytics().queryData(r -> r.period("L1D")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("queries");
            assertThatThrownBy(() -> calm.analytics().listFilters(" ")).isInstanceOf(ValidationException.class);
        }
        try (CloudAlmClient calm = CloudAlmClient.create(key("calm-api.metrics.read"))) {
            assertForbidden(() -> calm.analytics().listFilters("DP_TASKS").stream().count(), "calm-api.analytics.read");
            assertForbidden(() -> calm.analytics().queryData(r -> r.query(AnalyticsDataRequest.Query.of("DP_TASKS"))),
                    "calm-api.analytics.read");
        }
    }

    @Test
    void metrics_pageAcrossThreePages_withSapsParameters() {
        CALM.sim().cloudAlm().seedMetrics("hm", "svc-1", 120);
        CALM.sim().cloudAlm().seedMetrics("hm", "svc-2", 130);
        CALM.sim().cloudAlm().seedMetrics("rum", "svc-1", 5);
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            CALM.sim().journal().clear();
            List<MetricPoint> points = calm.metrics().list("hm", Map.of("period", "L1H", "resolution", "5Mi",
                    "metrics", "measure:value"), 100).stream().collect(Collectors.toList());
            assertThat(points).hasSize(250);
            assertThat(points.get(0).resource()).containsEntry("serviceId", "svc-1");
            assertThat(points.get(249).resource()).containsEntry("serviceId", "svc-2");
            assertThat(points.get(0).value()).contains(1.0);
            assertThat(points.get(0).metric()).isEqualTo("hm.value");
            List<String> queries = queries("/api/calm-metrics/v1/metrics");
            assertThat(queries).hasSize(3);
            assertThat(queries.get(0)).startsWith("provider=hm&version=V1&").contains("period=L1H")
                    .contains("format=protobuf-json").contains("onLimit=TRUNCATE").contains("offset=0&limit=100");
            assertThat(queries.get(2)).contains("offset=200&limit=100");
            assertThatThrownBy(() -> calm.metrics().list("hm", Map.of("colour", "red")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("colour");
        }
        try (CloudAlmClient calm = CloudAlmClient.create(key("calm-api.analytics.read"))) {
            assertForbidden(() -> calm.metrics().list("hm", Map.of()).stream().count(), "calm-api.metrics.read");
        }
    }

    @Test
    void logs_pageAcrossThreePages_severitiesAndScope() {
        CALM.sim().cloudAlm().seedLogs("hm", "a863426f-9156-475b-9a89-723d9ea54b14", 70);
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            CALM.sim().journal().clear();
            List<LogRecord> records = calm.logs().list("hm", Map.of("period", "30M", "serviceId",
                    "a863426f-9156-475b-9a89-723d9ea54b14", "observedTimestamp", "true"), 25).stream()
                    .collect(Collectors.toList());
            assertThat(records).hasSize(70);
            assertThat(records.stream().filter(r -> r.severityText().orElse("").equals("ERROR")).count())
                    .isEqualTo(23);
            assertThat(records.get(2).severityNumber()).contains(17);
            assertThat(records.get(0).body()).contains("Log 1");
            assertThat(queries("/api/calm-logs/v1/logs")).hasSize(3);
        }
        try (CloudAlmClient calm = CloudAlmClient.create(key("calm-api.metrics.read"))) {
            assertForbidden(() -> calm.logs().list("hm", Map.of()).stream().count(), "calm-api.logs.read");
        }
    }

    @Test
    void statusEvents_odataSet_pagesFiltersOrders_sameEventsAsRest() {
        CALM.sim().cloudAlm().seedStatusEvents(100);
        try (CloudAlmClient calm = CloudAlmClient.create(key(ALL))) {
            CALM.sim().journal().clear();
            List<StatusEvent> all = calm.statusEvents().list(ODataQuery.builder().pageSize(35).build()).stream()
                    .collect(Collectors.toList());
            assertThat(all).hasSize(100);
            List<String> queries = queries("/api/bsm-service/v1/eventsDATA");
            assertThat(queries).hasSize(3);
            assertThat(queries.get(0)).contains("$count=true").contains("$top=35");
            assertThat(all).extracting(StatusEvent::id).containsExactlyElementsOf(calm.statusEvents().list().stream()
                    .map(StatusEvent::id).collect(Collectors.toList()));
            List<StatusEvent> disruptions = calm.statusEvents().list(ODataQuery.builder().where("type", "DISRUPTION")
                    .orderBy("title desc").build()).stream().collect(Collectors.toList());
            assertThat(disruptions).hasSize(34).allSatisfy(e -> assertThat(e.type()).contains("DISRUPTION"));
            assertThat(disruptions.get(0).title()).contains("Event 97");
        }
        try (CloudAlmClient calm = CloudAlmClient.create(key("calm-api.analytics.read"))) {
            assertForbidden(() -> calm.statusEvents().list(ODataQuery.all()).stream().count(), "calm-api.bsm.read");
        }
    }
}
