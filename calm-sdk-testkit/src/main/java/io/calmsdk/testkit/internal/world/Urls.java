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
