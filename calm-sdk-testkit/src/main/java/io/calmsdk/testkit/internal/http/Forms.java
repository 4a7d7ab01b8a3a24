package io.calmsdk.testkit.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes query strings and {@code application/x-www-form-urlencoded} bodies. */
public final class Forms {

    private Forms() {
    }

    /**
     * Splits and decodes {@code a=1&b=2}. Both {@code +} and {@code %20} decode to a space, as clients
     * use either when they encode a fieldQuery or a form.
     *
     * @param raw the encoded text, may be null
     * @return parameters in order of appearance, each with all its values
     */
    public static Map<String, List<String>> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /**
     * Decodes a percent-encoded path or path segment, where {@code +} stays a plus.
     *
     * @param text encoded path
     * @return decoded path
     */
    public static String decodePath(String text) {
        return text.indexOf('%') < 0 ? text : decode(text.replace("+", "%2B"));
    }

    /**
     * Decodes one form-encoded component; malformed escapes are kept as they are.
     *
     * @param text encoded text
     * @return decoded text
     */
    public static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
