package io.calmsdk.btp.internal;

import io.calmsdk.core.exception.CalmClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clients by key, each created once and kept until it is evicted or the cache is closed.
 *
 * <p>Creating a client may take network calls (in one-key mode the subaccount's Service Manager
 * binding is read or created first), so a creation holds only the lock of its own key: callers of that
 * key wait for the one client, callers of any other key do not wait at all, and no map is locked while
 * the network is called.
 *
 * <p>Every client the cache created is closed exactly once: when it is {@linkplain #evict evicted},
 * when the cache is {@linkplain #close closed}, or, if its creation finished while or after the cache
 * closed, at once by the thread that created it, which then fails as any call after {@code close()}
 * does. Thread-safe.
 *
 * @param <K> the key, e.g. a subaccount id
 * @param <C> the client
 */
public final class ClientCache<K, C extends AutoCloseable> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCache.class);

    private final String owner;
    private final ConcurrentHashMap<K, Slot<C>> slots = new ConcurrentHashMap<>();
    /** Guards every write of a slot's client and of {@link #closed}; never held during a creation. */
    private final Object registry = new Object();
    private volatile boolean closed;

    /**
     * Creates an empty cache.
     *
     * @param owner who owns the clients, named in the failure of a call after {@code close()}, e.g.
     *     {@code "the provisioner"}
     */
    public ClientCache(String owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /**
     * The client of a key, created by {@code create} if there is none.
     *
     * @param key the key
     * @param create makes the client; called at most once at a time per key, and not at all when a
     *     client exists
     * @return the client
     * @throws CalmClientException if the cache is closed, or closed while the client was being created
     */
    public C get(K key, Supplier<? extends C> create) {
        Objects.requireNonNull(create, "create");
        return find(key, () -> Optional.of(create.get())).orElseThrow();
    }

    /**
     * The client of a key, created by {@code create} if there is none and it finds what it needs: an
     * empty answer caches nothing, and the next call asks again.
     *
     * @param key the key
     * @param create makes the client, or finds that it cannot yet
     * @return the client, or empty when {@code create} gave none
     * @throws CalmClientException if the cache is closed, or closed while the client was being created
     */
    public Optional<C> find(K key, Supplier<? extends Optional<? extends C>> create) {
        Objects.requireNonNull(create, "create");
        requireOpen();
        Slot<C> slot = slots.computeIfAbsent(Objects.requireNonNull(key, "key"), k -> new Slot<>());
        C current = slot.client;
        if (current != null) {
            return Optional.of(current);
        }
        lock(slot, key);
        try {
            current = slot.client;
            if (current != null) {
                return Optional.of(current);
            }
            requireOpen();
            Optional<? extends C> created = create.get();
            if (created.isEmpty()) {
                return Optional.empty();
            }
            C client = Objects.requireNonNull(created.get(), "created client");
            synchronized (registry) {
                if (!closed) {
                    slot.client = client;
                    return Optional.of(client);
                }
            }
            // close() ran during the creation and could not see this client: it is ours to close.
            CalmClientException failure = closedFailure();
            closeQuietly(client, failure);
            throw failure;
        } finally {
            slot.lock.unlock();
        }
    }

    /**
     * The client of a key, if one exists; creates nothing.
     *
     * @param key the key
     * @return the client, or empty
     */
    public Optional<C> peek(K key) {
        Slot<C> slot = slots.get(Objects.requireNonNull(key, "key"));
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.client);
    }

    /**
     * Removes and closes a key's client, if it is still {@code client}: a caller that saw it fail
     * evicts only the client it used, never a fresh one that another caller built meanwhile.
     *
     * @param key the key
     * @param client the client that failed
     * @return whether it was evicted (and closed) by this call
     */
    public boolean evict(K key, C client) {
        Slot<C> slot = slots.get(Objects.requireNonNull(key, "key"));
        if (slot == null || client == null) {
            return false;
        }
        synchronized (registry) {
            if (slot.client != client) {
                return false;
            }
            slot.client = null;
        }
        closeQuietly(client, null);
        return true;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes every client the cache holds; a client whose creation is still running is closed by its
     * creator when it finishes. Later calls fail. Idempotent.
     *
     * @throws CalmClientException if a client failed to close; every client was still closed
     */
    @Override
    public void close() {
        List<C> toClose = new ArrayList<>();
        synchronized (registry) {
            closed = true;
            for (Slot<C> slot : slots.values()) {
                if (slot.client != null) {
                    toClose.add(slot.client);
                    slot.client = null;
                }
            }
        }
        CalmClientException failure = null;
        for (C client : toClose) {
            try {
                client.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new CalmClientException("closing the clients of " + owner + " failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void lock(Slot<C> slot, K key) {
        try {
            slot.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalmClientException("interrupted while another thread created the client for " + key, e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw closedFailure();
        }
    }

    private CalmClientException closedFailure() {
        return new CalmClientException(owner + " is closed");
    }

    private static void closeQuietly(AutoCloseable client, Exception into) {
        try {
            client.close();
        } catch (Exception e) {
            if (into != null) {
                into.addSuppressed(e);
            } else {
                LOG.debug("Closing an evicted client failed; ignored: {}", e.toString());
            }
        }
    }

    /** One key's client and the lock its creation holds. */
    private static final class Slot<C> {
        final ReentrantLock lock = new ReentrantLock();
        /** Written only under the cache's registry lock; read without it. */
        volatile C client;
    }
}
