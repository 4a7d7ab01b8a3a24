package io.calmsdk.core.internal.http;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.http.RequestListener;
import io.calmsdk.core.http.RetryPolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

/**
 * The transport tests' builder: option settings go to a {@link ClientOptions} builder, transport settings
 * to the transport's, so each test reads as one chain.
 */
final class TestTransportBuilder {
    private final ClientOptions.Builder options = ClientOptions.builder();
    private final HttpTransport.Builder transport = HttpTransport.builder();

    TestTransportBuilder clock(Clock c) {
        options.clock(c);
        return this;
    }

    TestTransportBuilder sleeper(ClientOptions.Sleeper s) {
        options.sleeper(s);
        return this;
    }

    TestTransportBuilder retryPolicy(RetryPolicy p) {
        options.retryPolicy(p);
        return this;
    }

    TestTransportBuilder attemptTimeout(Duration d) {
        options.attemptTimeout(d);
        return this;
    }

    TestTransportBuilder callTimeout(Duration d) {
        options.callTimeout(d);
        return this;
    }

    TestTransportBuilder connectTimeout(Duration d) {
        options.connectTimeout(d);
        return this;
    }

    TestTransportBuilder userAgentSuffix(String s) {
        options.userAgentSuffix(s);
        return this;
    }

    TestTransportBuilder httpClient(HttpClient c) {
        options.httpClient(c);
        return this;
    }

    TestTransportBuilder maxResponseBodySize(long bytes) {
        options.maxResponseBodySize(bytes);
        return this;
    }

    TestTransportBuilder listener(RequestListener l) {
        options.addRequestListener(l);
        return this;
    }

    TestTransportBuilder asyncSleeper(AsyncSleeper s) {
        transport.asyncSleeper(s);
        return this;
    }

    TestTransportBuilder authenticator(Authenticator a) {
        transport.authenticator(a);
        return this;
    }

    TestTransportBuilder sslContext(SSLContext c) {
        transport.sslContext(c);
        return this;
    }

    TestTransportBuilder nanoTime(LongSupplier n) {
        transport.nanoTime(n);
        return this;
    }

    TestTransportBuilder api(String api) {
        transport.api(api);
        return this;
    }

    HttpTransport build() {
        return transport.options(options.build()).build();
    }
}
