package io.calmsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.http.RequestListener;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.ClientOptionsAccess;
import io.calmsdk.core.internal.http.SharedHttpClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void defaults_areTheDocumentedOnes() {
        ClientOptions o = ClientOptions.defaults();

        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.attemptTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.callTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(o.httpClient()).isEmpty();
        assertThat(o.userAgentSuffix()).isEmpty();
        assertThat(o.sleeper()).isSameAs(ClientOptions.Sleeper.system());
        assertThat(o.requestListeners()).isEmpty();
        assertThat(o.maxResponseBodySize()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void toBuilder_keepsEverySetting() {
        RequestListener listener = new RequestListener() { };
        Clock clock = Clock.systemDefaultZone();
        ClientOptions o = ClientOptions.builder().attemptTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(9)).connectTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.none()).userAgentSuffix("tool/1").clock(clock)
                .maxResponseBodySize(4096).addRequestListener(listener).build();

        ClientOptions copy = o.toBuilder().build();

        assertThat(copy.attemptTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(copy.callTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(copy.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(copy.retryPolicy()).isEqualTo(RetryPolicy.none());
        assertThat(copy.userAgentSuffix()).hasValue("tool/1");
        assertThat(copy.clock()).isSameAs(clock);
        assertThat(copy.requestListeners()).containsExactly(listener);
        assertThat(copy.maxResponseBodySize()).isEqualTo(4096);
        assertThat(copy.toString()).contains("tool/1", "PT3S");
    }

    @Test
    void build_invalidSettings_throwIllegalStateNamingTheSetting() {
        assertThatThrownBy(() -> ClientOptions.builder().connectTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> ClientOptions.builder().attemptTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("attemptTimeout");
        assertThatThrownBy(() -> ClientOptions.builder().callTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("callTimeout");
        assertThatThrownBy(() -> ClientOptions.builder().maxResponseBodySize(0).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxResponseBodySize");
        assertThatThrownBy(() -> ClientOptions.builder().userAgentSuffix("a\nb").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("userAgentSuffix");
        assertThatThrownBy(() -> ClientOptions.builder().httpClient(HttpClient.newHttpClient())
                .connectTimeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> ClientOptions.builder().sleeper(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sleeper");
    }

    @Test
    void sharedHttpClient_oneClientPerOptions_threadsEndWithTheLastLease() throws Exception {
        ClientOptions options = ClientOptions.defaults();
        SharedHttpClient shared = ClientOptionsAccess.sharedHttpClient(options);

        SharedHttpClient.Lease first = shared.lease();
        SharedHttpClient.Lease second = shared.lease();
        assertThat(second.client()).isSameAs(first.client());
        assertThat(ClientOptionsAccess.sharedHttpClient(ClientOptions.defaults()).lease().client())
                .isNotSameAs(first.client());
        java.util.concurrent.ExecutorService executor =
                (java.util.concurrent.ExecutorService) first.client().executor().orElseThrow();

        first.close();
        first.close();
        assertThat(executor.isShutdown()).isFalse();
        second.close();
        assertThat(executor.isShutdown()).isTrue();

        SharedHttpClient.Lease again = shared.lease();
        assertThat(again.client()).isNotSameAs(first.client());
        again.close();
    }

    @Test
    void sharedHttpClient_suppliedClient_isHandedOutAsItIs() {
        HttpClient mine = HttpClient.newHttpClient();
        SharedHttpClient shared = ClientOptionsAccess.sharedHttpClient(ClientOptions.builder().httpClient(mine).build());

        try (SharedHttpClient.Lease lease = shared.lease()) {
            assertThat(lease.client()).isSameAs(mine);
        }
    }
}
