package io.calmsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BodyDeadlinesTest {

    private final BodyDeadlines deadlines = new BodyDeadlines();

    @Test
    void callsInARow_scheduleOneCheckForAll() {
        for (int i = 0; i < 1_000; i++) {
            Runnable expire = () -> { };
            deadlines.watch(expire, System.nanoTime() + Duration.ofHours(1).toNanos());
            deadlines.unwatch(expire);
        }
        assertThat(deadlines.scheduledChecks()).isEqualTo(1);
        assertThat(deadlines.watchedCount()).isZero();
    }

    @Test
    void anOverdueBody_isEndedOnceAndAnUnwatchedOneNever() throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        AtomicInteger endedCount = new AtomicInteger();
        AtomicInteger unwatchedRuns = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofMillis(20).toNanos();
        Runnable overdue = () -> {
            endedCount.incrementAndGet();
            ended.countDown();
        };
        Runnable completed = unwatchedRuns::incrementAndGet;
        deadlines.watch(completed, deadline);
        deadlines.watch(overdue, deadline);
        deadlines.unwatch(completed);

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        // Both had the same deadline, so the pass that ended one would have ended the other.
        assertThat(endedCount).hasValue(1);
        assertThat(unwatchedRuns).hasValue(0);
        assertThat(deadlines.watchedCount()).isZero();
    }

    @Test
    void anEarlierDeadlineAfterALaterOne_isStillKept() throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        deadlines.watch(() -> { }, System.nanoTime() + Duration.ofHours(1).toNanos());
        deadlines.watch(ended::countDown, System.nanoTime() + Duration.ofMillis(20).toNanos());

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(deadlines.watchedCount()).as("the later body is still watched").isEqualTo(1);
    }
}
