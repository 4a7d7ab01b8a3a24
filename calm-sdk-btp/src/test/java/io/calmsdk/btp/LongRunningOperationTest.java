package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.exception.PollingTimeoutException;
import io.calmsdk.core.internal.polling.PollResponse;
import io.calmsdk.core.internal.polling.PollStatus;
import io.calmsdk.core.internal.polling.Poller;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LongRunningOperationTest {

    private final FakeTime time = new FakeTime();
    private final Poller poller = Poller.builder().clock(time).sleeper(time)
            .options(PollingOptions.builder().timeout(Duration.ofMinutes(1)).build()).build();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger results = new AtomicInteger();

    /** A handle whose reads answer the given responses in turn, the last one for ever after. */
    @SafeVarargs
    private LongRunningOperation<String> scripted(PollResponse<String>... responses) {
        Deque<PollResponse<String>> script = new ArrayDeque<>(List.of(responses));
        return LongRunningOperation.<String>builder("create thing t", poller).resourceId("t-1").operationId("op-1")
                .state("accepted, HTTP 202").polling(() -> {
                    reads.incrementAndGet();
                    return script.size() > 1 ? script.poll() : script.peek();
                }, value -> {
                    results.incrementAndGet();
                    return "result of " + value;
                });
    }

    @Test
    void poll_readsOnceAndTellsTheStatus_finalResultOnlyOnceEnded() {
        LongRunningOperation<String> op = scripted(PollResponse.inProgress("in progress"),
                PollResponse.succeeded("succeeded", "op"));

        assertThat(op.status()).isEqualTo(LongRunningOperation.Status.IN_PROGRESS);
        assertThat(op.poll()).isEqualTo(LongRunningOperation.Status.IN_PROGRESS);
        assertThatThrownBy(op::finalResult).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("create thing t is still in progress (in progress)");
        assertThat(op.poll()).isEqualTo(LongRunningOperation.Status.SUCCEEDED);
        assertThat(op.poll()).isEqualTo(LongRunningOperation.Status.SUCCEEDED);

        assertThat(reads).hasValue(2);
        assertThat(op.finalResult()).isEqualTo("result of op");
        assertThat(op.waitForCompletion()).isEqualTo("result of op");
        assertThat(results).as("the result is read once").hasValue(1);
        assertThat(time.slept()).isZero();
    }

    @Test
    void waitForCompletion_pollsUntilDone_pacedByTheOptionsAndRetryAfter() {
        LongRunningOperation<String> op = scripted(PollResponse.inProgress("pending"),
                PollResponse.<String>inProgress("in progress").withRetryAfter(Duration.ofSeconds(7)),
                PollResponse.succeeded("succeeded", "op"));

        assertThat(op.waitForCompletion()).isEqualTo("result of op");

        assertThat(reads).hasValue(3);
        assertThat(time.slept()).isEqualTo(PollingOptions.DEFAULT_INITIAL_DELAY.plusSeconds(7));
        assertThat(op.toString()).contains("create thing t", "SUCCEEDED", "t-1");
    }

    @Test
    void failure_isThrownByEveryWaitAndByFinalResult_withoutAnotherRead() {
        LongRunningOperation<String> op = scripted(PollResponse.<String>builder(PollStatus.FAILED).state("failed")
                .description("broker said no").resourceId("t-1").build());

        assertThatThrownBy(op::waitForCompletion).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("create thing t").hasMessageContaining("broker said no");
        assertThat(op.status()).isEqualTo(LongRunningOperation.Status.FAILED);
        assertThatThrownBy(op::finalResult).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("broker said no");
        assertThatThrownBy(() -> op.waitForCompletion(Duration.ofSeconds(5)))
                .isInstanceOf(OperationFailedException.class);
        assertThat(reads).hasValue(1);
    }

    @Test
    void poll_failed_keepsTheFailureForFinalResult() {
        LongRunningOperation<String> op = scripted(PollResponse.failed("PROCESSING_FAILED", "no quota"));

        assertThat(op.poll()).isEqualTo(LongRunningOperation.Status.FAILED);
        assertThatThrownBy(op::finalResult).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("PROCESSING_FAILED").hasMessageContaining("no quota");
    }

    @Test
    void waitForCompletion_timeout_namesTheStateAndTheHandleCanBeWaitedOnAgain() {
        List<PollResponse<String>> script = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            script.add(PollResponse.inProgress("in progress"));
        }
        script.add(PollResponse.succeeded("succeeded", "op"));
        @SuppressWarnings("unchecked")
        LongRunningOperation<String> op = scripted(script.toArray(new PollResponse[0]));

        assertThatThrownBy(() -> op.waitForCompletion(Duration.ofSeconds(10)))
                .isInstanceOf(PollingTimeoutException.class).hasMessageContaining("still in progress");
        assertThat(op.status()).isEqualTo(LongRunningOperation.Status.IN_PROGRESS);
        assertThat(time.slept()).isLessThanOrEqualTo(Duration.ofSeconds(10));

        assertThat(op.waitForCompletion(Duration.ofHours(1))).isEqualTo("result of op");
    }

    @Test
    void done_isCompleteAtOnce_andNeverReads() {
        LongRunningOperation<Void> op = LongRunningOperation.<Void>builder("delete thing t", poller).resourceId("t-1")
                .state("gone, HTTP 404").done(() -> null);

        assertThat(op.status()).isEqualTo(LongRunningOperation.Status.SUCCEEDED);
        assertThat(op.poll()).isEqualTo(LongRunningOperation.Status.SUCCEEDED);
        assertThat(op.waitForCompletion()).isNull();
        assertThat(op.operationId()).isEmpty();
        assertThat(op.toString()).contains("delete thing t", "SUCCEEDED", "gone, HTTP 404");
        assertThat(time.slept()).isZero();
    }
}
