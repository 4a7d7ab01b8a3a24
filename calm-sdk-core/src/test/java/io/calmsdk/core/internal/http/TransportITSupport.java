package io.calmsdk.core.internal.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.calmsdk.core.http.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock server on loopback, a fixed clock, a recording sleeper and transports that are closed after each test. */
abstract class TransportITSupport {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Full jitter at one half: the wait before retry n is half its cap, e.g. 100 ms for the first. */
    static final RetryPolicy POLICY = RetryPolicy.builder().jitter(() -> 0.5).build();

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<HttpTransport> transports = new ArrayList<>();

    @AfterEach
    void closeTransports() {
        transports.forEach(HttpTransport::close);
    }

    static URI url(String path) {
        return URI.create("http://127.0.0.1:" + wm.getPort() + path);
    }

    /** A builder with the fixed clock, the recording sleeper for sync and async waits and the test policy. */
    TestTransportBuilder builder() {
        return new TestTransportBuilder().clock(CLOCK).sleeper(sleeper).asyncSleeper(sleeper).retryPolicy(POLICY)
                .attemptTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(20));
    }

    HttpTransport track(HttpTransport t) {
        transports.add(t);
        return t;
    }

    HttpTransport transport() {
        return track(builder().build());
    }
}
