package io.calmsdk.api.internal;

import io.calmsdk.core.exception.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A path such as {@code /calm-tasks/v1/tasks/{id}/comments} whose {@code {name}} variables are filled
 * with values percent-encoded as one path segment each: a value can never add a segment ({@code /}
 * becomes {@code %2F}), climb out ({@code .} and {@code ..} are refused) or start a query
 * ({@code ?} becomes {@code %3F}). Immutable and thread-safe.
 */
public final class PathTemplate {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String ALLOWED = "a path under endpoints.Api starting with /, e.g. /calm-tasks/v1/tasks/{id},"
            + " without ? or # (use query parameters)";

    private final String template;
    /** Literal parts and variable names, alternating: literal, name, literal, ..., literal. */
    private final List<String> parts;

    private PathTemplate(String template, List<String> parts) {
        this.template = template;
        this.parts = parts;
    }

    /**
     * Parses a template.
     *
     * @param template e.g. {@code /calm-tasks/v1/tasks/{id}}
     * @return the template
     * @throws ValidationException if the template is not a path or its braces do not pair
     */
    public static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new ValidationException("path", template == null ? "is missing" : "does not start with /", ALLOWED);
        }
        if (template.startsWith("//")) {
            throw new ValidationException("path", "starts with //", ALLOWED);
        }
        if (template.indexOf('?') >= 0 || template.indexOf('#') >= 0) {
            throw new ValidationException("path", "contains ? or #", ALLOWED);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new ValidationException("path", "has an unclosed {", ALLOWED);
                }
                String name = template.substring(i + 1, close);
                if (!name.matches("[A-Za-z0-9_.-]+")) {
                    throw new ValidationException("path", "has a variable named '" + name + "'",
                            "variables named with letters, digits, _ . -, e.g. {id}");
                }
                parts.add(encodeLiteral(literal.toString()));
                parts.add(name);
                literal.setLength(0);
                i = close + 1;
            } else if (c == '}') {
                throw new ValidationException("path", "has a } without {", ALLOWED);
            } else {
                literal.append(c);
                i++;
            }
        }
        parts.add(encodeLiteral(literal.toString()));
        return new PathTemplate(template, List.copyOf(parts));
    }

    /**
     * The number of variables, counting repeated names each time.
     *
     * @return the number of {@code {name}} placeholders
     */
    public int variableCount() {
        return parts.size() / 2;
    }

    /**
     * Fills the variables in order of appearance.
     *
     * @param values one value per placeholder, in order; {@link Object#toString()} gives the text
     * @return the encoded path
     * @throws ValidationException if the count differs or a value is {@code null}, empty, {@code .} or {@code ..}
     */
    public String expand(Object... values) {
        Objects.requireNonNull(values, "values");
        if (values.length != variableCount()) {
            throw new ValidationException("pathVariables", "has " + values.length + " value(s) for "
                    + variableCount() + " placeholder(s) in " + template, "one value per {name} placeholder, in order");
        }
        StringBuilder out = new StringBuilder(parts.get(0));
        for (int v = 0; v < values.length; v++) {
            out.append(encodeSegment(parts.get(2 * v + 1), values[v])).append(parts.get(2 * v + 2));
        }
        return out.toString();
    }

    /**
     * Fills the variables by name.
     *
     * @param values the value of each variable name
     * @return the encoded path
     * @throws ValidationException if a variable has no value or a value is {@code null}, empty,
     *         {@code .} or {@code ..}
     */
    public String expand(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        StringBuilder out = new StringBuilder(parts.get(0));
        for (int v = 0; v < variableCount(); v++) {
            String name = parts.get(2 * v + 1);
            if (!values.containsKey(name)) {
                throw new ValidationException("pathVariables", "has no value for {" + name + "} in " + template,
                        "a value for every {name} placeholder");
            }
            out.append(encodeSegment(name, values.get(name))).append(parts.get(2 * v + 2));
        }
        return out.toString();
    }

    /**
     * Percent-encodes a value as one path segment: everything but the RFC 3986 unreserved characters
     * is encoded as UTF-8.
     *
     * @param name the variable name, for messages
     * @param value the value
     * @return the encoded segment
     * @throws ValidationException if the value is {@code null}, empty, {@code .} or {@code ..}
     */
    public static String encodeSegment(String name, Object value) {
        if (value == null) {
            throw new ValidationException("{" + name + "}", "is null", "a non-empty value");
        }
        String text = value.toString();
        if (text.isEmpty()) {
            throw new ValidationException("{" + name + "}", "is empty", "a non-empty value");
        }
        if (text.equals(".") || text.equals("..")) {
            throw new ValidationException("{" + name + "}", "is '" + text + "'",
                    "a value other than . and .. (they would change the path)");
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Literal text is taken as written, except characters no URI may hold, which are encoded. */
    private static String encodeLiteral(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        byte[] bytes = literal.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            boolean pctTriplet = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (isUnreserved(c) || c == '/' || "!$&'()*+,;=:@".indexOf(c) >= 0 || pctTriplet) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    @Override
    public String toString() {
        return template;
    }
}
