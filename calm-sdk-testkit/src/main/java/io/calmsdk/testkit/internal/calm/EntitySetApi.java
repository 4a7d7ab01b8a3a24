package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves one {@link EntitySpec} collection statefully: list (OData {@code $filter/$select/$expand/$orderby/
 * $top/$skip/$count} with next links past the server page size, or REST {@code offset/limit} with query
 * filters), read, create (201, deep insert), {@code PATCH} (200 with the entity), {@code DELETE} (204),
 * {@code POST}/{@code GET} on navigation properties; 403 without the scope, 412 on a stale
 * {@code If-Match} and 428 without one where the collection has ETags. Entities are addressed as
 * {@code Set/{key}} or {@code Set({key})}.
 */
final class EntitySetApi {

    private final EntityTable table;
    private final EntitySpec spec;
    private final Settings settings;

    EntitySetApi(EntityTable table, Settings settings) {
        this(table, table.spec(), settings);
    }

    /** Serves a table under another path and style too, e.g. a REST collection's OData twin. */
    EntitySetApi(EntityTable table, EntitySpec spec, Settings settings) {
        this.table = table;
        this.spec = spec;
        this.settings = settings;
    }

    void register(Router router, CloudAlmApi api) {
        String path = CloudAlmApi.BASE + spec.path();
        router.route("GET", path, api.scoped(spec.readScope(), this::collection));
        if (spec.writeScope() != null) {
            router.route("POST", path, api.scoped(spec.writeScope(), this::create));
        }
        for (String entity : List.of(path + "({key})", path + "/{key}")) {
            router.route("GET", entity, api.scoped(spec.readScope(), this::entity));
            if (spec.writeScope() != null) {
                router.route("PATCH", entity, api.scoped(spec.writeScope(), this::update));
            }
            if (spec.deleteScope() != null) {
                router.route("DELETE", entity, api.scoped(spec.deleteScope(), this::delete));
            }
        }
        for (String nav : spec.navigations().keySet()) {
            router.route("GET", path + "/{key}/" + nav, api.scoped(spec.readScope(), r -> children(r, nav)));
            if (spec.writeScope() != null) {
                router.route("POST", path + "/{key}/" + nav, api.scoped(spec.writeScope(), r -> addChild(r, nav)));
            }
        }
    }

    static String key(SimRequest request) {
        String key = request.pathParam("key");
        return key.startsWith("'") && key.endsWith("'") && key.length() >= 2 ? key.substring(1, key.length() - 1)
                : key;
    }

    private ApiError notFound(String key) {
        return new ApiError(404, "NotFound", spec.entityName() + " " + key + " not found");
    }

    private List<String> expand(SimRequest request) {
        String expand = request.query("$expand").orElse(null);
        if (expand == null || expand.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : topLevel(expand)) {
            String name = part.strip();
            int paren = name.indexOf('(');
            name = paren < 0 ? name : name.substring(0, paren).strip();
            if (!spec.navigations().containsKey(name)) {
                throw new ApiError(400, "BadRequest", "Navigation property '" + name + "' is not known;"
                        + " " + spec.entityName() + " can expand " + spec.navigations().keySet());
            }
            names.add(name);
        }
        return names;
    }

    /** Splits at commas outside parentheses: {@code a($expand=b,c),d} is {@code a(...)} and {@code d}. */
    private static List<String> topLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private ObjectNode entityBody(ObjectNode row, List<String> expand) {
        return entityBody(spec, row, expand);
    }

    /** One entity as the API answers it (with {@code @odata.context} for OData collections). */
    static ObjectNode entityBody(EntitySpec spec, ObjectNode row, List<String> expand) {
        ObjectNode body = JsonSupport.object();
        if (spec.style() == EntitySpec.Style.ODATA) {
            body.put("@odata.context", "$metadata#" + spec.entityName() + "/$entity");
        }
        body.setAll(EntityTable.view(row, spec, expand));
        return body;
    }

    private SimResponse entity(SimRequest request) {
        String key = key(request);
        ObjectNode row = table.find(key).orElseThrow(() -> notFound(key));
        return withEtag(SimResponse.json(200, entityBody(row, expand(request))), row);
    }

    private SimResponse withEtag(SimResponse response, ObjectNode row) {
        return withEtag(spec, response, row);
    }

    /** The answer with the row's ETag ({@code W/"modifiedAt"}) where the collection has ETags. */
    static SimResponse withEtag(EntitySpec spec, SimResponse response, ObjectNode row) {
        return spec.etag() ? response.header("ETag", "W/\"" + row.path("modifiedAt").asText() + "\"") : response;
    }

    private ObjectNode body(SimRequest request) {
        return fields(request);
    }

    /** The JSON object a request sends, without server-set fields ({@code createdAt}, annotations). */
    static ObjectNode fields(SimRequest request) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        ObjectNode fields = ((ObjectNode) body).deepCopy();
        fields.remove(List.of("createdAt", "modifiedAt"));
        List<String> annotations = new ArrayList<>();
        fields.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("@") || n.startsWith("_")) {
                annotations.add(n);
            }
        });
        fields.remove(annotations);
        return fields;
    }

    private SimResponse create(SimRequest request) {
        ObjectNode fields = body(request);
        for (String field : spec.required()) {
            JsonNode v = fields.get(field);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                throw new ApiError(400, "BadRequest", "Property '" + field + "' is required");
            }
        }
        ObjectNode row = table.create(fields);
        String key = row.get(spec.key()).asText();
        return withEtag(SimResponse.json(201, entityBody(row, List.copyOf(spec.navigations().keySet()))), row)
                .header("Location", spec.entityName() + "(" + key + ")");
    }

    private void checkEtag(SimRequest request, ObjectNode current) {
        checkEtag(spec, request, current);
    }

    /** 428 without {@code If-Match}, 412 when it is not the row's ETag (or {@code *}), where the collection has ETags. */
    static void checkEtag(EntitySpec spec, SimRequest request, ObjectNode current) {
        if (!spec.etag()) {
            return;
        }
        String ifMatch = request.header("If-Match").orElse(null);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiError(428, "PreconditionRequired", "If-Match header with the entity's modifiedAt is"
                    + " required to change " + spec.entityName());
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.equals("*") && !value.equals(current.path("modifiedAt").asText())) {
            throw new ApiError(412, "PreconditionFailed", "The entity " + spec.entityName() + "("
                    + current.path(spec.key()).asText() + ") was changed since it was read (ETag mismatch)");
        }
    }

    private SimResponse update(SimRequest request) {
        String key = key(request);
        ObjectNode current = table.find(key).orElseThrow(() -> notFound(key));
        checkEtag(request, current);
        ObjectNode changes = body(request);
        changes.remove(spec.key());
        changes.remove(List.copyOf(spec.navigations().keySet()));
        ObjectNode row = table.update(key, changes).orElseThrow(() -> notFound(key));
        return withEtag(SimResponse.json(200, entityBody(row, List.of())), row);
    }

    private SimResponse delete(SimRequest request) {
        String key = key(request);
        ObjectNode current = table.find(key).orElseThrow(() -> notFound(key));
        checkEtag(request, current);
        if (current.path("_executed").asBoolean(false)) {
            throw new ApiError(412, "PreconditionFailed", spec.entityName() + "(" + key + ") has test runs or"
                    + " results; deleting it needs the force delete");
        }
        table.delete(key);
        return SimResponse.empty(204);
    }

    private SimResponse children(SimRequest request, String nav) {
        String key = key(request);
        ObjectNode row = table.find(key).orElseThrow(() -> notFound(key));
        ObjectNode body = JsonSupport.object();
        ArrayNode value = body.putArray("value");
        JsonNode children = row.get(nav);
        if (children instanceof ArrayNode a) {
            value.addAll(a);
        }
        return SimResponse.json(200, body);
    }

    private SimResponse addChild(SimRequest request, String nav) {
        String key = key(request);
        ObjectNode child = body(request);
        ObjectNode added = table.addChild(key, nav, child).orElseThrow(() -> notFound(key));
        return SimResponse.json(201, added);
    }

    private SimResponse collection(SimRequest request) {
        List<ObjectNode> matching = matching(request);
        return spec.style() == EntitySpec.Style.ODATA ? odataPage(request, matching) : restPage(request, matching);
    }

    private List<ObjectNode> matching(SimRequest request) {
        ODataFilter filter = ODataFilter.parse(request.query("$filter").orElse(null), spec.filterable());
        if (spec.path().equals(CalmFamilies.DATA_SET)) {
            filter = filter.without(CalmFamilies.DATA_SET_PARAMETERS);
        }
        Map<String, String> equal = new LinkedHashMap<>();
        spec.queryFilters().forEach((option, property) -> request.query(option).ifPresent(v -> equal.put(property, v)));
        List<ObjectNode> rows = table.view();
        if (equal.isEmpty() && filter.isEmpty() && request.query("$orderby").isEmpty()) {
            // Nothing to select or sort: serve the (possibly generated) rows as they are, page by page.
            return rows;
        }
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode row : rows) {
            boolean ok = filter.test(row);
            for (Map.Entry<String, String> e : equal.entrySet()) {
                ok &= e.getValue().equals(row.path(e.getKey()).asText(null));
            }
            if (ok) {
                matching.add(row);
            }
        }
        request.query("$orderby").ifPresent(order -> sort(matching, order));
        return matching;
    }

    private void sort(List<ObjectNode> rows, String orderBy) {
        String[] parts = orderBy.strip().split("\\s+");
        String field = parts[0];
        if (!spec.filterable().contains(field) && !field.equals("createdAt") && !field.equals("modifiedAt")) {
            throw new ApiError(400, "BadRequest", "Property '" + field + "' cannot be used in $orderby");
        }
        Comparator<ObjectNode> order = Comparator.comparing(r -> r.path(field).asText(""));
        rows.sort(parts.length > 1 && parts[1].equalsIgnoreCase("desc") ? order.reversed() : order);
    }

    private SimResponse restPage(SimRequest request, List<ObjectNode> matching) {
        int offset = ODataPaging.nonNegative(request, "offset", 0);
        int limit = ODataPaging.nonNegative(request, "limit", Integer.MAX_VALUE);
        ArrayNode array = JsonSupport.array();
        for (ObjectNode row : ODataPaging.window(matching, offset, limit)) {
            array.add(EntityTable.view(row, spec, List.of()));
        }
        return SimResponse.json(200, array);
    }

    private SimResponse odataPage(SimRequest request, List<ObjectNode> matching) {
        List<String> expand = expand(request);
        int skip = ODataPaging.nonNegative(request, "$skip", 0);
        int top = request.query("$top").isPresent() ? ODataPaging.nonNegative(request, "$top", 0) : -1;
        boolean count = request.query("$count").map("true"::equalsIgnoreCase).orElse(false);
        int wanted = top < 0 ? Integer.MAX_VALUE : top;
        int take = Math.min(wanted, settings.odataPageSize());
        int from = Math.min(skip, matching.size());
        int to = (int) Math.min(matching.size(), (long) from + take);
        ObjectNode body = JsonSupport.object();
        body.put("@odata.context", "$metadata#" + spec.entityName());
        if (count) {
            body.put(settings.odataCountAnnotation(), matching.size());
        }
        ArrayNode value = body.putArray("value");
        List<String> select = request.query("$select").map(s -> List.of(s.split("\\s*,\\s*"))).orElse(null);
        for (ObjectNode row : matching.subList(from, to)) {
            ObjectNode shown = EntityTable.view(row, spec, expand);
            value.add(select == null ? shown : select(shown, select, expand));
        }
        if (to < matching.size() && wanted > take) {
            String entitySet = spec.path().substring(spec.path().lastIndexOf('/') + 1);
            body.put("@odata.nextLink", ODataPaging.nextLink(request, entitySet, to, top < 0 ? -1 : top - take));
        }
        return SimResponse.json(200, body);
    }

    private ObjectNode select(ObjectNode node, List<String> fields, List<String> expand) {
        ObjectNode result = JsonSupport.object();
        node.properties().forEach(e -> {
            String name = e.getKey();
            if (fields.contains(name) || name.equals(spec.key()) || expand.contains(name)) {
                result.set(name, e.getValue());
            }
        });
        return result;
    }
}
