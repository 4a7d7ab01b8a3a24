package io.calmsdk.core.model;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The URL rules for service keys: absolute https, plain http only for loopback (local simulators). */
final class KeyUrls {

    static final String RULE = "must be an absolute https URL (http is accepted only for loopback hosts)";

    private KeyUrls() {
    }

    /**
     * Checks a key URL.
     *
     * @param uri the URL
     * @return empty when acceptable, otherwise the problem (without the value)
     */
    static Optional<String> problem(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("is not an absolute URL with a host; it " + RULE);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of(RULE);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** {@code base} + {@code /oauth/token}, without doubling slashes or the path itself. */
    static URI tokenEndpoint(URI base) {
        String s = base.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s.endsWith("/oauth/token") ? s : s + "/oauth/token");
    }
}
