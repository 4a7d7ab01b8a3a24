package io.calmsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

    private static ConnectException connect(Throwable cause) {
        ConnectException e = new ConnectException();
        e.initCause(cause);
        return e;
    }

    @Test
    void of_connectFailures_neverReachedTheServer() {
        assertThat(FailureKind.of(new ConnectException("Connection refused"))).isEqualTo(FailureKind.CONNECT_FAILED);
        assertThat(FailureKind.of(new HttpConnectTimeoutException("connect timed out")))
                .isEqualTo(FailureKind.CONNECT_FAILED);
        assertThat(FailureKind.of(new UnknownHostException("h"))).isEqualTo(FailureKind.CONNECT_FAILED);
        assertThat(FailureKind.of(connect(new UnresolvedAddressException()))).isEqualTo(FailureKind.CONNECT_FAILED);
    }

    @Test
    void of_timeouts_areAttemptTimeouts() {
        assertThat(FailureKind.of(new HttpTimeoutException("request timed out"))).isEqualTo(FailureKind.ATTEMPT_TIMEOUT);
        assertThat(FailureKind.of(new TimeoutException())).isEqualTo(FailureKind.ATTEMPT_TIMEOUT);
    }

    @Test
    void of_tlsFailureEvenWrapped_isTlsFailure() {
        assertThat(FailureKind.of(new SSLHandshakeException("PKIX path"))).isEqualTo(FailureKind.TLS_FAILURE);
        assertThat(FailureKind.of(connect(new SSLHandshakeException("x")))).isEqualTo(FailureKind.TLS_FAILURE);
    }

    @Test
    void of_otherIoAndNonIo_areClassified() {
        assertThat(FailureKind.of(new IOException("Connection reset"))).isEqualTo(FailureKind.IO_FAILURE);
        assertThat(FailureKind.of(new IllegalArgumentException("bad"))).isEqualTo(FailureKind.OTHER);
        assertThat(FailureKind.of(null)).isEqualTo(FailureKind.OTHER);
    }

    @Test
    void describe_variousFailures_isShortAndSingleLine() {
        assertThat(FailureKind.ATTEMPT_TIMEOUT.describe(new TimeoutException())).isEqualTo("no answer in time");
        assertThat(FailureKind.CONNECT_FAILED.describe(new ConnectException()))
                .isEqualTo("ConnectException (connection refused or host unreachable)");
        assertThat(FailureKind.CONNECT_FAILED.describe(connect(new UnresolvedAddressException())))
                .isEqualTo("ConnectException: host name not resolved");
        assertThat(FailureKind.IO_FAILURE.describe(new IOException(new IOException("inner reset"))))
                .isEqualTo("IOException: java.io.IOException: inner reset");
        assertThat(FailureKind.IO_FAILURE.describe(new IOException("line1\nline2 " + "x".repeat(300))))
                .startsWith("IOException: line1 line2 xxx").endsWith("...").hasSize("IOException: ".length() + 123);
        assertThat(FailureKind.OTHER.describe(null)).isEqualTo("unknown");
    }
}
