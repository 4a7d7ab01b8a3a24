package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.Otlp;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.model.LogRecord;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Cloud ALM raw data outbound logs API ({@code GET /calm-logs/v1/logs}): the log records of a monitoring data
 * provider as OpenTelemetry log records, paged with REST {@code offset}/{@code limit}. SAP's API guide lists the
 * providers ({@code exm.im}, {@code exm.jam}, {@code bsm}, {@code im}, {@code iep}, {@code jam.def}, {@code jam.run},
 * {@code jam.run_step}) and the OpenTelemetry format; the parameters are those SAP's analytics Postman collection
 * sends ({@code provider}, {@code version=V1}, {@code period}, {@code serviceId}, {@code observedTimestamp},
 * {@code format=protobuf-json}, {@code onLimit=TRUNCATE}); {@code from}/{@code to} are UNVERIFIED
 * (consetto/sap-cloud-alm-odata-mcp). Obtained from {@link CloudAlmClient#logs()}.
 *
 * <p>Scopes: {@code calm-api.logs.read} (UNVERIFIED name, after {@code calm-api.metrics.read}) and, as SAP's scope
 * list files them under "RAW Outbound Data", the scope of the provider's use case, e.g. {@code calm-api.exm.read},
 * {@code calm-api.bsm.read} or {@code calm-api.integration-monitoring.read}. A 403 names {@code calm-api.logs.read}
 * when the token lacks it; one for a missing use-case scope is reported without naming a scope. Immutable and
 * thread-safe.
 */
public final class LogsClient {

    /** The query parameters the logs collection takes besides {@code provider}, {@code offset} and {@code limit}. */
    public static final Set<String> PARAMETERS = Set.of("version", "period", "from", "to", "serviceId",
            "observedTimestamp", "preserveTimeStamp", "onLimit");
    /** The page size of {@link #list(String, Map)}. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final String LOGS = PathTemplate.parse("/calm-logs/v1/logs").expand();
    private static final PageDecoder<LogRecord> RECORDS = PageDecoder.ofTree("log records", Otlp::logRecords);

    private final ApiCaller caller;

    LogsClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * Lists the log records of a provider, {@value #DEFAULT_PAGE_SIZE} per request.
     *
     * <pre>{@code
     * calm.logs().list("exm.im", Map.of("period", "30M", "serviceId", serviceId))
     *     .forEach(r -> System.out.println(r.severityText().orElse("") + " " + r.body().orElse("")));
     * }</pre>
     *
     * @param provider the data provider, e.g. {@code exm.im}
     * @param parameters further query parameters by name, from {@link #PARAMETERS}
     * @return the records, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the provider is blank or a parameter unknown or blank
     */
    public PagedIterable<LogRecord> list(String provider, Map<String, String> parameters) {
        return list(provider, parameters, DEFAULT_PAGE_SIZE);
    }

    /**
     * Lists the log records of a provider with a page size of your own.
     *
     * @param provider the data provider, e.g. {@code exm.im}
     * @param parameters further query parameters by name, from {@link #PARAMETERS}
     * @param pageSize the {@code limit} per request, 1 to 10000
     * @return the records, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the provider is blank, a parameter unknown or blank,
     *         or the page size out of range
     */
    public PagedIterable<LogRecord> list(String provider, Map<String, String> parameters, int pageSize) {
        return caller.offsetLimit(LOGS, MetricsClient.query(provider, parameters, PARAMETERS),
                Checks.inRange("pageSize", pageSize, 1, 10_000), RECORDS, "list log records");
    }

    @Override
    public String toString() {
        return "LogsClient{" + caller.endpoint() + "/calm-logs/v1}";
    }
}
