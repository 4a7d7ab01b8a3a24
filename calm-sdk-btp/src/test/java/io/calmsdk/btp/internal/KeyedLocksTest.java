package io.calmsdk.btp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One lock per key: the same key excludes, other keys never wait, released keys leave the map. */
class KeyedLocksTest {

    private final KeyedLocks<String> locks = new KeyedLocks<>();
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        other.shutdownNow();
    }

    @Test
    void tryLock_sameKeyHeldByAnotherThread_timesOut_andSucceedsOnceReleased() throws Exception {
        KeyedLocks<String>.Held held = locks.tryLock("sub/calm-api", Duration.ofSeconds(1)).orElseThrow();

        assertThat(lockInOtherThread(new String("sub/calm-api"), true)).isFalse();

        held.close();
        assertThat(lockInOtherThread("sub/calm-api", true)).isTrue();
    }

    @Test
    void tryLock_otherKeyWhileOneIsHeld_doesNotWait() throws Exception {
        KeyedLocks<String>.Held held = locks.tryLock("sub-1/calm-api", Duration.ZERO).orElseThrow();

        assertThat(lockInOtherThread("sub-2/calm-api", true)).isTrue();
        assertThat(lockInOtherThread("sub-1/calm-api", true)).isFalse();
        assertThat(locks.size()).isEqualTo(1);
        held.close();
    }

    @Test
    void waiter_getsTheLockWhenTheHolderReleasesIt() throws Exception {
        KeyedLocks<String>.Held held = locks.tryLock("k", Duration.ZERO).orElseThrow();
        CountDownLatch waiting = new CountDownLatch(1);
        Future<Boolean> waiter = other.submit(() -> {
            waiting.countDown();
            Optional<KeyedLocks<String>.Held> got = locks.tryLock("k", Duration.ofSeconds(30));
            got.ifPresent(h -> h.close());
            return got.isPresent();
        });
        assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();

        held.close();

        assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(locks.size()).isZero();
    }

    @Test
    void releasedAndTimedOutCallers_leaveNoEntryBehind() throws Exception {
        KeyedLocks<String>.Held held = locks.tryLock("k", Duration.ZERO).orElseThrow();
        assertThat(lockInOtherThread("k", false)).isFalse();
        assertThat(locks.size()).isEqualTo(1);

        held.close();
        held.close();

        assertThat(locks.size()).isZero();
    }

    private boolean lockInOtherThread(String key, boolean release) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Optional<KeyedLocks<String>.Held> got = locks.tryLock(key, Duration.ZERO);
                if (release) {
                    got.ifPresent(h -> h.close());
                }
                return got.isPresent();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, other).get(30, TimeUnit.SECONDS);
    }
}
