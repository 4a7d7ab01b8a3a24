package io.calmsdk.btp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.calmsdk.core.exception.CalmClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cache of clients by key: creation per key, closing, eviction. Concurrency with latches, never sleeps. */
class ClientCacheTest {

    /** Long enough for a slow machine; a correct cache never comes near it. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ClientCache<String, FakeClient> cache = new ClientCache<>("the test's provisioner");
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void get_sameKeyTwice_createsOnceAndReturnsTheSameClient() {
        AtomicInteger creations = new AtomicInteger();

        FakeClient first = cache.get("sub-a", counting(creations));
        FakeClient second = cache.get("sub-a", counting(creations));

        assertThat(second).isSameAs(first);
        assertThat(creations).hasValue(1);
        assertThat(cache.peek("sub-a")).containsSame(first);
        assertThat(cache.peek("sub-b")).isEmpty();
    }

    @Test
    void get_manyCallersOfOneKeyAtOnce_shareOneCreation() throws Exception {
        int callers = 8;
        AtomicInteger creations = new AtomicInteger();
        Gate gate = new Gate();
        CyclicBarrier together = new CyclicBarrier(callers);
        List<Future<FakeClient>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                together.await();
                return cache.get("sub-a", () -> {
                    creations.incrementAndGet();
                    return gate.pass(new FakeClient("a"));
                });
            }));
        }
        gate.awaitEntered();
        gate.open();

        FakeClient shared = results.get(0).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        for (Future<FakeClient> r : results) {
            assertThat(r.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isSameAs(shared);
        }
        assertThat(creations).hasValue(1);
    }

    @Test
    void get_whileAnotherKeysCreationIsBlocked_doesNotWait() throws Exception {
        Gate gate = new Gate();
        Future<FakeClient> blocked = pool.submit(() -> cache.get("slow-subaccount", () -> gate.pass(new FakeClient("slow"))));
        gate.awaitEntered();

        FakeClient other = assertTimeoutPreemptively(PATIENCE, () -> cache.get("other-subaccount", () -> new FakeClient("other")));

        assertThat(other.name).isEqualTo("other");
        assertThat(blocked).isNotDone();
        assertThat(cache.peek("slow-subaccount")).isEmpty();
        gate.open();
        assertThat(blocked.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).name).isEqualTo("slow");
    }

    @Test
    void close_closesEveryClientExactlyOnce_andLaterCallsCreateNothing() {
        FakeClient a = cache.get("sub-a", () -> new FakeClient("a"));
        FakeClient b = cache.get("sub-b", () -> new FakeClient("b"));

        cache.close();
        cache.close();

        assertThat(a.closes).hasValue(1);
        assertThat(b.closes).hasValue(1);
        assertThat(cache.isClosed()).isTrue();
        AtomicInteger creations = new AtomicInteger();
        assertThatThrownBy(() -> cache.get("sub-c", counting(creations)))
                .isInstanceOf(CalmClientException.class).hasMessage("the test's provisioner is closed");
        assertThatThrownBy(() -> cache.get("sub-a", counting(creations))).isInstanceOf(CalmClientException.class);
        assertThat(creations).hasValue(0);
        assertThat(cache.peek("sub-a")).isEmpty();
    }

    @Test
    void close_whileACreationRuns_returnsAtOnce_andTheLateClientIsClosedNotLeaked() throws Exception {
        Gate gate = new Gate();
        FakeClient late = new FakeClient("late");
        Future<FakeClient> creating = pool.submit(() -> cache.get("sub-a", () -> gate.pass(late)));
        gate.awaitEntered();

        assertTimeoutPreemptively(PATIENCE, cache::close);
        gate.open();

        assertThatThrownBy(() -> creating.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(CalmClientException.class).hasMessageContaining("is closed");
        assertThat(late.closes).hasValue(1);
        assertThat(cache.peek("sub-a")).isEmpty();
    }

    @Test
    void close_whileACallerWaitsForAnotherCreationOfItsKey_theWaiterCreatesNothing() throws Exception {
        Gate gate = new Gate();
        AtomicInteger creations = new AtomicInteger();
        Future<FakeClient> first = pool.submit(() -> cache.get("sub-a", () -> {
            creations.incrementAndGet();
            return gate.pass(new FakeClient("first"));
        }));
        gate.awaitEntered();
        CountDownLatch secondStarted = new CountDownLatch(1);
        Future<FakeClient> second = pool.submit(() -> {
            secondStarted.countDown();
            return cache.get("sub-a", () -> {
                creations.incrementAndGet();
                return new FakeClient("second");
            });
        });
        assertThat(secondStarted.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        cache.close();
        gate.open();

        assertThatThrownBy(() -> first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).hasCauseInstanceOf(CalmClientException.class);
        assertThatThrownBy(() -> second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).hasCauseInstanceOf(CalmClientException.class);
        assertThat(creations).hasValue(1);
    }

    @Test
    void evict_closesTheClient_andTheNextGetBuildsAFreshOne() {
        FakeClient refused = cache.get("sub-a", () -> new FakeClient("refused"));

        assertThat(cache.evict("sub-a", refused)).isTrue();

        assertThat(refused.closes).hasValue(1);
        assertThat(cache.peek("sub-a")).isEmpty();
        FakeClient fresh = cache.get("sub-a", () -> new FakeClient("fresh"));
        assertThat(fresh).isNotSameAs(refused);
        cache.close();
        assertThat(refused.closes).as("closed once, not again by close()").hasValue(1);
        assertThat(fresh.closes).hasValue(1);
    }

    @Test
    void evict_ofAClientAlreadyReplaced_leavesTheFreshOne() {
        FakeClient refused = cache.get("sub-a", () -> new FakeClient("refused"));
        cache.evict("sub-a", refused);
        FakeClient fresh = cache.get("sub-a", () -> new FakeClient("fresh"));

        assertThat(cache.evict("sub-a", refused)).isFalse();
        assertThat(cache.evict("sub-unknown", refused)).isFalse();

        assertThat(cache.peek("sub-a")).containsSame(fresh);
        assertThat(fresh.closes).hasValue(0);
        assertThat(refused.closes).hasValue(1);
    }

    @Test
    void find_whenCreationFindsNothing_cachesNothing_andAsksAgainNextTime() {
        assertThat(cache.find("sub-a", Optional::empty)).isEmpty();
        assertThat(cache.peek("sub-a")).isEmpty();

        FakeClient found = cache.find("sub-a", () -> Optional.of(new FakeClient("found"))).orElseThrow();

        assertThat(cache.find("sub-a", () -> Optional.of(new FakeClient("unused")))).containsSame(found);
    }

    @Test
    void get_whenCreationFails_cachesNothing_andTheNextCallTriesAgain() {
        assertThatThrownBy(() -> cache.get("sub-a", () -> {
            throw new CalmClientException("accounts API unreachable");
        })).hasMessage("accounts API unreachable");

        FakeClient next = cache.get("sub-a", () -> new FakeClient("next"));

        assertThat(cache.peek("sub-a")).containsSame(next);
    }

    @Test
    void close_whenAClientFailsToClose_closesTheOthersAndReports() {
        FakeClient failing = cache.get("sub-a", () -> new FakeClient("failing", true));
        FakeClient fine = cache.get("sub-b", () -> new FakeClient("fine"));

        assertThatThrownBy(cache::close).isInstanceOf(CalmClientException.class)
                .hasMessageContaining("closing the clients of the test's provisioner failed");

        assertThat(failing.closes).hasValue(1);
        assertThat(fine.closes).hasValue(1);
    }

    private static Supplier<FakeClient> counting(AtomicInteger creations) {
        return () -> new FakeClient("client-" + creations.incrementAndGet());
    }

    /** Holds a creation until the test opens it, and tells the test that it has begun. */
    private static final class Gate {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);

        FakeClient pass(FakeClient client) {
            entered.countDown();
            try {
                if (!open.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return client;
        }

        void awaitEntered() throws InterruptedException {
            assertThat(entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("creation started").isTrue();
        }

        void open() {
            open.countDown();
        }
    }

    private static final class FakeClient implements AutoCloseable {
        final String name;
        final boolean failOnClose;
        final AtomicInteger closes = new AtomicInteger();

        FakeClient(String name) {
            this(name, false);
        }

        FakeClient(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            if (failOnClose) {
                throw new IllegalStateException("cannot close " + name);
            }
        }
    }
}
