package io.calmsdk.core.internal.polling;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.exception.PollingTimeoutException;
import io.calmsdk.core.exception.RateLimitedException;
import io.calmsdk.core.exception.ServiceFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The non-blocking {@link Poller#pollAsync}. */
class PollerAsyncTest {

    private final ManualClock clock = new ManualClock();

    private Poller poller(AsyncSleeper sleeper, PollingOptions options) {
        return Poller.builder().options(options).clock(clock).asyncSleeper(sleeper)
                .sleeper(d -> {
                    throw new AssertionError("the blocking sleeper must not be used");
                }).build();
    }

    private static Supplier<CompletionStage<PollResponse<String>>> async(ScriptedOperation op) {
        return () -> CompletableFuture.completedFuture(op.get());
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> future.get(1, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void pollAsync_returnsBeforeTheFirstWaitEnds_andCompletesStepByStep() {
        RecordingAsyncSleeper sleeper = RecordingAsyncSleeper.manual(clock);
        ScriptedOperation op = ScriptedOperation.succeedingAfter(clock, 2);

        CompletableFuture<PollResult<String>> future = poller(sleeper, PollingOptions.defaults())
                .pollAsync("create binding calm-key", async(op));

        assertThat(future).isNotDone();
        assertThat(op.polls.get()).isEqualTo(1);
        assertThat(sleeper.waits).containsExactly(ofSeconds(1));

        sleeper.wakeUp();
        assertThat(future).isNotDone();
        assertThat(op.polls.get()).isEqualTo(2);

        sleeper.wakeUp();
        assertThat(future).isCompleted();
        PollResult<String> result = future.join();
        assertThat(result.value()).contains("done");
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.elapsed()).isEqualTo(ofMillis(2500));
        assertThat(sleeper.waits).containsExactly(ofSeconds(1), ofMillis(1500));
    }

    @Test
    void pollAsync_sameWaitSequenceAsBlocking_includingRetryAfterAndDeadlineClip() {
        RecordingAsyncSleeper sleeper = RecordingAsyncSleeper.immediate(clock);
        PollingOptions options = PollingOptions.builder().initialDelay(ofSeconds(2)).multiplier(2)
                .maxInterval(ofSeconds(8)).timeout(ofSeconds(30)).build();
        ScriptedOperation op = new ScriptedOperation(clock, List.of(
                PollResponse.inProgress("a"), PollResponse.inProgress("b"),
                PollResponse.<String>inProgress("c").withRetryAfter(ofSeconds(9)),
                PollResponse.inProgress("d"), PollResponse.inProgress("e")));

        CompletableFuture<PollResult<String>> future = poller(sleeper, options).pollAsync("x", async(op));

        assertThat(failureOf(future)).isInstanceOf(PollingTimeoutException.class)
                .hasMessage("x did not finish within 30 s: still e after 6 polls");
        // 2, 4, Retry-After 9, 8 (capped), 8 -> 31 s would pass the deadline: clipped to 7.
        assertThat(sleeper.waits).containsExactly(ofSeconds(2), ofSeconds(4), ofSeconds(9), ofSeconds(8), ofSeconds(7));
    }

    @Test
    void pollAsync_failed_completesWithOperationFailedUnwrapped() {
        RecordingAsyncSleeper sleeper = RecordingAsyncSleeper.immediate(clock);
        ScriptedOperation op = new ScriptedOperation(clock, List.of(
                PollResponse.inProgress("in progress"), PollResponse.failed("failed", "broker said no")));

        CompletableFuture<PollResult<String>> future = poller(sleeper, PollingOptions.defaults())
                .pollAsync("delete service instance calm-api", async(op));

        assertThat(failureOf(future)).isInstanceOf(OperationFailedException.class)
                .hasMessage("delete service instance calm-api ended in state failed: broker said no");
    }

    @Test
    void pollAsync_pollStageFails_completesWithTheOriginalException() {
        RateLimitedException limited = new RateLimitedException(ServiceFailure.builder().status(429).method("GET")
                .url("https://sm.example/v1/service_instances/1/operations/2").build());
        AtomicInteger polls = new AtomicInteger();

        CompletableFuture<PollResult<String>> future = poller(RecordingAsyncSleeper.immediate(clock),
                PollingOptions.defaults()).pollAsync("x", () -> polls.incrementAndGet() == 1
                        ? CompletableFuture.completedFuture(PollResponse.inProgress("busy"))
                        : CompletableFuture.supplyAsync(() -> {
                            throw limited;
                        }));

        assertThat(future).failsWithin(Duration.ofSeconds(5));
        assertThat(failureOf(future)).isSameAs(limited);
    }

    @Test
    void pollAsync_pollFunctionThrows_completesExceptionallyInsteadOfThrowing() {
        IllegalStateException boom = new IllegalStateException("no transport");

        CompletableFuture<PollResult<String>> future = poller(RecordingAsyncSleeper.immediate(clock),
                PollingOptions.defaults()).pollAsync("x", () -> {
                    throw boom;
                });

        assertThat(failureOf(future)).isSameAs(boom);
    }

    @Test
    void pollAsync_pollFunctionReturnsNullStage_completesWithNullPointer() {
        CompletableFuture<PollResult<String>> future = poller(RecordingAsyncSleeper.immediate(clock),
                PollingOptions.defaults()).pollAsync("x", () -> null);

        assertThat(failureOf(future)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("returned null instead of a stage");
    }

    @Test
    void pollAsync_pollStageCompletesWithNull_completesWithNullPointer() {
        CompletableFuture<PollResult<String>> future = poller(RecordingAsyncSleeper.immediate(clock),
                PollingOptions.defaults()).pollAsync("x", () -> CompletableFuture.completedFuture(null));

        assertThat(failureOf(future)).isInstanceOf(NullPointerException.class)
                .hasMessage("the poll function returned null on poll 1");
    }

    @Test
    void pollAsync_sleepFails_completesWithTheSleepFailure() {
        IllegalStateException rejected = new IllegalStateException("scheduler shut down");
        AsyncSleeper failing = d -> CompletableFuture.failedFuture(new CompletionException(rejected));

        CompletableFuture<PollResult<String>> future = poller(failing, PollingOptions.defaults())
                .pollAsync("x", async(ScriptedOperation.stuckIn(clock, "busy")));

        assertThat(failureOf(future)).isSameAs(rejected);
    }

    @Test
    void pollAsync_cancelledWhileWaiting_pollsNoMoreAndCancelsTheWait() {
        RecordingAsyncSleeper sleeper = RecordingAsyncSleeper.manual(clock);
        ScriptedOperation op = ScriptedOperation.stuckIn(clock, "in progress");
        CompletableFuture<PollResult<String>> future = poller(sleeper, PollingOptions.defaults())
                .pollAsync("x", async(op));
        CompletableFuture<Void> pendingWait = sleeper.pending.get(0);

        future.cancel(false);

        assertThat(pendingWait).isCancelled();
        assertThat(op.polls.get()).isEqualTo(1);
    }

    @Test
    void pollAsync_cancelledWhilePolling_ignoresTheLateResponse() {
        CompletableFuture<PollResponse<String>> inFlight = new CompletableFuture<>();
        RecordingAsyncSleeper sleeper = RecordingAsyncSleeper.immediate(clock);
        CompletableFuture<PollResult<String>> future = poller(sleeper, PollingOptions.defaults())
                .pollAsync("x", () -> inFlight);

        future.cancel(false);
        inFlight.complete(PollResponse.inProgress("late"));

        assertThat(future).isCancelled();
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void pollAsync_manyPollsCompletingAtOnce_doesNotGrowTheStack() {
        // 20,000 polls with a 1 ms Retry-After, every stage already complete: recursion would overflow.
        AtomicInteger polls = new AtomicInteger();
        PollingOptions options = PollingOptions.builder().timeout(Duration.ofHours(1)).build();

        CompletableFuture<PollResult<String>> future = poller(RecordingAsyncSleeper.immediate(clock), options)
                .pollAsync("x", () -> CompletableFuture.completedFuture(polls.incrementAndGet() < 20_000
                        ? PollResponse.<String>inProgress("busy").withRetryAfter(ofMillis(1))
                        : PollResponse.succeeded("ok", "v")));

        assertThat(future.join().attempts()).isEqualTo(20_000);
    }

    @Test
    void pollAsync_listenerSeesEveryPoll() {
        List<PollProgress> seen = new CopyOnWriteArrayList<>();
        Poller poller = Poller.builder().clock(clock).asyncSleeper(RecordingAsyncSleeper.immediate(clock))
                .listener(seen::add).build();

        poller.pollAsync("x", async(ScriptedOperation.succeedingAfter(clock, 2))).join();

        assertThat(seen).extracting(PollProgress::attempt).containsExactly(1, 2, 3);
        assertThat(seen).extracting(PollProgress::state).containsExactly("in progress", "in progress", "succeeded");
    }

    @Test
    void pollAsync_withRealSleeperOnAnExecutor_completesOnThatExecutor() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "calm-poll-test"));
        try {
            List<String> threads = new CopyOnWriteArrayList<>();
            AtomicInteger polls = new AtomicInteger();
            Poller poller = Poller.builder()
                    .options(PollingOptions.builder().initialDelay(Duration.ofNanos(1)).maxInterval(Duration.ofNanos(1))
                            .build())
                    .asyncSleeper(AsyncSleeper.onExecutor(executor)).build();

            PollResult<String> result = poller.pollAsync("x", () -> {
                threads.add(Thread.currentThread().getName());
                return CompletableFuture.completedFuture(polls.incrementAndGet() < 3
                        ? PollResponse.<String>inProgress("busy") : PollResponse.succeeded("ok", "v"));
            }).get(10, TimeUnit.SECONDS);

            assertThat(result.attempts()).isEqualTo(3);
            // The first poll runs on the caller; later ones run where the sleeper completed, which is the
            // executor unless the wait finished before the continuation was attached (then the caller).
            assertThat(threads).hasSize(3).first().isEqualTo(Thread.currentThread().getName());
            assertThat(threads).allMatch(t -> t.equals(Thread.currentThread().getName()) || t.equals("calm-poll-test"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void asyncSleeperSystem_zeroOrNegativeDuration_completes() throws Exception {
        assertThat(AsyncSleeper.system().sleep(Duration.ZERO).toCompletableFuture().get(10, TimeUnit.SECONDS)).isNull();
        assertThat(AsyncSleeper.system().sleep(ofSeconds(-1)).toCompletableFuture().get(10, TimeUnit.SECONDS)).isNull();
        assertThatThrownBy(() -> AsyncSleeper.onExecutor(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("executor");
    }

    @Test
    void pollAsync_badArguments_throwAtOnce() {
        Poller poller = poller(RecordingAsyncSleeper.immediate(clock), PollingOptions.defaults());

        assertThatThrownBy(() -> poller.pollAsync(null, () -> null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> poller.pollAsync("", () -> null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> poller.pollAsync("x", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("pollFunction");
    }
}
