package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Service Manager paging: {@code {"token","num_items","items"}}, page size {@code max_items} (a small
 * configurable default), next page by the opaque {@code token}; no token on the last page. The token is
 * bound to the query it came from, like the real one, so reusing it with another filter is a 400.
 */
final class Pager {

    private Pager() {
    }

    static ObjectNode page(SimRequest request, List<? extends JsonNode> items, int defaultSize, int maxSize) {
        int size = defaultSize;
        String maxItems = request.query("max_items").orElse(null);
        if (maxItems != null) {
            try {
                size = Integer.parseInt(maxItems.trim());
            } catch (NumberFormatException e) {
                throw new ApiError(400, "BadRequest", "max_items must be an integer, was '" + maxItems + "'");
            }
            if (size < 0 || size > maxSize) {
                throw new ApiError(400, "BadRequest", "max_items must be between 0 and " + maxSize);
            }
        }
        String fingerprint = Integer.toHexString((request.query("fieldQuery").orElse("") + "|"
                + request.query("labelQuery").orElse("")).hashCode());
        int offset = request.query("token").filter(t -> !t.isEmpty()).map(t -> offset(t, fingerprint)).orElse(0);
        ObjectNode body = JsonSupport.object();
        int end = Math.min(items.size(), offset + size);
        if (size > 0 && end < items.size()) {
            body.put("token", token(end, fingerprint));
        }
        body.put("num_items", items.size());
        ArrayNode array = body.putArray("items");
        if (size > 0) {
            for (int i = Math.min(offset, items.size()); i < end; i++) {
                array.add(items.get(i));
            }
        }
        return body;
    }

    private static String token(int offset, String fingerprint) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("page:" + offset + ":" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String fingerprint) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 3 && parts[0].equals("page") && parts[2].equals(fingerprint)) {
                return Integer.parseInt(parts[1]);
            }
        } catch (IllegalArgumentException e) {
            // fall through: the token is not one of ours
        }
        throw new ApiError(400, "BadRequest", "invalid paging token");
    }
}
