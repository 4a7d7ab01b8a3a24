package io.calmsdk.testkit.internal.calm;

import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.SimRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paging parts every simulated OData collection shares ({@link EntitySetApi}, {@link HierarchyApi},
 * {@link ProcessAuthoringApi}): reading {@code $skip}/{@code $top}, and the {@code @odata.nextLink} to the rest
 * of a window the server page size cut.
 */
final class ODataPaging {

    private ODataPaging() {
    }

    /**
     * A non-negative integer query option.
     *
     * @param request the request
     * @param name the option, e.g. {@code $skip}
     * @param absent the value when the option is absent
     * @return the value
     * @throws ApiError 400 if the value is not a non-negative integer
     */
    static int nonNegative(SimRequest request, String name, int absent) {
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

    /**
     * The part of a list from {@code offset}, at most {@code limit} long (both already checked non-negative).
     *
     * @param all the whole list
     * @param offset where the window starts; past the end gives an empty window
     * @param limit the most items
     * @param <T> the items' type
     * @return a view of {@code all}
     */
    static <T> List<T> window(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        return all.subList(from, (int) Math.min(all.size(), (long) from + limit));
    }

    /**
     * The next link, relative to the request URL as CAP-based OData services write it: the request's query
     * options with {@code $skip} moved on and {@code $top} lowered by what was served (dropped when unbounded).
     *
     * @param request the request
     * @param entitySet the last path segment, e.g. {@code HierarchyNodes}
     * @param skip where the next page starts
     * @param remainingTop what is left of {@code $top}, or -1 when the request had none
     * @return the link
     */
    static String nextLink(SimRequest request, String entitySet, int skip, int remainingTop) {
        Map<String, String> params = new LinkedHashMap<>();
        request.queryParameters().forEach((k, v) -> params.put(k, v.get(0)));
        params.put("$skip", Integer.toString(skip));
        if (remainingTop >= 0) {
            params.put("$top", Integer.toString(remainingTop));
        } else {
            params.remove("$top");
        }
        StringBuilder link = new StringBuilder(entitySet);
        char separator = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            link.append(separator).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            separator = '&';
        }
        return link.toString();
    }
}
