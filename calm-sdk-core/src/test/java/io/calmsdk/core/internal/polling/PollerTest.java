package io.calmsdk.core.internal.polling;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.exception.PollingTimeoutException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The blocking {@link Poller#poll}: pacing, deadline, outcomes, progress reports and logging. */
class PollerTest {

    private final ManualClock clock = new ManualClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private Poller poller(PollingOptions options) {
        return Poller.builder().options(options).clock(clock).sleeper(sleeper).build();
    }

    private Poller poller() {
        return poller(PollingOptions.defaults());
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void poll_succeededOnFirstPoll_returnsAtOnceWithoutWaiting() {
        ScriptedOperation op = ScriptedOperation.succeedingAfter(clock, 0);

        PollResult<String> result = poller().poll("create binding calm-key", op);

        assertThat(result.value()).contains("done");
        assertThat(result.state()).isEqualTo("succeeded");
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.elapsed()).isZero();
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void poll_defaultOptions_waitsGrowByMultiplierUpToMaxInterval() {
        ScriptedOperation op = ScriptedOperation.succeedingAfter(clock, 10);

        PollResult<String> result = poller().poll("create service instance calm-api", op);

        assertThat(sleeper.waits).containsExactly(ofMillis(1000), ofMillis(1500), ofMillis(2250), ofMillis(3375),
                Duration.ofNanos(5_062_500_000L), Duration.ofNanos(7_593_750_000L), Duration.ofNanos(11_390_625_000L),
                ofSeconds(15), ofSeconds(15), ofSeconds(15));
        assertThat(result.attempts()).isEqualTo(11);
        assertThat(result.elapsed()).isEqualTo(sleeper.waits.stream().reduce(Duration.ZERO, Duration::plus));
        assertThat(op.polls.get()).isEqualTo(11);
    }

    @Test
    void poll_multiplierOne_pollsAtAFixedInterval() {
        ScriptedOperation op = ScriptedOperation.succeedingAfter(clock, 3);

        poller(PollingOptions.builder().initialDelay(ofSeconds(2)).multiplier(1.0).build()).poll("x", op);

        assertThat(sleeper.waits).containsExactly(ofSeconds(2), ofSeconds(2), ofSeconds(2));
    }

    @Test
    void poll_retryAfterGiven_winsOverComputedIntervalEvenAboveMaxInterval() {
        ScriptedOperation op = new ScriptedOperation(clock, List.of(
                PollResponse.inProgress("in progress"),
                PollResponse.<String>inProgress("in progress").withRetryAfter(ofSeconds(7)),
                PollResponse.<String>inProgress("in progress").withRetryAfter(ofSeconds(40)),
                PollResponse.inProgress("in progress"),
                PollResponse.succeeded("succeeded", "done")));

        PollResult<String> result = poller().poll("x", op);

        // The computed sequence goes on by attempt number: 1 s, (7 s), (40 s), 3.375 s.
        assertThat(sleeper.waits).containsExactly(ofSeconds(1), ofSeconds(7), ofSeconds(40), ofMillis(3375));
        assertThat(result.elapsed()).isEqualTo(ofMillis(51_375));
    }

    @Test
    void poll_retryAfterZero_usesTheComputedInterval() {
        ScriptedOperation op = new ScriptedOperation(clock, List.of(
                PollResponse.<String>inProgress("busy").withRetryAfter(Duration.ZERO),
                PollResponse.succeeded("ok", null)));

        poller().poll("x", op);

        assertThat(sleeper.waits).containsExactly(ofSeconds(1));
    }

    @Test
    void poll_stillRunningAtDeadline_lastWaitClippedAndFinalPollAtDeadlineThenTimeout() {
        PollingOptions options = PollingOptions.builder().initialDelay(ofSeconds(4)).multiplier(2)
                .maxInterval(ofSeconds(60)).timeout(ofSeconds(10)).build();
        ScriptedOperation op = ScriptedOperation.stuckIn(clock, "PROCESSING");

        assertThatThrownBy(() -> poller(options).poll("entitlement of SAPCloudALMAPIs/standard", op))
                .isInstanceOf(PollingTimeoutException.class)
                .hasMessage("entitlement of SAPCloudALMAPIs/standard did not finish within 10 s:"
                        + " still PROCESSING after 3 polls")
                .satisfies(e -> {
                    PollingTimeoutException t = (PollingTimeoutException) e;
                    assertThat(t.attempts()).isEqualTo(3);
                    assertThat(t.lastState()).isEqualTo("PROCESSING");
                    assertThat(t.timeout()).isEqualTo(ofSeconds(10));
                });
        assertThat(sleeper.waits).containsExactly(ofSeconds(4), ofSeconds(6));
        assertThat(clock.instant()).isEqualTo(new ManualClock().instant().plusSeconds(10));
    }

    @Test
    void poll_retryAfterBeyondDeadline_isCappedAtTheDeadline() {
        PollingOptions options = PollingOptions.builder().timeout(ofSeconds(30)).build();
        ScriptedOperation op = new ScriptedOperation(clock, List.of(
                PollResponse.<String>inProgress("in progress").withRetryAfter(Duration.ofMinutes(5))));

        assertThatThrownBy(() -> poller(options).poll("x", op)).isInstanceOf(PollingTimeoutException.class)
                .hasMessageContaining("after 2 polls");
        assertThat(sleeper.waits).containsExactly(ofSeconds(30));
    }

    @Test
    void poll_pollsTakeTime_deadlineCountsThemAndLastWaitIsClipped() {
        PollingOptions options = PollingOptions.builder().initialDelay(ofSeconds(2)).multiplier(1)
                .maxInterval(ofSeconds(2)).timeout(ofSeconds(9)).build();
        ScriptedOperation op = ScriptedOperation.stuckIn(clock, "in progress").takingPerPoll(ofSeconds(2));

        assertThatThrownBy(() -> poller(options).poll("x", op))
                .isInstanceOf(PollingTimeoutException.class)
                .hasMessageContaining("after 3 polls");
        // poll (0-2 s), wait 2, poll (4-6 s), wait 2 -> 8 s, poll ends at 10 s: past the deadline.
        // The second wait is not clipped: 3 s were left after the second poll.
        assertThat(sleeper.waits).containsExactly(ofSeconds(2), ofSeconds(2));
    }

    @Test
    void poll_firstPollEndsPastTheDeadline_timesOutAfterOnePoll() {
        ScriptedOperation op = ScriptedOperation.stuckIn(clock, "pending").takingPerPoll(ofSeconds(11));

        assertThatThrownBy(() -> poller(PollingOptions.builder().timeout(ofSeconds(10)).build()).poll("x", op))
                .isInstanceOf(PollingTimeoutException.class)
                .hasMessage("x did not finish within 10 s: still pending after 1 poll");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void poll_succeedsOnThePollAtTheDeadline_returnsTheResult() {
        PollingOptions options = PollingOptions.builder().initialDelay(ofSeconds(5)).maxInterval(ofSeconds(5))
                .timeout(ofSeconds(8)).build();
        ScriptedOperation op = ScriptedOperation.succeedingAfter(clock, 2);

        PollResult<String> result = poller(options).poll("x", op);

        assertThat(sleeper.waits).containsExactly(ofSeconds(5), ofSeconds(3));
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.elapsed()).isEqualTo(ofSeconds(8));
    }

    @Test
    void poll_failed_throwsOperationFailedWithStateResourceAndDescription() {
        ScriptedOperation op = new ScriptedOperation(clock, List.of(
                PollResponse.inProgress("in progress"),
                PollResponse.<String>builder(PollStatus.FAILED).state("failed").resourceId("4711-abcd")
                        .description("Service broker error: quota exceeded").build()));

        assertThatThrownBy(() -> poller().poll("create service instance calm-api", op))
                .isInstanceOf(OperationFailedException.class)
                .hasMessage("create service instance calm-api ended in state failed (resource 4711-abcd):"
                        + " Service broker error: quota exceeded")
                .satisfies(e -> {
                    OperationFailedException f = (OperationFailedException) e;
                    assertThat(f.operation()).isEqualTo("create service instance calm-api");
                    assertThat(f.state()).isEqualTo("failed");
                    assertThat(f.resourceId()).contains("4711-abcd");
                });
        assertThat(sleeper.waits).containsExactly(ofSeconds(1));
    }

    @Test
    void poll_failedWithoutDescription_messageNamesTheState() {
        ScriptedOperation op = new ScriptedOperation(clock, List.of(PollResponse.failed("PROCESSING_FAILED", null)));

        assertThatThrownBy(() -> poller().poll("entitlement of SAPCloudALMAPIs/standard", op))
                .isInstanceOf(OperationFailedException.class)
                .hasMessage("entitlement of SAPCloudALMAPIs/standard ended in state PROCESSING_FAILED");
    }

    @Test
    void poll_pollFunctionThrows_exceptionPropagatesUnchanged() {
        NotFoundException notFound = new NotFoundException(ServiceFailure.builder().status(404).method("GET")
                .url("https://sm.example/v1/service_instances/1/operations/2").build());

        assertThatThrownBy(() -> poller().poll("x", () -> {
            throw notFound;
        })).isSameAs(notFound);
    }

    @Test
    void poll_pollFunctionReturnsNull_throwsNamingThePoll() {
        assertThatThrownBy(() -> poller().poll("x", () -> null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("the poll function returned null on poll 1");
    }

    @Test
    void poll_interruptedWhileWaiting_restoresFlagAndThrowsClientException() {
        InterruptedException interrupt = new InterruptedException("sleep interrupted");
        Poller poller = Poller.builder().clock(clock).sleeper(d -> {
            throw interrupt;
        }).build();

        assertThatThrownBy(() -> poller.poll("create binding calm-key", ScriptedOperation.stuckIn(clock, "in progress")))
                .isExactlyInstanceOf(CalmClientException.class)
                .hasMessage("interrupted while waiting for create binding calm-key (last state in progress after 1 poll)")
                .hasCause(interrupt);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void poll_interruptedAfterSeveralPolls_messageCountsPolls() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        Poller poller = Poller.builder().clock(clock).sleeper(d -> {
            if (waits.size() == 2) {
                throw new InterruptedException();
            }
            waits.add(d);
        }).build();

        assertThatThrownBy(() -> poller.poll("x", ScriptedOperation.stuckIn(clock, "PROCESSING")))
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("last state PROCESSING after 3 polls");
    }

    @Test
    void poll_listener_receivesEveryPollWithAttemptStateElapsedAndNextWait() {
        List<PollProgress> seen = new CopyOnWriteArrayList<>();
        Poller poller = Poller.builder().clock(clock).sleeper(sleeper).listener(seen::add).build();
        ScriptedOperation op = new ScriptedOperation(clock, List.of(
                PollResponse.inProgress("STARTED"), PollResponse.inProgress("PROCESSING"),
                PollResponse.succeeded("OK", "assigned")));

        poller.poll("entitlement", op);

        assertThat(seen).extracting(PollProgress::attempt).containsExactly(1, 2, 3);
        assertThat(seen).extracting(PollProgress::state).containsExactly("STARTED", "PROCESSING", "OK");
        assertThat(seen).extracting(PollProgress::status)
                .containsExactly(PollStatus.IN_PROGRESS, PollStatus.IN_PROGRESS, PollStatus.SUCCEEDED);
        assertThat(seen).extracting(PollProgress::elapsed).containsExactly(Duration.ZERO, ofSeconds(1), ofMillis(2500));
        assertThat(seen).extracting(p -> p.nextWait().orElse(null)).containsExactly(ofSeconds(1), ofMillis(1500), null);
        assertThat(seen).extracting(PollProgress::awaited).containsOnly("entitlement");
        assertThat(seen.get(1).toString()).isEqualTo("entitlement: poll 2, PROCESSING after 1 s, next poll in 1.5 s");
        assertThat(seen.get(2).toString()).isEqualTo("entitlement: poll 3, OK after 2.5 s");
    }

    @Test
    void poll_listenerOnTimeoutAndFailure_getsTheLastPollWithoutNextWait() {
        List<PollProgress> seen = new CopyOnWriteArrayList<>();
        Poller poller = Poller.builder().clock(clock).sleeper(sleeper).listener(seen::add)
                .options(PollingOptions.builder().timeout(ofSeconds(1)).build()).build();

        assertThatThrownBy(() -> poller.poll("x", ScriptedOperation.stuckIn(clock, "busy")))
                .isInstanceOf(PollingTimeoutException.class);
        assertThatThrownBy(() -> poller.poll("y", () -> PollResponse.failed("failed", "boom")))
                .isInstanceOf(OperationFailedException.class);

        assertThat(seen).extracting(p -> p.awaited() + "/" + p.attempt() + "/" + p.nextWait().isPresent())
                .containsExactly("x/1/true", "x/2/false", "y/1/false");
    }

    @Test
    void poll_listenerThrows_isLoggedAtWarnAndPollingGoesOn() {
        Poller poller = Poller.builder().clock(clock).sleeper(sleeper).listener(p -> {
            throw new IllegalStateException("terminal closed");
        }).build();

        try (LogCapture logs = LogCapture.start()) {
            PollResult<String> result = poller.poll("x", ScriptedOperation.succeedingAfter(clock, 1));

            assertThat(result.value()).contains("done");
            List<ILoggingEvent> warnings = logs.events().stream().filter(e -> e.getLevel() == Level.WARN)
                    .collect(Collectors.toList());
            assertThat(warnings).hasSize(2);
            assertThat(logs.text()).contains("The poll listener failed on poll 1 of x; polling goes on")
                    .contains("terminal closed");
        }
    }

    @Test
    void poll_eachPoll_loggedAtDebugWithStateAndNextWait() {
        try (LogCapture logs = LogCapture.start()) {
            poller().poll("create binding calm-key", ScriptedOperation.succeedingAfter(clock, 1));

            assertThat(logs.events()).extracting(ILoggingEvent::getLevel).containsOnly(Level.DEBUG);
            assertThat(logs.text())
                    .contains("Waiting for create binding calm-key: poll 1 found in progress (IN_PROGRESS) after 0 ms;"
                            + " next poll in 1000 ms")
                    .contains("Waiting for create binding calm-key: poll 2 found succeeded (SUCCEEDED) after 1000 ms");
        }
    }

    @Test
    void poll_succeededWithoutValue_resultHasEmptyValue() {
        PollResult<Object> result = poller().poll("x", () -> PollResponse.succeeded(null, null));

        assertThat(result.value()).isEmpty();
        assertThat(result.state()).isEqualTo("succeeded");
        assertThat(result.toString()).isEqualTo("PollResult{state=succeeded, attempts=1, elapsed=PT0S}");
    }

    @Test
    void poll_clockGoesBackwards_elapsedNeverNegative() {
        PollResult<String> result = poller().poll("x", () -> {
            clock.advance(ofSeconds(-5));
            return PollResponse.succeeded("ok", "v");
        });

        assertThat(result.elapsed()).isZero();
    }

    @Test
    void poll_hugeTimeout_doesNotOverflowTheDeadline() {
        Poller poller = poller(PollingOptions.builder().timeout(ChronoUnitForever.DURATION).build());

        assertThat(poller.poll("x", ScriptedOperation.succeedingAfter(clock, 2)).attempts()).isEqualTo(3);
        // Without a deadline the waits are the intervals themselves, never cut.
        assertThat(sleeper.waits).containsExactly(ofMillis(1000), ofMillis(1500));
    }

    @Test
    void poll_badArguments_throwNamingThem() {
        Poller poller = poller();

        assertThatThrownBy(() -> poller.poll(null, () -> null)).isInstanceOf(NullPointerException.class)
                .hasMessage("awaited");
        assertThatThrownBy(() -> poller.poll(" ", () -> null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("awaited");
        assertThatThrownBy(() -> poller.poll("x", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("pollFunction");
    }

    @Test
    void builder_nullSettings_throwNamingThem() {
        Poller.Builder b = Poller.builder();

        assertThatThrownBy(() -> b.options(null)).hasMessage("options");
        assertThatThrownBy(() -> b.clock(null)).hasMessage("clock");
        assertThatThrownBy(() -> b.sleeper(null)).hasMessage("sleeper");
        assertThatThrownBy(() -> b.asyncSleeper(null)).hasMessage("asyncSleeper");
    }

    @Test
    void create_usesDefaultOptions() {
        Poller poller = Poller.create();

        assertThat(poller.options()).isEqualTo(PollingOptions.defaults());
        assertThat(poller.toString()).isEqualTo("Poller{" + PollingOptions.defaults() + "}");
    }

    @Test
    void toBuilder_keepsClockSleeperAndListener() {
        List<PollProgress> seen = new CopyOnWriteArrayList<>();
        Poller original = Poller.builder().clock(clock).sleeper(sleeper).listener(seen::add).build();
        PollingOptions longer = PollingOptions.builder().timeout(Duration.ofMinutes(30)).build();

        Poller derived = original.toBuilder().options(longer).build();
        derived.poll("x", ScriptedOperation.succeedingAfter(clock, 1));

        assertThat(derived.options()).isEqualTo(longer);
        assertThat(original.options()).isEqualTo(PollingOptions.defaults());
        assertThat(sleeper.waits).containsExactly(ofSeconds(1));
        assertThat(seen).hasSize(2);
    }

    /** A duration as long as {@code ChronoUnit.FOREVER}: far past {@link java.time.Instant#MAX}. */
    private static final class ChronoUnitForever {
        static final Duration DURATION = java.time.temporal.ChronoUnit.FOREVER.getDuration();
    }
}
