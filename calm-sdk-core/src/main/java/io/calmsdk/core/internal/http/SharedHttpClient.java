package io.calmsdk.core.internal.http;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * What every client built from one {@code ClientOptions} shares: the one HTTP client, created by the first
 * lease, released when the last lease is closed (its executor shut down and, on Java 21 and later, the
 * client itself closed), created anew by a lease after that; and the {@link RetryBudget} all their calls
 * draw from. A client supplied by the caller is handed out as it is and never closed.
 */
public final class SharedHttpClient {

    private static final AtomicInteger THREAD_COUNTER = new AtomicInteger();

    private final HttpClient supplied;
    private final Duration connectTimeout;
    private final RetryBudget retryBudget;
    private HttpClient created;
    private ExecutorService executor;
    private int leases;

    /**
     * Creates the holder of one {@code ClientOptions}.
     *
     * @param supplied the caller's HTTP client, or {@code null} to create one on the first lease
     * @param connectTimeout the connect timeout of a created client
     * @param retryBudget how many retries the shared retry budget holds when full
     */
    public SharedHttpClient(HttpClient supplied, Duration connectTimeout, int retryBudget) {
        this.supplied = supplied;
        this.connectTimeout = connectTimeout;
        this.retryBudget = new RetryBudget(retryBudget);
    }

    /** The retry budget of all calls of these options. */
    RetryBudget retryBudget() {
        return retryBudget;
    }

    /**
     * Leases the shared client; close the lease when the client that holds it is closed.
     *
     * @return the lease
     */
    public Lease lease() {
        if (supplied != null) {
            return new Lease(supplied, (Runnable) null);
        }
        synchronized (this) {
            if (created == null) {
                executor = Executors.newCachedThreadPool(daemonThreads());
                created = newHttpClient(connectTimeout, null, executor);
            }
            leases++;
            return new Lease(created, this::release);
        }
    }

    /**
     * Leases a client of its own for a TLS context the shared client does not have (mutual TLS with a
     * client certificate, or another trust store); closing the lease releases its threads.
     *
     * @param sslContext the TLS context
     * @return the lease
     */
    public Lease leaseWith(SSLContext sslContext) {
        ExecutorService own = Executors.newCachedThreadPool(daemonThreads());
        HttpClient client = newHttpClient(connectTimeout, sslContext, own);
        return new Lease(client, () -> shutDown(client, own));
    }

    /**
     * How many leases of the shared client are open; for tests.
     *
     * @return the count, 0 when no client holds it (or one was supplied)
     */
    public synchronized int leases() {
        return leases;
    }

    private void release() {
        HttpClient client;
        ExecutorService threads;
        synchronized (this) {
            if (--leases > 0) {
                return;
            }
            client = created;
            threads = executor;
            executor = null;
            created = null;
        }
        shutDown(client, threads);
    }

    /**
     * Closes the client on Java 21 and later, where {@code HttpClient} is {@code AutoCloseable} (this code
     * compiles for release 17, where it is not): that waits for exchanges still running and stops its
     * selector thread. Then its executor is shut down.
     */
    private static void shutDown(HttpClient client, ExecutorService threads) {
        try {
            if (client instanceof AutoCloseable) {
                ((AutoCloseable) client).close();
            }
        } catch (Exception e) {
            // Closing is best effort: the threads below are released all the same.
        } finally {
            threads.shutdown();
        }
    }

    static HttpClient newHttpClient(Duration connectTimeout, SSLContext sslContext, ExecutorService executor) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // HTTP/1.1: whether a failed request reached the service is clear-cut, which the
                // never-repeat-a-POST rule depends on.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Honours the https.proxyHost / http.proxyHost system properties.
                .proxy(ProxySelector.getDefault())
                .executor(executor);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread t = new Thread(runnable, "calm-sdk-http-" + THREAD_COUNTER.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One holder's use of an HTTP client; closing it is idempotent. */
    public static final class Lease implements AutoCloseable {
        private final HttpClient client;
        private Runnable onClose;

        Lease(HttpClient client, Runnable onClose) {
            this.client = client;
            this.onClose = onClose;
        }

        /**
         * The HTTP client.
         *
         * @return the client
         */
        public HttpClient client() {
            return client;
        }

        /** Releases the client; the last lease of a shared client shuts its threads down. */
        @Override
        public synchronized void close() {
            if (onClose != null) {
                Runnable r = onClose;
                onClose = null;
                r.run();
            }
        }
    }
}
