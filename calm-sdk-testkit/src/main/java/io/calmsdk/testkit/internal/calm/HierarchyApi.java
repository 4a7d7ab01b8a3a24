package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/calm-processhierarchy/v1/HierarchyNodes}: an OData v4 collection with {@code $top},
 * {@code $skip}, {@code $count=true}, a simple {@code $filter}, {@code $select}, and server-driven paging
 * through {@code @odata.nextLink} when a client asks for more than the server page size.
 */
final class HierarchyApi {

    private static final String PATH = CloudAlmApi.BASE + "/calm-processhierarchy/v1/HierarchyNodes";
    private static final String READ = "calm-api.processhierarchy.read";

    private final CalmStore store;
    private final Settings settings;

    HierarchyApi(CalmStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    void register(Router router, CloudAlmApi api) {
        router.route("GET", PATH, api.scoped(READ, this::collection))
                .route("GET", PATH + "({key})", api.scoped(READ, this::entity));
    }

    private SimResponse entity(SimRequest request) {
        String key = request.pathParam("key");
        String uuid = key.startsWith("'") && key.endsWith("'") && key.length() >= 2
                ? key.substring(1, key.length() - 1) : key;
        for (ObjectNode node : store.hierarchy()) {
            if (node.path("uuid").asText().equals(uuid)) {
                ObjectNode body = node.deepCopy();
                body.put("@odata.context", "$metadata#HierarchyNodes/$entity");
                return SimResponse.json(200, body);
            }
        }
        throw new ApiError(404, "NotFound", "HierarchyNode " + uuid + " not found");
    }

    private SimResponse collection(SimRequest request) {
        ODataFilter filter = ODataFilter.parse(request.query("$filter").orElse(null));
        int skip = nonNegative(request, "$skip", 0);
        int top = nonNegative(request, "$top", -1);
        boolean count = request.query("$count").map("true"::equalsIgnoreCase).orElse(false);
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode node : store.hierarchy()) {
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
            value.add(select == null ? node : select(node, select));
        }
        boolean more = to < matching.size() && wanted > take;
        if (more) {
            body.put("@odata.nextLink", nextLink(request, to, top < 0 ? -1 : top - take));
        }
        return SimResponse.json(200, body);
    }

    private static ObjectNode select(ObjectNode node, List<String> fields) {
        ObjectNode result = JsonSupport.object();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (fields.contains(name) || name.equals("uuid")) {
                result.set(name, node.get(name));
            }
        }
        return result;
    }

    private static String nextLink(SimRequest request, int skip, int remainingTop) {
        Map<String, String> params = new LinkedHashMap<>();
        request.queryParameters().forEach((k, v) -> params.put(k, v.get(0)));
        params.put("$skip", Integer.toString(skip));
        if (remainingTop >= 0) {
            params.put("$top", Integer.toString(remainingTop));
        } else {
            params.remove("$top");
        }
        // Relative to the request URL, as CAP-based OData services write it.
        StringBuilder link = new StringBuilder("HierarchyNodes");
        char separator = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            link.append(separator).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            separator = '&';
        }
        return link.toString();
    }

    private static int nonNegative(SimRequest request, String name, int absent) {
        String value = request.query(name).orElse(null);
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "BadRequest", "The value '" + value + "' of " + name
                    + " is not a non-negative integer");
        }
    }
}
