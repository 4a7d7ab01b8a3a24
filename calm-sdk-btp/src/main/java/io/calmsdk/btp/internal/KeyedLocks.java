package io.calmsdk.btp.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One fair lock per key: calls for the same key (a subaccount and instance name) run one after the
 * other, calls for different keys never wait for each other. A provisioning call holds its lock for
 * minutes, so sharing a lock between unrelated keys (striping) would make a fleet run wait for
 * strangers. A key's lock stays in the map only while someone holds it or waits for it, so the map
 * does not grow with every key ever seen. Thread-safe.
 *
 * @param <K> the key
 */
public final class KeyedLocks<K> {

    private final ConcurrentHashMap<K, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Takes the lock of a key, waiting at most {@code timeout}.
     *
     * @param key the key
     * @param timeout the longest wait
     * @return the held lock, to {@linkplain Held#close() release}; empty if the wait timed out
     * @throws InterruptedException if interrupted while waiting
     */
    public Optional<Held> tryLock(K key, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(timeout, "timeout");
        // The count changes only inside compute, which the map runs atomically per key.
        Entry entry = entries.compute(key, (k, e) -> {
            Entry taken = e == null ? new Entry() : e;
            taken.users++;
            return taken;
        });
        boolean locked = false;
        try {
            locked = entry.lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            if (!locked) {
                release(key);
            }
        }
        return locked ? Optional.of(new Held(key, entry)) : Optional.empty();
    }

    /** How many keys have a lock right now (held or waited for). */
    int size() {
        return entries.size();
    }

    private void release(K key) {
        entries.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }

    /** A lock taken with {@link #tryLock}; closing it releases it. Used by the thread that took it. */
    public final class Held implements AutoCloseable {
        private final K key;
        private final Entry entry;
        private boolean released;

        private Held(K key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }

        /**
         * Releases the lock; a second call does nothing.
         */
        @Override
        public void close() {
            if (!released) {
                released = true;
                entry.lock.unlock();
                release(key);
            }
        }
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        /** Holders and waiters; read and written only inside the map's compute for this key. */
        int users;
    }
}
