package io.calmsdk.core.internal.http;

import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.exception.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/** The checks and encodings of a {@link TransportRequest}: its URL, headers, query and form body. */
final class RequestEncoding {

    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect",
            "host", "upgrade");

    private RequestEncoding() {
    }

    static byte[] formBytes(Map<String, Object> formFields) {
        StringJoiner sj = new StringJoiner("&");
        formFields.forEach((k, v) -> sj.add(formEncode(k) + "=" + formEncode(
                v instanceof Secret ? ((Secret) v).reveal() : (String) v)));
        return sj.toString().getBytes(StandardCharsets.UTF_8);
    }

    static URI withQuery(URI uri, List<String> query) {
        if (query.isEmpty()) {
            return uri;
        }
        String s = uri.toString();
        int hash = s.indexOf('#');
        String fragment = hash < 0 ? "" : s.substring(hash);
        String base = hash < 0 ? s : s.substring(0, hash);
        String sep = uri.getRawQuery() == null ? "?" : base.endsWith("&") || base.endsWith("?") ? "" : "&";
        try {
            return new URI(base + sep + String.join("&", query) + fragment);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("query parameters produced an invalid URL", e);
        }
    }

    static URI checkUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ValidationException("url", "'" + ServiceFailure.redactUrl(uri.toString())
                    + "' is not an absolute http(s) URL with a host", "https://host/path");
        }
        if (scheme.equals("http") && !Loopback.isLoopbackHost(host)) {
            throw new ValidationException("url", "uses plain http:// to " + host
                    + ", which would send credentials unencrypted",
                    "https:// URLs; http:// only to a loopback host (localhost, 127.0.0.0/8, ::1)");
        }
        return uri;
    }

    static void checkHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value of header " + name);
        if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            throw new IllegalArgumentException("header name '" + name + "' is not a valid HTTP header name");
        }
        if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header " + name + " is set by the HTTP client and cannot be set");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            // The value is not quoted: it may be a secret.
            throw new IllegalArgumentException("value of header " + name + " contains a line break");
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String formEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
