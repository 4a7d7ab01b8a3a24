package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.Otlp;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.internal.RestFilters;
import io.calmsdk.api.model.MetricPoint;
import io.calmsdk.core.paging.PagedIterable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Cloud ALM raw data outbound metrics API ({@code GET /calm-metrics/v1/metrics}): the metrics of a monitoring
 * data provider ({@code hm} health monitoring, {@code rum}, {@code jam}, {@code bsm}, {@code sum}, {@code exm},
 * integration monitoring providers such as {@code cpi}) as OpenTelemetry data points, paged with REST
 * {@code offset}/{@code limit}. The parameters are those SAP's analytics Postman collection sends
 * ({@code version=V1}, {@code format=protobuf-json}, {@code onLimit=TRUNCATE} unless given). Obtained from
 * {@link CloudAlmClient#metrics()}.
 *
 * <p>Scopes: {@code calm-api.metrics.read} (SAP's raw data API blog) and, as SAP's scope list files them under "RAW
 * Outbound Data", the scope of the provider's use case, e.g. {@code calm-api.hm.read} for {@code hm}. A 403 names
 * {@code calm-api.metrics.read} when the token lacks it; one for a missing use-case scope is reported without
 * naming a scope. Immutable and thread-safe.
 */
public final class MetricsClient {

    /** The query parameters the metrics collection takes besides {@code provider}, {@code offset} and {@code limit}. */
    public static final Set<String> PARAMETERS = Set.of("version", "period", "from", "to", "dimensions", "metrics",
            "prefix", "resolution", "shift", "serviceType", "serviceId", "preserveTimeStamp", "onLimit", "timezone");
    /** The page size of {@link #list(String, Map)}. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final String METRICS = PathTemplate.parse("/calm-metrics/v1/metrics").expand();
    private static final PageDecoder<MetricPoint> POINTS = PageDecoder.ofTree("metric data points", Otlp::metricPoints);

    private final ApiCaller caller;

    MetricsClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * Lists the data points of a provider's metrics, {@value #DEFAULT_PAGE_SIZE} per request.
     *
     * <pre>{@code
     * calm.metrics().list("hm", Map.of("period", "L1H", "resolution", "5Mi",
     *         "dimensions", "serviceName,metricName", "metrics", "measure:value"))
     *     .forEach(p -> System.out.println(p.metric() + " " + p.value().orElse(0.0)));
     * }</pre>
     *
     * @param provider the data provider, e.g. {@code hm}
     * @param parameters further query parameters by name, from {@link #PARAMETERS}
     * @return the points, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the provider is blank or a parameter unknown or blank
     */
    public PagedIterable<MetricPoint> list(String provider, Map<String, String> parameters) {
        return list(provider, parameters, DEFAULT_PAGE_SIZE);
    }

    /**
     * Lists the data points of a provider's metrics with a page size of your own.
     *
     * @param provider the data provider, e.g. {@code hm}
     * @param parameters further query parameters by name, from {@link #PARAMETERS}
     * @param pageSize the {@code limit} per request, 1 to 10000
     * @return the points, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the provider is blank, a parameter unknown or blank,
     *         or the page size out of range
     */
    public PagedIterable<MetricPoint> list(String provider, Map<String, String> parameters, int pageSize) {
        return caller.offsetLimit(METRICS, query(provider, parameters, PARAMETERS),
                Checks.inRange("pageSize", pageSize, 1, 10_000), POINTS, "list metric data points");
    }

    /** SAP's parameters in SAP's order: provider and version first, then the caller's, then the fixed ones. */
    static List<Map.Entry<String, String>> query(String provider, Map<String, String> parameters, Set<String> allowed) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("provider", Checks.notBlank("provider", provider));
        all.put("version", "V1");
        RestFilters.check(parameters, allowed).forEach(e -> all.put(e.getKey(), e.getValue()));
        all.put("format", "protobuf-json");
        all.putIfAbsent("onLimit", "TRUNCATE");
        return new ArrayList<>(all.entrySet());
    }

    @Override
    public String toString() {
        return "MetricsClient{" + caller.endpoint() + "/calm-metrics/v1}";
    }
}
