package io.calmsdk.btp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.btp.internal.Wire;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.LabelChange;
import io.calmsdk.core.model.Labels;
import io.calmsdk.core.model.ServicePlan;
import io.calmsdk.core.paging.Page;
import io.calmsdk.core.paging.PagedIterable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Service Manager's wire format: the paths, query parameters and JSON bodies of its requests, and the
 * mapping of its answers (pages, resources, parameters). Sends through the client's {@link Wire}; knows
 * nothing about waiting. Thread-safe.
 */
final class ServiceManagerRequests {

    static final String INSTANCES = "service_instances";
    static final String BINDINGS = "service_bindings";

    private final Wire wire;

    ServiceManagerRequests(Wire wire) {
        this.wire = wire;
    }

    /** A lazily paged list of {@code /v1/<type>} with the query's filters. */
    <T> PagedIterable<T> list(String type, ListQuery query, Class<T> modelType, String what) {
        Objects.requireNonNull(query, "query");
        return PagedIterable.of(token -> {
            TransportRequest.Builder rb = TransportRequest.get(wire.uri("/v1/" + type)).operation(what);
            query.fieldQuery().ifPresent(q -> rb.query("fieldQuery", q));
            query.labelQuery().ifPresent(q -> rb.query("labelQuery", q));
            if (query.maxItems() > 0) {
                rb.query("max_items", Integer.toString(query.maxItems()));
            }
            token.ifPresent(t -> rb.query("token", t));
            JsonNode body = wire.send(rb.build()).json();
            List<T> items = new ArrayList<>();
            for (JsonNode item : body.path("items")) {
                items.add(Json.mapper().convertValue(item, modelType));
            }
            String next = body.path("token").asText("");
            Long total = body.has("num_items") ? body.get("num_items").asLong() : null;
            return Page.of(items, next.isEmpty() ? null : next, total);
        });
    }

    /** The first plan of the offering found by one of the names, trying them in order. */
    Optional<ServicePlan> findPlan(String offeringId, String[] catalogNames,
            Function<ListQuery, PagedIterable<ServicePlan>> listPlans) {
        requireText("offeringId", offeringId);
        if (catalogNames.length == 0) {
            throw new ValidationException("catalogNames", "is empty", "at least one plan name");
        }
        StringBuilder in = new StringBuilder("catalog_name in (");
        for (int i = 0; i < catalogNames.length; i++) {
            in.append(i == 0 ? "" : ",").append(ListQuery.literal(catalogNames[i]));
        }
        List<ServicePlan> plans = listPlans.apply(ListQuery.builder().field("service_offering_id", offeringId)
                .fieldExpression(in.append(')').toString()).build()).stream().toList();
        for (String name : catalogNames) {
            for (ServicePlan p : plans) {
                if (name.equals(p.catalogName().orElse(p.name()))) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** One instance or binding; empty when it does not exist (404, 410). */
    <T> Optional<T> find(String type, String id, Class<T> modelType, String what) {
        requireText("id", id);
        TransportResponse r = wire.send(TransportRequest.get(wire.uri("/v1/" + type + "/" + id))
                .accept(404, 410).operation(what).build());
        return r.status() == 200 ? Optional.of(r.json(modelType)) : Optional.empty();
    }

    /** The parameters of an instance, as JSON; empty when the service does not offer them. */
    Optional<JsonNode> instanceParameters(String id) {
        requireText("id", id);
        TransportResponse r = wire.send(TransportRequest.get(wire.uri("/v1/service_instances/" + id + "/parameters"))
                .accept(400, 404, 405, 409, 501)
                .operation("get parameters of service instance " + id).build());
        if (r.status() != 200) {
            return Optional.empty();
        }
        JsonNode body = r.json();
        return body.isObject() ? Optional.of(body) : Optional.empty();
    }

    /** {@code POST /v1/service_instances?async=true}. */
    TransportResponse createInstance(String name, String planId, JsonNode parameters, Labels labels, String what) {
        requireText("name", name);
        requireText("planId", planId);
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("service_plan_id", planId);
        return post("/v1/service_instances", withParametersAndLabels(body, parameters, labels), what);
    }

    /** {@code PATCH /v1/service_instances/<id>?async=true}. */
    TransportResponse updateInstance(String id, JsonNode parameters, List<LabelChange> labelChanges, String what) {
        requireText("id", id);
        ObjectNode body = Json.mapper().createObjectNode();
        if (parameters != null) {
            body.set("parameters", parameters);
        }
        if (labelChanges != null && !labelChanges.isEmpty()) {
            body.set("labels", Json.mapper().valueToTree(labelChanges));
        }
        return wire.send(TransportRequest.patch(wire.uri("/v1/service_instances/" + id))
                .query("async", "true").jsonBody(body).operation(what).build());
    }

    /** {@code POST /v1/service_bindings?async=true}. */
    TransportResponse createBinding(String instanceId, String name, JsonNode parameters, Labels labels, String what) {
        requireText("instanceId", instanceId);
        requireText("name", name);
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("service_instance_id", instanceId);
        return post("/v1/service_bindings", withParametersAndLabels(body, parameters, labels), what);
    }

    /** {@code DELETE /v1/<type>/<id>?async=true}; an absent resource (404, 410) is an answer, not a failure. */
    TransportResponse delete(String type, String id, String what) {
        requireText("id", id);
        return wire.send(TransportRequest.delete(wire.uri("/v1/" + type + "/" + id))
                .query("async", "true").accept(404, 410).operation(what).build());
    }

    private TransportResponse post(String path, ObjectNode body, String what) {
        return wire.send(TransportRequest.post(wire.uri(path)).query("async", "true").jsonBody(body)
                .operation(what).build());
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is " + (value == null ? "missing" : "blank"), "a non-blank value");
        }
    }

    private static ObjectNode withParametersAndLabels(ObjectNode body, JsonNode parameters, Labels labels) {
        if (parameters != null && parameters.size() > 0) {
            body.set("parameters", parameters);
        }
        if (labels != null && !labels.isEmpty()) {
            body.set("labels", Json.mapper().valueToTree(labels.asMap()));
        }
        return body;
    }
}
