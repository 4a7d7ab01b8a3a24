package io.calmsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaults_always_matchDocumentedValues() {
        RetryPolicy p = RetryPolicy.defaults();

        assertThat(p.maxAttempts()).isEqualTo(4);
        assertThat(p.baseDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.retryableStatuses()).containsExactly(408, 429, 500, 502, 503, 504);
        assertThat(p.isRetryableStatus(503)).isTrue();
        assertThat(p.isRetryableStatus(500)).isTrue();
        assertThat(p.isRetryableStatus(501)).isFalse();
    }

    @Test
    void none_always_hasOneAttempt() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void backoff_jitterZero_isZero() {
        RetryPolicy p = RetryPolicy.builder().jitter(() -> 0.0).build();

        assertThat(p.backoff(1)).isZero();
        assertThat(p.backoff(5)).isZero();
    }

    @Test
    void backoff_jitterAlmostOne_reachesTheExponentialCap() {
        RetryPolicy p = RetryPolicy.builder().jitter(() -> 0.9999999).build();

        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(p.backoff(6)).isEqualTo(Duration.ofMillis(6400));
        assertThat(p.backoff(7)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoff(1000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void backoff_jitterHalf_isHalfTheCap() {
        RetryPolicy p = RetryPolicy.builder().jitter(() -> 0.5).build();

        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void backoff_jitterOutOfRange_isClamped() {
        AtomicReference<Double> r = new AtomicReference<>(-3.0);
        RetryPolicy p = RetryPolicy.builder().jitter(r::get).build();

        assertThat(p.backoff(1)).isZero();
        r.set(Double.NaN);
        assertThat(p.backoff(1)).isZero();
        r.set(7.0);
        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void backoff_zeroBaseDelay_isZero() {
        RetryPolicy p = RetryPolicy.builder().baseDelay(Duration.ZERO).jitter(() -> 0.9).build();

        assertThat(p.backoff(3)).isZero();
    }

    @Test
    void backoff_retryBelowOne_throwsIllegalArgument() {
        assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retry must be at least 1");
    }

    @Property
    void backoff_anyRetryAndRandom_staysWithinFullJitterBounds(@ForAll @IntRange(min = 1, max = 200) int retry,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double random) {
        RetryPolicy p = RetryPolicy.builder().baseDelay(Duration.ofMillis(150)).maxDelay(Duration.ofSeconds(7))
                .jitter(() -> random).build();
        long cap = Math.min(7000, 150L * (1L << Math.min(retry - 1, 20)));

        assertThat(p.backoff(retry).toMillis()).isBetween(0L, cap);
    }

    @Test
    void backoff_defaultJitter_variesWithinBounds() {
        RetryPolicy p = RetryPolicy.defaults();

        for (int i = 0; i < 100; i++) {
            assertThat(p.backoff(2).toMillis()).isBetween(0L, 400L);
        }
    }

    @Test
    void maxAttempts_zero_buildThrowsIllegalStateNamingSetting() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxAttempts");
    }

    @Test
    void durations_negative_buildThrowsIllegalStateNamingSetting() {
        Duration negative = Duration.ofMillis(-1);

        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(negative).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseDelay");
        assertThatThrownBy(() -> RetryPolicy.builder().maxDelay(negative).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(negative).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxRetryAfter");
        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("baseDelay");
    }

    @Test
    void retryableStatuses_successStatus_buildThrowsIllegalState() {
        assertThatThrownBy(() -> RetryPolicy.builder().retryableStatuses(503, 200).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("retryableStatuses")
                .hasMessageContaining("200");
        assertThatThrownBy(() -> RetryPolicy.builder().retryableStatuses(600).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("600");
    }

    @Test
    void build_maxDelayBelowBaseDelay_throwsIllegalStateNamingBoth() {
        RetryPolicy.Builder b = RetryPolicy.builder().baseDelay(Duration.ofSeconds(5)).maxDelay(Duration.ofSeconds(1));

        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxDelay").hasMessageContaining("baseDelay");
    }

    @Test
    void builder_customValues_areKept() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(7).baseDelay(Duration.ofMillis(50))
                .maxDelay(Duration.ofSeconds(2)).maxRetryAfter(Duration.ofSeconds(5)).retryableStatuses(500, 503)
                .build();

        assertThat(p.maxAttempts()).isEqualTo(7);
        assertThat(p.baseDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.retryableStatuses()).containsExactly(500, 503);
        assertThatThrownBy(() -> p.retryableStatuses().add(404)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilder_unchanged_buildsEqualPolicy() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(2).retryableStatuses(503).build();

        assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
        assertThat(p.toBuilder().maxAttempts(3).build()).isNotEqualTo(p);
        assertThat(p).isEqualTo(p).isNotEqualTo("p");
        assertThat(RetryPolicy.defaults()).isNotEqualTo(RetryPolicy.none());
    }

    @Test
    void toString_always_listsSettings() {
        assertThat(RetryPolicy.defaults().toString()).contains("maxAttempts=4", "baseDelay=PT0.2S", "jitter=random");
        assertThat(RetryPolicy.builder().jitter(() -> 0.1).build().toString()).contains("jitter=custom");
    }
}
