package io.calmsdk.benchmarks.jmh;

import com.sap.cloud.security.xsuaa.client.OAuth2ServiceException;
import com.sap.cloud.security.xsuaa.client.OAuth2TokenResponse;
import com.sap.cloud.security.xsuaa.tokenflows.TokenFlowException;
import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.benchmarks.support.LoopbackServer;
import io.calmsdk.benchmarks.support.SapTokenClient;
import io.calmsdk.core.keys.ServiceKeys;
import java.io.IOException;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * B2: the cached-token lookup every API call makes, once a token is cached. Run with 1 and with 8 threads
 * (the thread count is set by the runner). Both clients were warmed with one token request in setup; the
 * setup checks that neither asks the server again while measured.
 */
@State(Scope.Benchmark)
public class CachedTokenBenchmark {

    private LoopbackServer server;
    private ClientCredentialsTokenProvider calm;
    private SapTokenClient sap;

    /**
     * Starts the token server and fills both caches.
     *
     * @throws Exception if a first token cannot be fetched
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = LoopbackServer.start(Duration.ZERO, 1);
        calm = ClientCredentialsTokenProvider.create(ServiceKeys.calm().fromJson(server.cloudAlmKeyJson()));
        sap = new SapTokenClient(server);
        calm.token();
        sap.tokenFlow();
        sap.tokenService();
    }

    /**
     * Fails the trial if a client went back to the server: then the cached path was not what was measured.
     *
     * @throws IOException if the SAP client cannot be closed
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        long requests = server.tokenRequests();
        calm.close();
        sap.close();
        server.close();
        if (requests != 2) {
            throw new IllegalStateException("expected one token request per client, the server saw " + requests);
        }
    }

    /**
     * calm-sdk: {@code TokenProvider.token()}.
     *
     * @return the cached token
     */
    @Benchmark
    public AccessToken calmSdk() {
        return calm.token();
    }

    /**
     * SAP token-client as applications call it: {@code clientCredentialsTokenFlow().execute()}.
     *
     * @return the cached token response
     * @throws TokenFlowException never, with a warm cache
     */
    @Benchmark
    public OAuth2TokenResponse sapTokenFlow() throws TokenFlowException {
        return sap.tokenFlow();
    }

    /**
     * SAP token-client's shortest cached path: {@code retrieveAccessTokenViaClientCredentialsGrant}.
     *
     * @return the cached token response
     * @throws OAuth2ServiceException never, with a warm cache
     */
    @Benchmark
    public OAuth2TokenResponse sapTokenService() throws OAuth2ServiceException {
        return sap.tokenService();
    }
}
