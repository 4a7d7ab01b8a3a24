package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.internal.http.ApiError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Service Manager's {@code fieldQuery} and {@code labelQuery} language: criteria {@code key op operand}
 * joined by {@code and}; operators {@code eq ne gt ge lt le in notin contains en}; string literals in
 * single quotes with {@code ''} escaping a quote; lists in parentheses. Immutable once parsed.
 */
public final class ResourceQuery {

    private static final Set<String> FIELD_OPERATORS =
            Set.of("eq", "ne", "gt", "ge", "lt", "le", "in", "notin", "contains", "en", "eqornil");
    private static final Set<String> LABEL_OPERATORS = Set.of("eq", "ne", "in", "notin", "en", "eqornil");

    private record Criterion(String key, String operator, List<String> operands, boolean list) {
    }

    private final List<Criterion> criteria;

    private ResourceQuery(List<Criterion> criteria) {
        this.criteria = criteria;
    }

    /**
     * Parses a fieldQuery.
     *
     * @param text the decoded expression, may be null or blank
     * @param fields the fields the resource supports
     * @return the query
     * @throws ApiError 400 {@code InvalidFieldQuery} on bad syntax or an unsupported field
     */
    public static ResourceQuery field(String text, Set<String> fields) {
        ResourceQuery query = parse(text, "InvalidFieldQuery", FIELD_OPERATORS);
        for (Criterion c : query.criteria) {
            if (!fields.contains(c.key)) {
                throw new ApiError(400, "InvalidFieldQuery", "unsupported field query key: " + c.key);
            }
        }
        return query;
    }

    /**
     * Parses a labelQuery.
     *
     * @param text the decoded expression, may be null or blank
     * @return the query
     * @throws ApiError 400 {@code InvalidLabelQuery} on bad syntax
     */
    public static ResourceQuery label(String text) {
        return parse(text, "InvalidLabelQuery", LABEL_OPERATORS);
    }

    /**
     * Tests a resource's fields.
     *
     * @param resource resource JSON
     * @return whether every criterion holds
     */
    public boolean matchesFields(JsonNode resource) {
        for (Criterion c : criteria) {
            JsonNode value = resource.get(c.key);
            String actual = value == null || value.isNull() ? null : value.asText();
            if (!test(c, actual == null ? List.of() : List.of(actual), actual == null)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tests a resource's labels.
     *
     * @param labels label key to values
     * @return whether every criterion holds
     */
    public boolean matchesLabels(Map<String, List<String>> labels) {
        for (Criterion c : criteria) {
            List<String> values = labels.getOrDefault(c.key, List.of());
            if (!test(c, values, !labels.containsKey(c.key))) {
                return false;
            }
        }
        return true;
    }

    private static boolean test(Criterion c, List<String> actual, boolean missing) {
        String operand = c.operands.get(0);
        switch (c.operator) {
            case "eq":
                return actual.contains(operand);
            case "en":
            case "eqornil":
                return missing || actual.contains(operand);
            case "ne":
                return !actual.contains(operand);
            case "in":
                return actual.stream().anyMatch(c.operands::contains);
            case "notin":
                return actual.stream().noneMatch(c.operands::contains);
            case "contains":
                return actual.stream().anyMatch(a -> a.contains(operand));
            default:
                return !actual.isEmpty() && compare(actual.get(0), operand, c.operator);
        }
    }

    private static boolean compare(String actual, String operand, String operator) {
        int cmp;
        try {
            cmp = new BigDecimal(actual).compareTo(new BigDecimal(operand));
        } catch (NumberFormatException e) {
            cmp = actual.compareTo(operand);
        }
        switch (operator) {
            case "gt":
                return cmp > 0;
            case "ge":
                return cmp >= 0;
            case "lt":
                return cmp < 0;
            default:
                return cmp <= 0;
        }
    }

    private static ResourceQuery parse(String text, String errorCode, Set<String> operators) {
        List<Criterion> criteria = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new ResourceQuery(criteria);
        }
        Lexer lexer = new Lexer(text, errorCode);
        do {
            String key = lexer.word("a key");
            String operator = lexer.word("an operator");
            if (!operators.contains(operator)) {
                throw lexer.error("unsupported operator '" + operator + "'");
            }
            boolean listOperator = operator.equals("in") || operator.equals("notin");
            List<String> operands = listOperator ? lexer.list() : List.of(lexer.operand());
            criteria.add(new Criterion(key, operator, operands, listOperator));
        } while (lexer.and());
        lexer.end();
        return new ResourceQuery(criteria);
    }

    /** A hand-written scanner: the grammar is small and the error messages should say where it broke. */
    private static final class Lexer {
        private final String text;
        private final String errorCode;
        private int pos;

        Lexer(String text, String errorCode) {
            this.text = text;
            this.errorCode = errorCode;
        }

        ApiError error(String problem) {
            return new ApiError(400, errorCode, "invalid query '" + text + "' at position " + pos + ": " + problem);
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        String word(String what) {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '('
                    && text.charAt(pos) != '\'') {
                pos++;
            }
            if (start == pos) {
                throw error("expected " + what);
            }
            return text.substring(start, pos);
        }

        String operand() {
            skipSpaces();
            if (pos >= text.length()) {
                throw error("expected a value");
            }
            if (text.charAt(pos) == '\'') {
                return quoted();
            }
            String bare = bareValue();
            if (!bare.matches("-?[0-9]+(\\.[0-9]+)?|true|false|null")) {
                throw error("string values must be in single quotes: " + bare);
            }
            return bare;
        }

        private String bareValue() {
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != ','
                    && text.charAt(pos) != ')') {
                pos++;
            }
            if (start == pos) {
                throw error("expected a value");
            }
            return text.substring(start, pos);
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string literal");
                }
                char c = text.charAt(pos++);
                if (c == '\'') {
                    if (pos < text.length() && text.charAt(pos) == '\'') {
                        value.append('\'');
                        pos++;
                    } else {
                        return value.toString();
                    }
                } else {
                    value.append(c);
                }
            }
        }

        List<String> list() {
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != '(') {
                throw error("expected '(' to start a list");
            }
            pos++;
            List<String> values = new ArrayList<>();
            while (true) {
                values.add(operand());
                skipSpaces();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == ')') {
                    pos++;
                    return values;
                } else {
                    throw error("expected ',' or ')'");
                }
            }
        }

        boolean and() {
            skipSpaces();
            if (pos >= text.length()) {
                return false;
            }
            if (text.startsWith("and", pos) && pos + 3 < text.length()
                    && Character.isWhitespace(text.charAt(pos + 3))) {
                pos += 3;
                return true;
            }
            throw error("expected 'and' or the end of the query");
        }

        void end() {
            skipSpaces();
            if (pos != text.length()) {
                throw error("unexpected trailing text");
            }
        }
    }
}
