package io.calmsdk.core.internal.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollResponseTest {

    @Test
    void inProgress_keepsTheServiceState() {
        PollResponse<String> r = PollResponse.inProgress("PROCESSING");

        assertThat(r.status()).isEqualTo(PollStatus.IN_PROGRESS);
        assertThat(r.state()).isEqualTo("PROCESSING");
        assertThat(r.value()).isEmpty();
        assertThat(r.retryAfter()).isEmpty();
        assertThat(r.description()).isEmpty();
        assertThat(r.resourceId()).isEmpty();
    }

    @Test
    void factories_missingState_useTheStatusInWords() {
        assertThat(PollResponse.inProgress(null).state()).isEqualTo("in progress");
        assertThat(PollResponse.succeeded(" ", "v").state()).isEqualTo("succeeded");
        assertThat(PollResponse.failed("", "why").state()).isEqualTo("failed");
    }

    @Test
    void succeeded_carriesTheValue() {
        PollResponse<Integer> r = PollResponse.succeeded("OK", 42);

        assertThat(r.status()).isEqualTo(PollStatus.SUCCEEDED);
        assertThat(r.value()).contains(42);
    }

    @Test
    void failed_carriesTheDescriptionAndBlankMeansNone() {
        assertThat(PollResponse.failed("failed", "quota exceeded").description()).contains("quota exceeded");
        assertThat(PollResponse.failed("failed", "  ").description()).isEmpty();
    }

    @Test
    void builder_setsEveryField() {
        PollResponse<String> r = PollResponse.<String>builder(PollStatus.IN_PROGRESS).state("pending").value("op")
                .description("waiting for broker").resourceId("id-1").retryAfter(Duration.ofSeconds(3)).build();

        assertThat(r.value()).contains("op");
        assertThat(r.description()).contains("waiting for broker");
        assertThat(r.resourceId()).contains("id-1");
        assertThat(r.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(r.toBuilder().status(PollStatus.SUCCEEDED).build().resourceId()).contains("id-1");
    }

    @Test
    void withRetryAfter_returnsACopyWithTheWait() {
        PollResponse<String> original = PollResponse.inProgress("busy");

        PollResponse<String> later = original.withRetryAfter(Duration.ofSeconds(9));

        assertThat(later.retryAfter()).contains(Duration.ofSeconds(9));
        assertThat(later.state()).isEqualTo("busy");
        assertThat(original.retryAfter()).isEmpty();
        assertThat(later.withRetryAfter(null).retryAfter()).isEmpty();
    }

    @Test
    void retryAfter_negative_throws() {
        assertThatThrownBy(() -> PollResponse.inProgress("x").withRetryAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryAfter must not be negative, was PT-1S");
    }

    @Test
    void builder_nullStatus_throws() {
        assertThatThrownBy(() -> PollResponse.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("status");
    }

    @Test
    void toString_describesWithoutTheValue() {
        PollResponse<String> r = PollResponse.<String>builder(PollStatus.FAILED).state("failed").value("VALUE-XYZ")
                .description("boom").resourceId("r1").retryAfter(Duration.ofSeconds(2)).build();

        assertThat(r.toString())
                .isEqualTo("PollResponse{FAILED, state=failed, description=boom, resourceId=r1, retryAfter=PT2S}")
                .doesNotContain("VALUE-XYZ");
        assertThat(PollResponse.inProgress("x").toString()).isEqualTo("PollResponse{IN_PROGRESS, state=x}");
    }

    @Test
    void pollStatus_isTerminalOnlyWhenFinished() {
        assertThat(PollStatus.IN_PROGRESS.isTerminal()).isFalse();
        assertThat(PollStatus.SUCCEEDED.isTerminal()).isTrue();
        assertThat(PollStatus.FAILED.isTerminal()).isTrue();
    }
}
