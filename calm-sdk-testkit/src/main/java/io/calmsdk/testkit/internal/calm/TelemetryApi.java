package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The raw data outbound APIs: {@code GET /calm-metrics/v1/metrics} (scope {@code calm-api.metrics.read}) and
 * {@code GET /calm-logs/v1/logs} (scope {@code calm-api.logs.read}, UNVERIFIED), with the parameters of SAP's
 * analytics Postman collection ({@code provider} required, {@code format=protobuf-json}, {@code offset}/{@code limit}
 * over the provider's records) and the OpenTelemetry JSON encoding as the answer: {@code resourceMetrics} /
 * {@code resourceLogs}, one resource per run of records of the same {@code serviceId}.
 */
final class TelemetryApi {

    private final TelemetryStore store;

    TelemetryApi(TelemetryStore store) {
        this.store = store;
    }

    void register(Router router, CloudAlmApi api) {
        router.route("GET", CloudAlmApi.BASE + "/calm-metrics/v1/metrics", api.scoped("calm-api.metrics.read",
                this::metrics))
                .route("GET", CloudAlmApi.BASE + "/calm-logs/v1/logs", api.scoped("calm-api.logs.read", this::logs));
    }

    private static String provider(SimRequest request) {
        String provider = request.query("provider").orElse("");
        if (provider.isBlank()) {
            throw new ApiError(400, "BadRequest", "The query parameter provider is required");
        }
        String format = request.query("format").orElse("protobuf-json");
        if (!format.equals("protobuf-json")) {
            throw new ApiError(400, "BadRequest", "format " + format + " is not simulated; use protobuf-json");
        }
        return provider;
    }

    private static <T> List<T> page(SimRequest request, List<T> all) {
        return ODataPaging.window(all, ODataPaging.nonNegative(request, "offset", 0),
                ODataPaging.nonNegative(request, "limit", Integer.MAX_VALUE));
    }

    private static String nanos(Instant t) {
        return Long.toString(t.getEpochSecond() * 1_000_000_000L + t.getNano());
    }

    private static void attribute(ArrayNode list, String key, String value) {
        ObjectNode kv = list.addObject();
        kv.put("key", key);
        kv.putObject("value").put("stringValue", value);
    }

    /** Groups consecutive items of one service under one resource; answers the array to add items to. */
    private static <T> void grouped(List<T> items, java.util.function.Function<T, String> service, ArrayNode resources,
                                    String scopeField, String itemsField, String scopeName, BiConsumer<ArrayNode, T> add) {
        String current = null;
        ArrayNode target = null;
        for (T item : items) {
            String serviceId = service.apply(item);
            if (!serviceId.equals(current)) {
                ObjectNode resource = resources.addObject();
                attribute(resource.putObject("resource").putArray("attributes"), "serviceId", serviceId);
                ObjectNode scope = resource.putArray(scopeField).addObject();
                scope.putObject("scope").put("name", scopeName);
                target = scope.putArray(itemsField);
                current = serviceId;
            }
            add.accept(target, item);
        }
    }

    private SimResponse metrics(SimRequest request) {
        String provider = provider(request);
        List<TelemetryStore.Point> points = page(request, store.points(provider));
        ObjectNode body = JsonSupport.object();
        grouped(points, TelemetryStore.Point::serviceId, body.putArray("resourceMetrics"), "scopeMetrics", "metrics",
                provider, (metrics, p) -> {
                    ObjectNode metric = metrics.addObject();
                    metric.put("name", p.metric());
                    ObjectNode point = metric.putObject("gauge").putArray("dataPoints").addObject();
                    ArrayNode attributes = point.putArray("attributes");
                    p.attributes().forEach((k, v) -> attribute(attributes, k, v));
                    point.put("timeUnixNano", nanos(p.time()));
                    point.put("asDouble", p.value());
                });
        return SimResponse.json(200, body);
    }

    private SimResponse logs(SimRequest request) {
        String provider = provider(request);
        List<TelemetryStore.Log> logs = page(request, store.logs(provider));
        ObjectNode body = JsonSupport.object();
        grouped(logs, TelemetryStore.Log::serviceId, body.putArray("resourceLogs"), "scopeLogs", "logRecords", provider,
                (records, l) -> {
                    ObjectNode r = records.addObject();
                    r.put("timeUnixNano", nanos(l.time()));
                    r.put("observedTimeUnixNano", nanos(l.time()));
                    r.put("severityText", l.severity());
                    r.put("severityNumber", l.severity().equals("ERROR") ? 17 : l.severity().equals("WARN") ? 13 : 9);
                    r.putObject("body").put("stringValue", l.body());
                    r.putArray("attributes");
                });
        return SimResponse.json(200, body);
    }
}
