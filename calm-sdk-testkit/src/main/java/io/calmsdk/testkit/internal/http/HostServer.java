package io.calmsdk.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.internal.world.FaultRules;
import io.calmsdk.testkit.internal.world.RecordedRequest;
import io.calmsdk.testkit.internal.world.Recorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated host: a JDK HTTP(S) server on a loopback port. Every request goes through the same
 * steps: decode, inject faults (latency, reset, status, 429), route, answer, record in the journal.
 */
public final class HostServer {

    private static final Logger LOG = LoggerFactory.getLogger(HostServer.class);

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs each
        // response then waits ~40 ms. TCP_NODELAY makes a request take ~2 ms. The JDK reads this property
        // once, when the first HttpServer of the JVM starts; a value set by the user wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final int MAX_RECORDED_BODY = 64 * 1024;
    /** Starts like JSON, then is not: what a client gets from a proxy's error page glued to a cut answer. */
    static final String MALFORMED_JSON = "{\"items\": [{\"id\": <html><body>502 Bad Gateway</body></html>";
    private static final List<String> CORRELATION_HEADERS =
            List.of("x-correlation-id", "x-correlationid", "x-request-id", "x-vcap-request-id");

    private final SimulatedApi api;
    private final Router router;
    private final ErrorStyle errors;
    private final Recorder recorder;
    private final FaultRules faults;
    private final Clock clock;
    private final boolean recordBodies;
    private final HttpServer server;
    private final String scheme;

    /**
     * Binds the host. It does not answer until {@link #start()}.
     *
     * @param api the simulated service
     * @param port port, 0 for a random one
     * @param tls TLS context, or null for plain HTTP
     * @param clientCertificates whether a TLS host requires client certificates (mutual TLS)
     * @param router routes
     * @param errors error style of the service
     * @param recorder journal storage
     * @param faults injected faults
     * @param clock simulator clock (journal times)
     * @param executor worker threads
     * @param recordBodies whether request bodies may be kept in the journal (never for token requests)
     */
    public HostServer(SimulatedApi api, int port, SSLContext tls, boolean clientCertificates, Router router,
                      ErrorStyle errors, Recorder recorder, FaultRules faults, Clock clock, Executor executor,
                      boolean recordBodies) {
        this.api = api;
        this.router = router;
        this.errors = errors;
        this.recorder = recorder;
        this.faults = faults;
        this.clock = clock;
        this.recordBodies = recordBodies;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try {
            if (tls != null) {
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters parameters = tls.getDefaultSSLParameters();
                        parameters.setNeedClientAuth(clientCertificates);
                        params.setSSLParameters(parameters);
                    }
                });
                server = https;
                scheme = "https";
            } else {
                server = HttpServer.create(address, 64);
                scheme = "http";
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the simulated " + api + " to port " + port, e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts answering. */
    public void start() {
        server.start();
    }

    /** Stops at once; open exchanges are dropped. */
    public void stop() {
        server.stop(0);
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:43210} */
    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create(scheme + "://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** @return the simulated service */
    public SimulatedApi api() {
        return api;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        SimResponse response;
        SimRequest request = null;
        try {
            request = read(exchange);
            response = answer(request);
        } catch (RuntimeException | IOException e) {
            LOG.warn("simulated {} failed on {} {}: {}", api, exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e.toString());
            response = request != null
                    ? errors.error(request, 500, "InternalServerError", "simulator failure: " + e.getMessage())
                    : SimResponse.text(500, "simulator failure");
        }
        try {
            // Record before answering: a client that asserts on the journal right after its call must see it.
            if (request != null) {
                record(request, response, Duration.ofNanos(System.nanoTime() - start));
            }
            if (!response.delay().isZero()) {
                pause(response.delay());
            }
            write(exchange, response, request);
        } finally {
            exchange.close();
        }
    }

    private SimResponse answer(SimRequest request) {
        Duration delay = faults.latency(api, request.method(), request.path());
        if (!delay.isZero()) {
            pause(delay);
        }
        Optional<FaultRules.Action> fault = faults.next(api, request.method(), request.path());
        if (fault.isPresent()) {
            FaultRules.Action action = fault.get();
            switch (action.type()) {
                case RESET:
                    return SimResponse.reset();
                case RATE_LIMIT:
                    return errors.tooManyRequests(request, clock.instant(), clock.instant().plus(action.retryAfter()));
                case STATUS:
                    return injectedStatus(request, action.status());
                default:
                    // Answer faults: the request takes effect, only its answer is spoiled.
                    return spoil(route(request), action);
            }
        }
        return route(request);
    }

    private SimResponse route(SimRequest request) {
        try {
            return router.dispatch(request, errors);
        } catch (ApiError e) {
            SimResponse response = errors.error(request, e.status(), e.code(), e.getMessage());
            e.headers().forEach(response::header);
            return response;
        }
    }

    private static SimResponse spoil(SimResponse response, FaultRules.Action action) {
        switch (action.type()) {
            case MALFORMED_BODY:
                return response.withMalformedBody(MALFORMED_JSON);
            case TRUNCATED_BODY:
                return response.truncate();
            case SLOW_ANSWER:
            default:
                return response.delayBy(action.retryAfter());
        }
    }

    private SimResponse injectedStatus(SimRequest request, int status) {
        // Gateways answer 502/503/504 in plain text before the service sees the request; a 500 comes
        // from the service itself, in its own error shape.
        switch (status) {
            case 502:
                return SimResponse.text(502, "502 Bad Gateway: Registered endpoint failed to handle the request.");
            case 503:
                return SimResponse.text(503, "503 Service Unavailable").header("Retry-After", "1");
            case 504:
                return SimResponse.text(504, "504 Gateway Timeout");
            default:
                return errors.error(request, status, status == 500 ? "InternalServerError" : "InjectedFault",
                        "injected fault " + status);
        }
    }

    private static void pause(Duration delay) {
        // Injected latency must be real wall-clock time: it exists to exercise client timeouts.
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SimRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String correlationId = null;
        for (String name : CORRELATION_HEADERS) {
            List<String> values = headers.get(name);
            if (values != null && !values.isEmpty()) {
                correlationId = values.get(0);
                break;
            }
        }
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
        }
        URI uri = exchange.getRequestURI();
        return new SimRequest(api, exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getRawPath(),
                uri.getRawQuery(), Collections.unmodifiableMap(headers), body, peerCertificates(exchange),
                correlationId);
    }

    private static List<X509Certificate> peerCertificates(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange)) {
            return List.of();
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()) {
                if (c instanceof X509Certificate) {
                    chain.add((X509Certificate) c);
                }
            }
            return chain;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    private void write(HttpExchange exchange, SimResponse response, SimRequest request) throws IOException {
        if (response.isReset()) {
            // Closing an exchange before sending headers drops the connection: the client sees a reset.
            return;
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (request != null) {
            exchange.getResponseHeaders().set("X-Correlation-ID", request.correlationId());
        }
        if (response.isTruncated()) {
            writeTruncated(exchange, response);
            return;
        }
        byte[] body = response.body();
        boolean noBody = body.length == 0 || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void writeTruncated(HttpExchange exchange, SimResponse response) throws IOException {
        byte[] body = response.body();
        int status = response.status() == 204 || response.status() == 304 ? 200 : response.status();
        exchange.sendResponseHeaders(status, Math.max(body.length, 2));
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        // Closing short of the announced length fails; the JDK server drops the connection only when that
        // failure leaves the handler (otherwise the client would wait for the missing bytes forever).
        out.close();
        throw new IOException("answer cut short on purpose (injected fault)");
    }

    private void record(SimRequest request, SimResponse response, Duration duration) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (name.equals("authorization") || name.equals("proxy-authorization")) {
                // Keep only the scheme: assertions need "Bearer" or "Basic", never the credential.
                headers.put(name, values.stream().map(v -> v.split(" ", 2)[0]).toList());
            } else if (!name.equals("cookie")) {
                headers.put(name, values);
            }
        });
        String body = null;
        if (recordBodies && request.body().length > 0) {
            int length = Math.min(request.body().length, MAX_RECORDED_BODY);
            body = new String(request.body(), 0, length, StandardCharsets.UTF_8);
        }
        int status = response.isReset() ? 0 : response.status();
        recorder.record(new RecordedRequest(clock.instant(), api, request.method(), request.path(),
                request.rawQuery() == null ? "" : request.rawQuery(), status, duration, request.correlationId(),
                Collections.unmodifiableMap(headers), body));
        LOG.debug("simulated {} {} {} -> {}", api, request.method(), request.path(), status == 0 ? "reset" : status);
    }
}
