package io.calmsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.1.2.254", "127.255.255.255",
        "::1", "[::1]", "0:0:0:0:0:0:0:1", "[0000:0000:0000:0000:0000:0000:0000:0001]"})
    void isLoopbackHost_loopback_isTrue(String host) {
        assertThat(Loopback.isLoopbackHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "localhost.example.com", "127.0.0.1.nip.io", "128.0.0.1", "127.0.0.256",
        "10.0.0.1", "::2", "[::]", "0.0.0.0", "mylocalhost", ""})
    void isLoopbackHost_remote_isFalse(String host) {
        assertThat(Loopback.isLoopbackHost(host)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void isLoopbackHost_null_isFalse() {
        assertThat(Loopback.isLoopbackHost(null)).isFalse();
    }
}
