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
 * {@code false} or {@code null}. One lambda is understood, the one SAP's process-hierarchy notebook uses:
 * {@code toExternalReferences/any(er:er/name eq '...' and er/externalReferenceId eq '...')}. Anything else
 * is a 400, like a service that does not support it; so is a property the entity does not have (the keys
 * are spelled {@code parentNodeUUID} and {@code rootNodeUUID}, as SAP spells them).
 */
final class ODataFilter {

    private static final Set<String> FIELDS = Set.of("uuid", HierarchyStore.PARENT, HierarchyStore.ROOT, "title",
            "description", "level", "sequence");
    private static final Set<String> REFERENCE_FIELDS = Set.of("name", "url", "externalReferenceId");
    private static final String VALUE = "('(?:[^']|'')*'|-?[0-9]+|true|false|null)";
    private static final Pattern CRITERION = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+(eq|ne)\\s+" + VALUE + "\\s*");
    private static final Pattern ANY = Pattern.compile("\\s*" + HierarchyStore.REFERENCES
            + "/any\\(\\s*([A-Za-z]+)\\s*:(.*)\\)\\s*");

    /**
     * One comparison; {@code lambda} is the variable of an {@code any} over the external references, or
     * null for a property of the node.
     */
    private record Criterion(String lambda, String field, boolean equal, String value) {

        boolean test(JsonNode object) {
            JsonNode field = object.get(this.field);
            String actual = field == null || field.isNull() ? null : field.asText();
            boolean same = actual == null ? value == null : actual.equals(value);
            return same == equal;
        }
    }

    /** All criteria of the node itself, and the groups that must each hold for one external reference. */
    private final List<Criterion> criteria;
    private final List<List<Criterion>> anyReference;

    private ODataFilter(List<Criterion> criteria, List<List<Criterion>> anyReference) {
        this.criteria = criteria;
        this.anyReference = anyReference;
    }

    static ODataFilter parse(String text) {
        return parse(text, FIELDS);
    }

    /**
     * Parses a filter over other properties than the hierarchy node's.
     *
     * @param text the {@code $filter}, may be {@code null}
     * @param fields the properties it may name
     * @return the filter
     */
    static ODataFilter parse(String text, Set<String> fields) {
        List<Criterion> criteria = new ArrayList<>();
        List<List<Criterion>> any = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new ODataFilter(criteria, any);
        }
        for (String part : splitAnd(text)) {
            Matcher lambda = ANY.matcher(part);
            if (lambda.matches()) {
                List<Criterion> group = new ArrayList<>();
                for (String inner : splitAnd(lambda.group(2))) {
                    group.add(criterion(inner, lambda.group(1), fields));
                }
                any.add(group);
            } else {
                criteria.add(criterion(part, null, fields));
            }
        }
        return new ODataFilter(criteria, any);
    }

    private static Criterion criterion(String part, String lambda, Set<String> fields) {
        String text = part;
        if (lambda != null) {
            String prefix = lambda + "/";
            if (!text.strip().startsWith(prefix)) {
                throw new ApiError(400, "BadRequest", "Unsupported $filter expression: " + part.trim());
            }
            text = text.strip().substring(prefix.length());
        }
        Matcher m = CRITERION.matcher(text);
        if (!m.matches()) {
            throw new ApiError(400, "BadRequest", "Unsupported $filter expression: " + part.trim());
        }
        Set<String> known = lambda == null ? fields : REFERENCE_FIELDS;
        if (!known.contains(m.group(1))) {
            throw new ApiError(400, "BadRequest", "Property '" + m.group(1) + "' cannot be used in $filter");
        }
        String raw = m.group(3);
        String value = raw.startsWith("'") ? raw.substring(1, raw.length() - 1).replace("''", "'")
                : raw.equals("null") ? null : raw;
        return new Criterion(lambda, m.group(1), m.group(2).equals("eq"), value);
    }

    /** Splits on {@code and} outside quotes and parentheses. */
    private static List<String> splitAnd(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && text.startsWith(" and ", i)) {
                parts.add(text.substring(start, i));
                start = i + 5;
                i += 4;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /**
     * This filter without the criteria on some properties, for properties that parameterise a service rather
     * than select entities.
     *
     * @param fields the properties to drop
     * @return the narrower filter
     */
    ODataFilter without(Set<String> fields) {
        List<Criterion> kept = new ArrayList<>();
        for (Criterion c : criteria) {
            if (!fields.contains(c.field())) {
                kept.add(c);
            }
        }
        return new ODataFilter(kept, anyReference);
    }

    /** @return whether the filter selects every entity */
    boolean isEmpty() {
        return criteria.isEmpty() && anyReference.isEmpty();
    }

    boolean test(JsonNode node) {
        for (Criterion c : criteria) {
            if (!c.test(node)) {
                return false;
            }
        }
        for (List<Criterion> group : anyReference) {
            boolean found = false;
            for (JsonNode reference : HierarchyStore.references(node)) {
                if (group.stream().allMatch(c -> c.test(reference))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
