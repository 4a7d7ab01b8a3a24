package io.calmsdk.benchmarks.support;

import com.sap.cloud.security.client.HttpClientFactory;
import com.sap.cloud.security.config.ClientCredentials;
import com.sap.cloud.security.config.ClientIdentity;
import com.sap.cloud.security.xsuaa.client.DefaultOAuth2TokenService;
import com.sap.cloud.security.xsuaa.client.OAuth2ServiceException;
import com.sap.cloud.security.xsuaa.client.OAuth2TokenResponse;
import com.sap.cloud.security.xsuaa.client.XsuaaDefaultEndpoints;
import com.sap.cloud.security.xsuaa.tokenflows.TokenFlowException;
import com.sap.cloud.security.xsuaa.tokenflows.XsuaaTokenFlows;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The baseline of B1 and B2: SAP's token-client set up as its documentation shows for a client-secret
 * binding ({@code HttpClientFactory.create(identity)}, {@code DefaultOAuth2TokenService} with its default
 * Caffeine cache, {@code XsuaaTokenFlows}). One instance is one application's token client with a cold
 * cache.
 */
public final class SapTokenClient implements AutoCloseable {

    private final ClientIdentity identity;
    private final URI tokenUrl;
    private final DefaultOAuth2TokenService service;
    private final XsuaaTokenFlows flows;
    private final org.apache.http.impl.client.CloseableHttpClient http;

    /**
     * @param server the token server (its root is the binding's {@code url})
     */
    public SapTokenClient(LoopbackServer server) {
        this.identity = new ClientCredentials(LoopbackServer.CLIENT_ID, LoopbackServer.CLIENT_SECRET);
        this.http = HttpClientFactory.create(identity);
        this.service = new DefaultOAuth2TokenService(http);
        XsuaaDefaultEndpoints endpoints = new XsuaaDefaultEndpoints(server.baseUrl().toString(), null);
        this.tokenUrl = endpoints.getTokenEndpoint();
        this.flows = new XsuaaTokenFlows(service, endpoints, identity);
    }

    /**
     * The call an application makes: a client-credentials flow, answered from the cache when it can be.
     *
     * @return the token response
     * @throws TokenFlowException if the token server refuses
     */
    public OAuth2TokenResponse tokenFlow() throws TokenFlowException {
        return flows.clientCredentialsTokenFlow().execute();
    }

    /**
     * The shortest cached path the library offers: the token service directly, without building a flow.
     *
     * @return the token response
     * @throws OAuth2ServiceException if the token server refuses
     */
    public OAuth2TokenResponse tokenService() throws OAuth2ServiceException {
        return service.retrieveAccessTokenViaClientCredentialsGrant(tokenUrl, identity, null, null, Map.of(), false);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
