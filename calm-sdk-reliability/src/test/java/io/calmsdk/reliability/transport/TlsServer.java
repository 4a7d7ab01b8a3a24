package io.calmsdk.reliability.transport;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTPS server on 127.0.0.1 with a certificate made by the JDK's {@code keytool} for a chosen set of
 * names, answering a token request and a Cloud ALM list, so that a client can be shown to refuse a
 * certificate that does not name the host it connected to. It asks for (but does not require) a client
 * certificate, so X.509 clients present theirs.
 */
final class TlsServer implements AutoCloseable {

    private static final String PASSWORD = "changeit";

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final KeyStore trust;
    private final AtomicInteger answered = new AtomicInteger();

    private TlsServer(KeyStore keyStore) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = context.getDefaultSSLParameters();
                p.setWantClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String body = path.endsWith("/oauth/token")
                    ? "{\"access_token\":\"opaque-test-token-value\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                    + "\"scope\":\"calm-api!b1.calm-api.projects.read\"}"
                    : "[]";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            answered.incrementAndGet();
        });
        server.start();
        trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        Certificate cert = keyStore.getCertificate("server");
        trust.setCertificateEntry("server", cert);
    }

    /**
     * Makes a key store with {@code keytool} (a separate JDK process, so nothing here can bend the rules).
     *
     * @param dir where the key store goes
     * @param name file name
     * @param subjectAltNames e.g. {@code dns:wrong.example} or {@code ip:127.0.0.1,dns:localhost}
     * @return the keytool process; {@link #start(Process, Path)} waits for it
     */
    static Process keytool(Path dir, String name, String subjectAltNames) throws IOException {
        Path store = dir.resolve(name + ".p12");
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "SAN=" + subjectAltNames, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    /**
     * Waits for keytool and starts a server with its key store.
     *
     * @param keytool the process from {@link #keytool}
     * @param store the key store it writes
     * @return the running server
     */
    static TlsServer start(Process keytool, Path store) throws Exception {
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IllegalStateException("keytool failed for " + store);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return new TlsServer(ks);
    }

    /** @return {@code https://127.0.0.1:<port>} */
    URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return a trust store holding this server's (self-signed) certificate */
    KeyStore trustStore() {
        return trust;
    }

    /** @return a TLS context that trusts this server's certificate (and nothing else) */
    SSLContext trustingContext() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** @return how many requests got an answer (a refused handshake never reaches the handler) */
    int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
