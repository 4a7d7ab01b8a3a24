package io.calmsdk.benchmarks.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A deliberately minimal OAuth token endpoint and Cloud ALM task list on loopback, on the JDK HTTP server.
 *
 * <p>Why not the testkit simulator: for B1-B3 the server must cost the same for every client and as little
 * as possible, so the difference between the clients is what is measured. This server answers from
 * pre-computed bytes, checks nothing, and counts every request. The token endpoint can add a fixed latency
 * (as a real XSUAA does); it is applied with a scheduler, never by blocking a thread, so 64 concurrent token
 * requests are all in flight at once, as they would be against a real server.
 */
public final class LoopbackServer implements AutoCloseable {

    /** The path of the token endpoint; the key's {@code url} is the server root. */
    public static final String TOKEN_PATH = "/oauth/token";
    /** The path of the 50-item task list, below {@code endpoints.Api} ({@link #apiUrl()}). */
    public static final String TASKS_PATH = "/calm-tasks/v1/tasks";
    /** The client id every key of this server uses. */
    public static final String CLIENT_ID = "sb-benchmark!b42";
    /** The client secret (a local fake). */
    public static final String CLIENT_SECRET = "benchmark-secret";

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService delays;
    private final Duration tokenLatency;
    private final byte[] tasksBody;
    private final LongAdder tokenRequests = new LongAdder();
    private final LongAdder listRequests = new LongAdder();
    private final AtomicInteger tokenSerial = new AtomicInteger();

    private LoopbackServer(Duration tokenLatency, int listItems) {
        // Without TCP_NODELAY the JDK server's separate header/body writes meet delayed ACKs: ~40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.tokenLatency = tokenLatency;
        this.tasksBody = TaskPayload.json(listItems).getBytes(StandardCharsets.UTF_8);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(16, r -> daemon(r, "loopback-server-" + n.incrementAndGet()));
        this.delays = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "loopback-server-delay"));
        server.setExecutor(workers);
        server.createContext(TOKEN_PATH, this::token);
        server.createContext("/api" + TASKS_PATH, this::tasks);
        server.start();
    }

    /**
     * Starts a server.
     *
     * @param tokenLatency time the token endpoint takes to answer ({@link Duration#ZERO} for none)
     * @param listItems number of tasks in the list
     * @return the running server
     */
    public static LoopbackServer start(Duration tokenLatency, int listItems) {
        return new LoopbackServer(tokenLatency, listItems);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.increment();
        drain(exchange);
        byte[] body = tokenResponse(tokenSerial.incrementAndGet());
        if (tokenLatency.isZero()) {
            send(exchange, body);
        } else {
            delays.schedule(() -> send(exchange, body), tokenLatency.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void tasks(HttpExchange exchange) throws IOException {
        listRequests.increment();
        drain(exchange);
        send(exchange, tasksBody);
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputSink.INSTANCE);
        }
    }

    private static void send(HttpExchange exchange, byte[] body) {
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // The client went away; nothing to report in a benchmark server.
        } finally {
            exchange.close();
        }
    }

    /** A JWT-shaped token (unsigned: nobody verifies it) valid for 12 hours, unique per request. */
    private static byte[] tokenResponse(int serial) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"jti\":\"t" + serial + "\",\"client_id\":\"" + CLIENT_ID
                + "\",\"cid\":\"" + CLIENT_ID + "\",\"grant_type\":\"client_credentials\",\"iat\":" + now
                + ",\"exp\":" + (now + 43_200) + ",\"scope\":[\"uaa.resource\"]}").getBytes(StandardCharsets.UTF_8));
        String jwt = header + "." + payload + ".c2ln";
        return ("{\"access_token\":\"" + jwt + "\",\"token_type\":\"bearer\",\"expires_in\":43199,"
                + "\"scope\":\"uaa.resource\",\"jti\":\"t" + serial + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** @return the server root, e.g. {@code http://127.0.0.1:40123}: the key's {@code uaa.url} */
    public URI baseUrl() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** @return the token endpoint */
    public URI tokenUrl() {
        return baseUrl().resolve(TOKEN_PATH);
    }

    /** @return {@code endpoints.Api} of the key: the server root plus {@code /api} */
    public URI apiUrl() {
        return URI.create(baseUrl() + "/api");
    }

    /** @return the full URL of the task list */
    public URI tasksUrl() {
        return URI.create(apiUrl() + TASKS_PATH);
    }

    /** @return a Cloud ALM service key (cockpit JSON) whose {@code uaa.url} and {@code endpoints.Api} point here */
    public String cloudAlmKeyJson() {
        return "{\"endpoints\":{\"Api\":\"" + apiUrl() + "\"},\"uaa\":{\"clientid\":\"" + CLIENT_ID
                + "\",\"clientsecret\":\"" + CLIENT_SECRET + "\",\"url\":\"" + baseUrl()
                + "\",\"identityzone\":\"benchmark\",\"tenantid\":\"benchmark\",\"xsappname\":\"calm-api!b1\"}}";
    }

    /** @return token requests answered (or being answered) since start or the last {@link #resetCounts()} */
    public long tokenRequests() {
        return tokenRequests.sum();
    }

    /** @return task list requests since start or the last {@link #resetCounts()} */
    public long listRequests() {
        return listRequests.sum();
    }

    /** Sets both counters to zero. */
    public void resetCounts() {
        tokenRequests.reset();
        listRequests.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        delays.shutdownNow();
        workers.shutdownNow();
    }

    /** Discards request bodies without allocating. */
    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }
    }
}
