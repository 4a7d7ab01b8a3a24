package io.calmsdk.core.internal.http;

import io.calmsdk.core.exception.ServiceFailure;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Formats headers for DEBUG logs from an allow-list, so that credentials (Authorization, cookies, any
 * header a caller marks secret) can never reach a log line, whatever their name.
 */
final class HeaderLog {

    private static final Set<String> ALLOWED = Set.of("content-type", "location", "retry-after", "x-correlationid",
            "x-vcap-request-id", "etag");
    private static final String ALLOWED_PREFIX = "x-ratelimit-";

    private HeaderLog() {
    }

    static boolean isAllowed(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return ALLOWED.contains(n) || n.startsWith(ALLOWED_PREFIX);
    }

    /** The allow-listed headers as {@code " {Name=value, ...}"}, or an empty string when there are none. */
    static String format(HttpHeaders headers) {
        TreeMap<String, String> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.map().forEach((name, values) -> {
            if (isAllowed(name)) {
                String value = String.join(",", values);
                shown.put(name, name.equalsIgnoreCase("location") ? ServiceFailure.redactUrl(value) : value);
            }
        });
        if (shown.isEmpty()) {
            return "";
        }
        StringJoiner sj = new StringJoiner(", ", " {", "}");
        shown.forEach((k, v) -> sj.add(k + "=" + v));
        return sj.toString();
    }
}
