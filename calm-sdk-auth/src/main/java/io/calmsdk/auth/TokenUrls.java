package io.calmsdk.auth;

import io.calmsdk.core.exception.ValidationException;
import java.net.URI;
import java.util.Locale;

/** Derives the token endpoint from the authorization server URL of a key. */
final class TokenUrls {

    static final String TOKEN_PATH = "/oauth/token";

    private TokenUrls() {
    }

    /**
     * {@code base + /oauth/token}: a trailing slash is tolerated and a URL that already ends with
     * {@code /oauth/token} is used as it is.
     *
     * @param base the {@code url} or {@code certurl} of the key, or a full token URL
     * @param field the key field the URL came from, for messages
     * @return the token endpoint
     * @throws ValidationException if the URL has a query or fragment, or is not absolute http(s)
     */
    static URI tokenEndpoint(URI base, String field) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!base.isAbsolute() || base.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ValidationException(field, "is not an absolute http(s) URL with a host",
                    "the authorization server URL of the key, e.g. https://<sub>.authentication.<region>.hana.ondemand.com");
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new ValidationException(field, "has a query or fragment",
                    "the authorization server URL of the key without query or fragment");
        }
        String s = base.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.toLowerCase(Locale.ROOT).endsWith(TOKEN_PATH)) {
            s = s + TOKEN_PATH;
        }
        return URI.create(s);
    }
}
