package io.calmsdk.testkit;

/**
 * The simulated services. Each one listens on its own loopback port, like the distinct hosts of a real
 * landscape, so a client that sends a request to the wrong base URL gets a 404 instead of a lucky answer.
 */
public enum SimulatedApi {
    /** The XSUAA token service ({@code /oauth/token}, {@code /token_keys}), with and without mutual TLS. */
    XSUAA,
    /** The Cloud Management Accounts API ({@code accounts_service_url}). */
    ACCOUNTS,
    /** The Cloud Management Entitlements API ({@code entitlements_service_url}). */
    ENTITLEMENTS,
    /** Service Manager ({@code sm_url}). */
    SERVICE_MANAGER,
    /** The SAP Cloud ALM APIs ({@code endpoints.Api} of a Cloud ALM key, under {@code /api}). */
    CLOUD_ALM
}
