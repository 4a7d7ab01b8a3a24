package io.calmsdk.api.internal;

import io.calmsdk.core.exception.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Checks the query filters of a REST collection against the ones it documents, before anything is sent. */
public final class RestFilters {

    private RestFilters() {
    }

    /**
     * The filters as query parameters, in iteration order.
     *
     * @param filters the filters by name
     * @param allowed the names the collection documents
     * @return the parameters
     * @throws ValidationException naming the filter and the allowed names if one is unknown or blank
     */
    public static List<Map.Entry<String, String>> check(Map<String, String> filters, Set<String> allowed) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        Objects.requireNonNull(filters, "filters").forEach((name, value) -> {
            if (!allowed.contains(name)) {
                throw new ValidationException("filters", "contains the unknown filter '" + name + "'",
                        "one of " + String.join(", ", new TreeSet<>(allowed)));
            }
            out.add(Map.entry(name, Checks.notBlank(name, value)));
        });
        return out;
    }
}
