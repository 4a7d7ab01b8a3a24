package io.calmsdk.testkit;

import java.net.URI;

/**
 * Base URLs of the simulated hosts, each on its own loopback port. Clients normally take them from the
 * keys rather than from here; tests use them for raw requests.
 *
 * @param xsuaa XSUAA ({@code uaa.url}); token endpoint {@code /oauth/token}
 * @param accounts Accounts API ({@code endpoints.accounts_service_url})
 * @param entitlements Entitlements API ({@code endpoints.entitlements_service_url})
 * @param serviceManager Service Manager ({@code sm_url})
 * @param cloudAlmApi Cloud ALM API base ending in {@code /api} ({@code endpoints.Api})
 */
public record SimulatorEndpoints(URI xsuaa, URI accounts, URI entitlements, URI serviceManager, URI cloudAlmApi) {
}
