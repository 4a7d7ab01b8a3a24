package io.calmsdk.testkit;

import io.calmsdk.testkit.internal.calm.CloudAlmApi;
import io.calmsdk.testkit.internal.cis.AccountsApi;
import io.calmsdk.testkit.internal.cis.CisErrors;
import io.calmsdk.testkit.internal.cis.EntitlementsApi;
import io.calmsdk.testkit.internal.http.ErrorStyle;
import io.calmsdk.testkit.internal.http.HostServer;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.sm.ServiceManagerApi;
import io.calmsdk.testkit.internal.uaa.XsuaaApi;
import io.calmsdk.testkit.internal.world.Urls;
import io.calmsdk.testkit.internal.world.World;
import io.calmsdk.testkit.internal.x509.CertificateAuthority;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The simulator's network side: one loopback host per simulated API, the mutual-TLS token host that starts
 * on first use, and the worker threads they all share. Kept apart from {@link BtpSimulator} so that the
 * entry point only deals with what a test asks for. Thread-safe.
 */
final class SimulatorHosts {

    /** Port offset of the mutual-TLS token host from the first port; the API hosts use offsets 0 to 4. */
    private static final int MTLS_PORT_OFFSET = 5;

    private final ThreadPoolExecutor executor;
    private final List<HostServer> hosts = new ArrayList<>();
    private volatile World world;
    private volatile boolean closed;

    /**
     * Creates the worker threads; no port is bound yet.
     *
     * @param workerThreads threads shared by all hosts
     */
    SimulatorHosts(int workerThreads) {
        this.executor = new ThreadPoolExecutor(workerThreads, workerThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new WorkerThreads());
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Binds a host for each simulated API, tells the world their URLs (keys point at them) and starts
     * answering.
     *
     * @param state the simulator state the hosts serve
     * @return the hosts' base URLs
     * @throws java.io.UncheckedIOException when a port cannot be bound
     */
    BtpSimulator.Endpoints start(World state) {
        this.world = state;
        ServiceManagerApi serviceManager = new ServiceManagerApi(state);
        // Over HTTPS only when asked for: creating the CA costs an RSA key generation.
        SSLContext uaaTls = state.settings().xsuaaTls() ? state.tls().authority().serverContext() : null;
        HostServer uaa = host(SimulatedApi.XSUAA, 0, uaaTls, new XsuaaApi(state, false).router(), XsuaaApi.ERRORS);
        HostServer accounts = host(SimulatedApi.ACCOUNTS, 1, null, new AccountsApi(state).router(),
                new CisErrors(state.settings().cisErrorsWrapped()));
        HostServer entitlements = host(SimulatedApi.ENTITLEMENTS, 2, null, new EntitlementsApi(state).router(),
                new CisErrors(state.settings().cisErrorsWrapped()));
        HostServer sm = host(SimulatedApi.SERVICE_MANAGER, 3, null, serviceManager.router(), serviceManager.errors());
        HostServer calm = host(SimulatedApi.CLOUD_ALM, 4, null, new CloudAlmApi(state).router(), CloudAlmApi.ERRORS);
        URI calmApi = URI.create(Urls.text(calm.baseUri()) + "/api");
        state.urls(new Urls(uaa.baseUri(), accounts.baseUri(), entitlements.baseUri(), sm.baseUri(), calmApi));
        snapshot().forEach(HostServer::start);
        return new BtpSimulator.Endpoints(uaa.baseUri(), accounts.baseUri(), entitlements.baseUri(), sm.baseUri(),
                calmApi);
    }

    private HostServer host(SimulatedApi api, int portOffset, SSLContext tls, Router router, ErrorStyle errors) {
        // Token requests are not recorded with their bodies: they carry client secrets.
        HostServer host = new HostServer(api, port(portOffset), tls, false, router, errors, world.recorder(),
                world.faults(), world.clock(), executor, api != SimulatedApi.XSUAA);
        synchronized (hosts) {
            hosts.add(host);
        }
        return host;
    }

    private int port(int offset) {
        int base = world.settings().basePort();
        return base == 0 ? 0 : base + offset;
    }

    /**
     * Starts the mutual-TLS token host ({@code uaa.certurl}); the lazy TLS support calls it once, on first
     * use.
     *
     * @param authority the CA whose server context the host presents
     * @return the host's base URL
     * @throws IllegalStateException when the simulator is closed
     */
    URI startMutualTls(CertificateAuthority authority) {
        HostServer host = new HostServer(SimulatedApi.XSUAA, port(MTLS_PORT_OFFSET), authority.serverContext(), true,
                new XsuaaApi(world, true).router(), XsuaaApi.ERRORS, world.recorder(), world.faults(), world.clock(),
                executor, false);
        synchronized (hosts) {
            if (closed) {
                host.stop();
                throw new IllegalStateException("the simulator is closed");
            }
            hosts.add(host);
        }
        host.start();
        // The client certificate names the host as localhost or 127.0.0.1; both are in the server certificate.
        return host.baseUri();
    }

    /** @return whether {@link #close()} was called */
    boolean isClosed() {
        return closed;
    }

    /** Stops every host bound so far and the worker threads; also cleans up after a failed start. Idempotent. */
    void close() {
        synchronized (hosts) {
            if (closed) {
                return;
            }
            closed = true;
        }
        snapshot().forEach(HostServer::stop);
        executor.shutdownNow();
    }

    private List<HostServer> snapshot() {
        synchronized (hosts) {
            return new ArrayList<>(hosts);
        }
    }

    /** Daemon threads: a test that forgets to close a simulator must not keep its JVM alive. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "btp-simulator-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
