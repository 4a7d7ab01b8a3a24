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
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/calm-processhierarchy/v1/HierarchyNodes}: an OData v4 collection with {@code $top},
 * {@code $skip}, {@code $count=true} (answered as {@code @count} unless configured otherwise), a simple
 * {@code $filter}, {@code $select}, {@code $expand=toExternalReferences}, and server-driven paging through
 * {@code @odata.nextLink} when a client asks for more than the server page size. Nodes are created (201),
 * changed (PATCH, 200 with the node) and deleted (204) as in SAP's process-hierarchy notebook, addressed as
 * {@code HierarchyNodes/{uuid}} or {@code HierarchyNodes({uuid})}.
 */
final class HierarchyApi {

    private static final String PATH = CloudAlmApi.BASE + "/calm-processhierarchy/v1/HierarchyNodes";
    private static final String READ = "calm-api.processhierarchy.read";
    /** The simulator's choice: SAP does not document a write scope for this API. */
    private static final String WRITE = "calm-api.processhierarchy.write";
    private static final Set<String> WRITABLE = Set.of("title", "description", HierarchyStore.PARENT, "sequence",
            HierarchyStore.REFERENCES);
    private static final Set<String> REFERENCE_FIELDS = Set.of("name", "url", "externalReferenceId");

    private final HierarchyStore store;
    private final Settings settings;

    HierarchyApi(CalmStore store, Settings settings) {
        this.store = store.hierarchy();
        this.settings = settings;
    }

    void register(Router router, CloudAlmApi api) {
        router.route("GET", PATH, api.scoped(READ, this::collection))
                .route("POST", PATH, api.scoped(WRITE, this::create));
        for (String entity : List.of(PATH + "({key})", PATH + "/{key}")) {
            router.route("GET", entity, api.scoped(READ, this::entity))
                    .route("PATCH", entity, api.scoped(WRITE, this::update))
                    .route("DELETE", entity, api.scoped(WRITE, this::delete));
        }
    }

    private static String key(SimRequest request) {
        String key = request.pathParam("key");
        return key.startsWith("'") && key.endsWith("'") && key.length() >= 2 ? key.substring(1, key.length() - 1)
                : key;
    }

    private static ApiError notFound(String uuid) {
        return new ApiError(404, "NotFound", "HierarchyNode " + uuid + " not found");
    }

    private SimResponse entity(SimRequest request) {
        String uuid = key(request);
        ObjectNode node = store.find(uuid).orElseThrow(() -> notFound(uuid));
        return SimResponse.json(200, entityBody(node, expand(request)));
    }

    private static ObjectNode entityBody(ObjectNode node, boolean expand) {
        ObjectNode body = JsonSupport.object();
        body.put("@odata.context", "$metadata#HierarchyNodes/$entity");
        body.setAll(HierarchyStore.view(node, expand));
        return body;
    }

    private SimResponse create(SimRequest request) {
        ObjectNode fields = writable(request);
        JsonNode title = fields.get("title");
        if (title == null || !title.isTextual() || title.asText().isBlank()) {
            throw new ApiError(400, "BadRequest", "title is required");
        }
        ObjectNode node = store.create(fields);
        return SimResponse.json(201, entityBody(node, true))
                .header("Location", "HierarchyNodes(" + node.get("uuid").asText() + ")");
    }

    private SimResponse update(SimRequest request) {
        String uuid = key(request);
        ObjectNode changes = writable(request);
        if (changes.has("title") && (!changes.get("title").isTextual() || changes.get("title").asText().isBlank())) {
            throw new ApiError(400, "BadRequest", "title must not be blank");
        }
        ObjectNode node = store.update(uuid, changes).orElseThrow(() -> notFound(uuid));
        return SimResponse.json(200, entityBody(node, true));
    }

    private SimResponse delete(SimRequest request) {
        String uuid = key(request);
        if (!store.delete(uuid)) {
            throw notFound(uuid);
        }
        return SimResponse.empty(204);
    }

    /** The body of a create or change: only SAP's writable properties, each of the right type. */
    private static ObjectNode writable(SimRequest request) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        ObjectNode fields = JsonSupport.object();
        body.properties().forEach(e -> {
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (name.startsWith("@") || name.equals("uuid")) {
                return;
            }
            if (!WRITABLE.contains(name)) {
                throw new ApiError(400, "BadRequest", "Property '" + name + "' does not exist in type"
                        + " 'HierarchyNodes' or cannot be written");
            }
            boolean ok = switch (name) {
                case "sequence" -> value.isIntegralNumber();
                case HierarchyStore.REFERENCES -> references(value);
                case HierarchyStore.PARENT, "description" -> value.isTextual() || value.isNull();
                default -> value.isTextual();
            };
            if (!ok) {
                throw new ApiError(400, "BadRequest", "Property '" + name + "' has a value of the wrong type");
            }
            fields.set(name, value);
        });
        return fields;
    }

    private static boolean references(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode ref : value) {
            if (!ref.isObject() || !ref.path("url").isTextual() || ref.path("url").asText().isBlank()) {
                return false;
            }
            Iterator<String> names = ref.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!REFERENCE_FIELDS.contains(name) || !(ref.get(name).isTextual() || ref.get(name).isNull())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean expand(SimRequest request) {
        String expand = request.query("$expand").orElse(null);
        if (expand == null || expand.isBlank()) {
            return false;
        }
        if (!expand.strip().equals(HierarchyStore.REFERENCES)) {
            throw new ApiError(400, "BadRequest", "Navigation property '" + expand.strip() + "' is not known;"
                    + " HierarchyNodes can expand " + HierarchyStore.REFERENCES);
        }
        return true;
    }

    private SimResponse collection(SimRequest request) {
        ODataFilter filter = ODataFilter.parse(request.query("$filter").orElse(null));
        boolean expand = expand(request);
        int skip = ODataPaging.nonNegative(request, "$skip", 0);
        int top = ODataPaging.nonNegative(request, "$top", -1);
        boolean count = request.query("$count").map("true"::equalsIgnoreCase).orElse(false);
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode node : store.all()) {
            if (filter.test(node)) {
                matching.add(node);
            }
        }
        int pageSize = settings.odataPageSize();
        int wanted = top < 0 ? Integer.MAX_VALUE : top;
        int take = Math.min(wanted, pageSize);
        int from = Math.min(skip, matching.size());
        int to = (int) Math.min(matching.size(), (long) from + take);
        ObjectNode body = JsonSupport.object();
        body.put("@odata.context", "$metadata#HierarchyNodes");
        if (count) {
            body.put(settings.odataCountAnnotation(), matching.size());
        }
        ArrayNode value = body.putArray("value");
        List<String> select = request.query("$select").map(s -> List.of(s.split("\\s*,\\s*"))).orElse(null);
        for (ObjectNode node : matching.subList(from, to)) {
            ObjectNode shown = HierarchyStore.view(node, expand);
            value.add(select == null ? shown : select(shown, select));
        }
        boolean more = to < matching.size() && wanted > take;
        if (more) {
            body.put("@odata.nextLink", ODataPaging.nextLink(request, "HierarchyNodes", to, top < 0 ? -1 : top - take));
        }
        return SimResponse.json(200, body);
    }

    private static ObjectNode select(ObjectNode node, List<String> fields) {
        ObjectNode result = JsonSupport.object();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (fields.contains(name) || name.equals("uuid") || name.equals(HierarchyStore.REFERENCES)) {
                result.set(name, node.get(name));
            }
        }
        return result;
    }
}
