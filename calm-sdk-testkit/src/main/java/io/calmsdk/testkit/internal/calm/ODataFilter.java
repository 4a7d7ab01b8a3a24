package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.internal.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small OData {@code $filter}: {@code field eq value} or {@code ne}, joined by
 * {@code and}; values are quoted strings ({@code ''} escapes a quote), numbers, {@code true},
 * {@code false} or {@code null}. Anything else is a 400, like a service that does not support it.
 */
final class ODataFilter {

    private static final Set<String> FIELDS = Set.of("uuid", "parentNodeUuid", "rootNodeUuid", "title", "level",
            "sequence");
    private static final Pattern CRITERION = Pattern.compile(
            "\\s*([A-Za-z]+)\\s+(eq|ne)\\s+('(?:[^']|'')*'|-?[0-9]+|true|false|null)\\s*");

    private record Criterion(String field, boolean equal, String value) {
    }

    private final List<Criterion> criteria;

    private ODataFilter(List<Criterion> criteria) {
        this.criteria = criteria;
    }

    static ODataFilter parse(String text) {
        List<Criterion> criteria = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new ODataFilter(criteria);
        }
        for (String part : text.split("\\s+and\\s+")) {
            Matcher m = CRITERION.matcher(part);
            if (!m.matches()) {
                throw new ApiError(400, "BadRequest", "Unsupported $filter expression: " + part.trim());
            }
            if (!FIELDS.contains(m.group(1))) {
                throw new ApiError(400, "BadRequest", "Property '" + m.group(1) + "' cannot be used in $filter");
            }
            String raw = m.group(3);
            String value = raw.startsWith("'") ? raw.substring(1, raw.length() - 1).replace("''", "'")
                    : raw.equals("null") ? null : raw;
            criteria.add(new Criterion(m.group(1), m.group(2).equals("eq"), value));
        }
        return new ODataFilter(criteria);
    }

    boolean test(JsonNode node) {
        for (Criterion c : criteria) {
            JsonNode field = node.get(c.field);
            String actual = field == null || field.isNull() ? null : field.asText();
            boolean same = actual == null ? c.value == null : actual.equals(c.value);
            if (same != c.equal) {
                return false;
            }
        }
        return true;
    }
}
