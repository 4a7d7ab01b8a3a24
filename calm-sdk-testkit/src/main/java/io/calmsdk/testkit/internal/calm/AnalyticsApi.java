package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * The analytics REST interfaces SAP's analytics Postman collection calls: {@code POST analytics/providers/filters}
 * (body {@code {providerName, providerVersion}}; answers the filters seeded for the provider) and
 * {@code POST analytics/providers/data} (body {@code {format, timeRange, resolution, offset, limit, queries[]}};
 * answers one table, or time series for {@code format: time_series}, per query, computed from the provider's
 * seeded {@code DataSet} rows: dimension {@code n} of the query is {@code d<n>v}, measure {@code n} is
 * {@code m<n>v}). The answer shape is UNVERIFIED (SAP's collection records no answers).
 */
final class AnalyticsApi {

    private static final String BASE = CloudAlmApi.BASE + "/calm-analytics/v1/analytics/providers";
    private static final String READ = "calm-api.analytics.read";

    private final CalmFamilies families;

    AnalyticsApi(CalmFamilies families) {
        this.families = families;
    }

    void register(Router router, CloudAlmApi api) {
        router.route("POST", BASE + "/filters", api.scoped(READ, this::filters))
                .route("POST", BASE + "/data", api.scoped(READ, this::data));
    }

    private SimResponse filters(SimRequest request) {
        String provider = request.json("BadRequest").path("providerName").asText("");
        if (provider.isBlank()) {
            throw new ApiError(400, "BadRequest", "providerName is required");
        }
        ArrayNode answer = JsonSupport.array();
        for (ObjectNode f : families.analyticsFilters()) {
            if (f.path("_provider").asText().equals(provider)) {
                ObjectNode shown = f.deepCopy();
                shown.remove("_provider");
                answer.add(shown);
            }
        }
        return SimResponse.json(200, answer);
    }

    private SimResponse data(SimRequest request) {
        JsonNode body = request.json("BadRequest");
        JsonNode queries = body.path("queries");
        if (!queries.isArray() || queries.isEmpty()) {
            throw new ApiError(400, "BadRequest", "queries must hold at least one query");
        }
        int offset = number(body, "offset", 0);
        int limit = number(body, "limit", Integer.MAX_VALUE);
        boolean series = body.path("format").asText("table").equalsIgnoreCase("time_series");
        ArrayNode answer = JsonSupport.array();
        List<ObjectNode> dataSet = families.table(CalmFamilies.DATA_SET).all();
        for (JsonNode q : queries) {
            String provider = q.path("provider").asText("");
            List<ObjectNode> rows = new ArrayList<>();
            for (ObjectNode row : dataSet) {
                if (row.path("provider").asText().equals(provider)) {
                    rows.add(row);
                }
            }
            List<String> dims = texts(q.path("columns").path("dimensions"));
            List<String> measures = new ArrayList<>();
            q.path("columns").path("metrics").forEach(m -> measures.add(m.path("measure").asText()));
            ObjectNode result = answer.addObject();
            result.put("name", q.path("name").asText(provider));
            List<ObjectNode> window = ODataPaging.window(rows, offset, limit);
            if (series) {
                ArrayNode points = result.putArray("datapoints");
                for (ObjectNode row : window) {
                    points.addArray().add(row.path("m1v")).add(row.path("date").asText());
                }
                continue;
            }
            ArrayNode columns = result.putArray("columns");
            dims.forEach(columns::add);
            measures.forEach(columns::add);
            ArrayNode table = result.putArray("rows");
            for (ObjectNode row : window) {
                ArrayNode r = table.addArray();
                for (int i = 1; i <= dims.size(); i++) {
                    r.add(row.path("d" + i + "v"));
                }
                for (int i = 1; i <= measures.size(); i++) {
                    r.add(row.path("m" + i + "v"));
                }
            }
        }
        return SimResponse.json(200, answer);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    /** SAP's collection sends offset and limit as text: both spellings are read. */
    private static int number(JsonNode body, String field, int absent) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        try {
            int n = v.isNumber() ? v.intValue() : Integer.parseInt(v.asText().strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "BadRequest", field + " must be a non-negative integer, got " + v);
        }
    }
}
