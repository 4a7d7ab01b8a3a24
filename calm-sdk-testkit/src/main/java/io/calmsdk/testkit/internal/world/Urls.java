package io.calmsdk.testkit.internal.world;

import java.net.URI;

/**
 * Base URLs of the simulated hosts, as handed out in keys.
 *
 * @param uaa XSUAA ({@code uaa.url})
 * @param accounts Accounts API ({@code endpoints.accounts_service_url})
 * @param entitlements Entitlements API ({@code endpoints.entitlements_service_url})
 * @param serviceManager Service Manager ({@code sm_url})
 * @param cloudAlmApi Cloud ALM API base, ending in {@code /api} ({@code endpoints.Api})
 */
public record Urls(URI uaa, URI accounts, URI entitlements, URI serviceManager, URI cloudAlmApi) {

    /**
     * The {@code uaadomain} of keys. Over plain HTTP the host and port, as XSUAA writes its domain. Over
     * HTTPS the whole base URL: SAP's {@code java-security} fetches {@code <uaadomain>/token_keys} as it
     * is when that is an absolute URI and prefixes {@code https://} otherwise, and {@code java.net.URI}
     * reads {@code 127.0.0.1:<port>} as a scheme, not a host; SAP's own test library writes a URL too.
     *
     * @return the domain
     */
    public String uaaDomain() {
        return "https".equals(uaa.getScheme()) ? text(uaa) : uaa.getAuthority();
    }

    /**
     * Text of a base URL without a trailing slash.
     *
     * @param uri the URL
     * @return its text
     */
    public static String text(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
