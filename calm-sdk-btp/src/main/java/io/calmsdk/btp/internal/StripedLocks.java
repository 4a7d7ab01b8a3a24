package io.calmsdk.btp.internal;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks chosen by key hash, so that calls for the same (subaccount, instance name)
 * run one after the other in this JVM while unrelated keys rarely contend, without a map that grows
 * with every key ever seen. Thread-safe.
 */
public final class StripedLocks {

    private final ReentrantLock[] locks;

    /**
     * Creates the locks.
     *
     * @param stripes how many locks, at least 1
     */
    public StripedLocks(int stripes) {
        if (stripes < 1) {
            throw new IllegalArgumentException("stripes must be at least 1, was " + stripes);
        }
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    /**
     * The lock for a key; the same key always gets the same lock.
     *
     * @param key the key
     * @return the lock
     */
    public ReentrantLock lockFor(Object key) {
        int h = Objects.requireNonNull(key, "key").hashCode();
        h ^= h >>> 16;
        return locks[Math.floorMod(h, locks.length)];
    }
}
