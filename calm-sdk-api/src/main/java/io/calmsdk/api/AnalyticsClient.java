package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.model.AnalyticsProvider;
import io.calmsdk.api.model.DataSetRow;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;

/**
 * The Cloud ALM analytics API ({@code /calm-analytics/v1}), as SAP's analytics Postman collection calls it: the
 * data providers ({@code GET analytics/providers}, REST) and the generic OData {@code DataSet} of a provider
 * ({@code odata/v4/analytics/DataSet?$filter=provider eq '...'}), paged with {@code $skip}/{@code $top}.
 * Obtained from {@link CloudAlmClient#analytics()}; needs {@code calm-api.analytics.read}. Immutable and
 * thread-safe.
 */
public final class AnalyticsClient {

    private static final String PROVIDERS = PathTemplate.parse("/calm-analytics/v1/analytics/providers").expand();

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

    @Override
    public String toString() {
        return "AnalyticsClient{" + caller.endpoint() + "/calm-analytics/v1}";
    }
}
