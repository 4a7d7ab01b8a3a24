package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.internal.QueryString;
import io.calmsdk.api.model.AnalyticsDataRequest;
import io.calmsdk.api.model.AnalyticsFilter;
import io.calmsdk.api.model.AnalyticsProvider;
import io.calmsdk.api.model.AnalyticsSeries;
import io.calmsdk.api.model.DataSetRow;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.paging.Page;
import io.calmsdk.core.paging.PagedIterable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Cloud ALM analytics API ({@code /calm-analytics/v1}), as SAP's analytics Postman collection calls it: the
 * data providers ({@code GET analytics/providers}, REST) and the generic OData {@code DataSet} of a provider
 * ({@code odata/v4/analytics/DataSet?$filter=provider eq '...'}), paged with {@code $skip}/{@code $top}, and the
 * REST interfaces {@code POST analytics/providers/filters} (the filters of a provider) and
 * {@code POST analytics/providers/data} (tables and time series of one or more queries).
 * Obtained from {@link CloudAlmClient#analytics()}; needs {@code calm-api.analytics.read}. Immutable and
 * thread-safe.
 */
public final class AnalyticsClient {

    private static final String PROVIDERS = PathTemplate.parse("/calm-analytics/v1/analytics/providers").expand();
    private static final String FILTERS = PathTemplate.parse("/calm-analytics/v1/analytics/providers/filters").expand();
    private static final String DATA = PathTemplate.parse("/calm-analytics/v1/analytics/providers/data").expand();

    private final EntitySet<DataSetRow> dataSet;
    private final ApiCaller caller;

    AnalyticsClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.dataSet = new EntitySet<>(caller, "/calm-analytics/v1/odata/v4/analytics/DataSet", DataSetRow.class,
                "data set row", "date");
    }

    /**
     * Lists the data providers the tenant offers.
     *
     * @return the providers, fetched when iterated (one request)
     */
    public PagedIterable<AnalyticsProvider> listProviders() {
        return caller.single(PROVIDERS, PageDecoder.of(AnalyticsProvider.class, "analytics providers"),
                "list analytics providers");
    }

    /**
     * Lists the rows a data provider computes, {@value ODataQuery#DEFAULT_PAGE_SIZE} per request.
     *
     * @param provider the provider, e.g. {@code DP_TASKS}
     * @return the rows, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the provider is blank
     */
    public PagedIterable<DataSetRow> listDataSet(String provider) {
        return listDataSet(provider, ODataQuery.all());
    }

    /**
     * Lists the rows of a data provider that a query selects; the query's criteria add the provider's parameters
     * as SAP's collection writes them, e.g. {@code where("query", "project=<id>")},
     * {@code where("resolution", "D")}, {@code where("period", "L7D")}, and {@code select("date", "d1k", "m1v")}.
     *
     * <pre>{@code
     * calm.analytics().listDataSet("DP_TASKS", ODataQuery.builder().where("query", "project=" + projectId)
     *         .select("d1k", "d1v", "m1v").build())
     *     .forEach(row -> System.out.println(row.dimensionValue(1).orElse("") + ": " + row.measureValue(1).orElse(0.0)));
     * }</pre>
     *
     * @param provider the provider, e.g. {@code DP_TASKS}
     * @param query further criteria, selection and page size
     * @return the rows, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the provider is blank
     */
    public PagedIterable<DataSetRow> listDataSet(String provider, ODataQuery query) {
        Checks.notBlank("provider", provider);
        ODataQuery withProvider = Objects.requireNonNull(query, "query").toBuilder().where("provider", provider).build();
        return dataSet.list(withProvider);
    }

    /**
     * Lists the filters a data provider accepts ({@code POST analytics/providers/filters} with
     * {@code {"providerName": ..., "providerVersion": "v1"}}, as SAP's collection sends it).
     *
     * @param providerName the provider, e.g. {@code DP_TASKS}
     * @return the filters, fetched when iterated (one request)
     * @throws io.calmsdk.core.exception.ValidationException if the provider is blank
     */
    public PagedIterable<AnalyticsFilter> listFilters(String providerName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerName", Checks.notBlank("providerName", providerName));
        body.put("providerVersion", "v1");
        return PagedIterable.of(continuation -> Page.of(items(post(FILTERS, body, "list analytics filters"),
                AnalyticsFilter.class, "analytics filters", "filters")));
    }

    /**
     * Runs the queries of a data request ({@code POST analytics/providers/data}) and answers one table or time series
     * per query. A POST, so, like every POST, not retried once it may have reached Cloud ALM.
     *
     * @param request the format, time range, resolution and queries
     * @return the results, in the order the service sends them
     */
    public List<AnalyticsSeries> queryData(AnalyticsDataRequest request) {
        return items(post(DATA, Objects.requireNonNull(request, "request"), "query analytics data"),
                AnalyticsSeries.class, "analytics data", "data");
    }

    /**
     * Runs a data request built in place:
     * {@code analytics.queryData(r -> r.format("table").period("L6M").query(Query.of("DP_PROJECTS")))}.
     *
     * @param request fills an {@link AnalyticsDataRequest.Builder}
     * @return the results
     */
    public List<AnalyticsSeries> queryData(Consumer<AnalyticsDataRequest.Builder> request) {
        return queryData(Requests.build(AnalyticsDataRequest.builder(), request, AnalyticsDataRequest.Builder::build));
    }

    private TransportResponse post(String path, Object body, String operation) {
        return caller.send(TransportRequest.post(caller.uri(path, new QueryString())).jsonBody(body)
                .operation(operation).build(), path);
    }

    /** Reads the answer's items: a bare array, or an object holding them in {@code value} or the named field. */
    private static <T> List<T> items(TransportResponse response, Class<T> type, String what, String field) {
        com.fasterxml.jackson.databind.JsonNode body = response.json();
        com.fasterxml.jackson.databind.JsonNode array = body.isArray() ? body
                : body.path("value").isArray() ? body.path("value") : body.path(field);
        if (!array.isArray()) {
            throw new CalmClientException("could not decode the " + what + " answered by " + response.method() + " "
                    + response.redactedUrl() + ": expected a JSON array, or an object with a value or " + field
                    + " array");
        }
        List<T> out = new ArrayList<>();
        try {
            for (com.fasterxml.jackson.databind.JsonNode e : array) {
                out.add(Json.mapper().treeToValue(e, type));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new CalmClientException("could not decode the " + what + " answered by " + response.method() + " "
                    + response.redactedUrl() + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "AnalyticsClient{" + caller.endpoint() + "/calm-analytics/v1}";
    }
}
