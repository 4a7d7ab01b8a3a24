package io.calmsdk.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where {@link ClientCredentialsTokenProvider}s keep their tokens: one entry per token URL, client id,
 * requested scopes and credential, bounded in size (least recently used entries are evicted).
 *
 * <p>Each provider has a cache of its own unless one is {@linkplain
 * ClientCredentialsTokenProvider.Builder#cache(TokenCache) given}; give the same cache to many providers
 * (for example one per subaccount, all built from the same key store) so that providers built for the
 * same client share its tokens and its single in-flight refresh, and the total number of cached tokens
 * stays bounded. Providers of different credentials never share a token: besides the client id, the
 * entry is keyed by a salted hash of the client secret or certificate, so a provider holding a wrong or
 * revoked secret cannot be handed a token another provider obtained.
 *
 * <p>Thread-safe. Holds no secret other than the tokens themselves; {@link #toString()} shows none.
 */
final class TokenCache {

    /** Default bound on the number of cached tokens. */
    public static final int DEFAULT_MAX_ENTRIES = 1000;

    private final int maxEntries;
    private final byte[] salt = new byte[32];
    private final Map<Key, Entry> entries;

    private TokenCache(int maxEntries) {
        this.maxEntries = maxEntries;
        new SecureRandom().nextBytes(salt);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                if (size() > TokenCache.this.maxEntries) {
                    eldest.getValue().drop();
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * Creates a cache for at most {@value #DEFAULT_MAX_ENTRIES} tokens.
     *
     * @return a new, empty cache
     */
    public static TokenCache create() {
        return new TokenCache(DEFAULT_MAX_ENTRIES);
    }

    /**
     * Creates a cache for at most the given number of tokens; the least recently used entry is evicted
     * beyond that.
     *
     * @param maxEntries at least 1
     * @return a new, empty cache
     * @throws IllegalArgumentException if {@code maxEntries} is less than 1
     */
    public static TokenCache create(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        return new TokenCache(maxEntries);
    }

    /**
     * The bound on the number of cached tokens.
     *
     * @return the bound
     */
    public int maxEntries() {
        return maxEntries;
    }

    /**
     * How many entries the cache holds now.
     *
     * @return the number of entries
     */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * Drops every cached token, e.g. after credentials were rotated. Fetches under way still complete
     * for the callers waiting on them.
     */
    public void clear() {
        synchronized (entries) {
            entries.values().forEach(Entry::drop);
            entries.clear();
        }
    }

    /**
     * The size and bound; never a token.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "TokenCache{size=" + size() + ", maxEntries=" + maxEntries + "}";
    }

    Key key(String tokenUrl, String clientId, Set<String> scopes, String credentialMaterial) {
        return new Key(tokenUrl, clientId, scopes, fingerprint(credentialMaterial));
    }

    Entry entry(Key key) {
        synchronized (entries) {
            return entries.computeIfAbsent(key, k -> new Entry());
        }
    }

    /** Looks an entry up without creating it. */
    Entry peek(Key key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    private byte[] fingerprint(String credentialMaterial) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(credentialMaterial.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** What a cached token belongs to. */
    static final class Key {
        private final String tokenUrl;
        private final String clientId;
        private final SortedSet<String> scopes;
        private final byte[] credentialFingerprint;

        Key(String tokenUrl, String clientId, Set<String> scopes, byte[] credentialFingerprint) {
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.scopes = new TreeSet<>(scopes);
            this.credentialFingerprint = credentialFingerprint.clone();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return tokenUrl.equals(k.tokenUrl) && clientId.equals(k.clientId) && scopes.equals(k.scopes)
                    && MessageDigest.isEqual(credentialFingerprint, k.credentialFingerprint);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tokenUrl, clientId, scopes) * 31 + Arrays.hashCode(credentialFingerprint);
        }

        @Override
        public String toString() {
            return tokenUrl + " " + clientId + (scopes.isEmpty() ? "" : " " + scopes);
        }
    }

    /**
     * One cached token and the single fetch that may be under way for it.
     *
     * <p>Rules: a token before its refresh time is served as is. Inside the skew window (after the
     * refresh time, before expiry) the still-valid token is served while one background fetch replaces
     * it; if that fetch fails, the token keeps being served until it really expires and the next
     * background attempt waits {@link #BACKGROUND_RETRY_INTERVAL}. Without a valid token, callers wait
     * for the one shared fetch. A failed fetch is never cached: the next caller starts a new one.
     */
    static final class Entry {

        /** Pause between background refresh attempts after one failed, so a down endpoint is not hammered. */
        static final Duration BACKGROUND_RETRY_INTERVAL = Duration.ofSeconds(5);

        private volatile AccessToken token;
        /** The cached token with its refresh time and a completed future, so that a hit allocates nothing. */
        private volatile Hit hit;
        /** Set once the cache has let go of this entry (evicted or cleared): its holders look it up again. */
        private volatile boolean dropped;
        private CompletableFuture<AccessToken> inFlight;       // guarded by this
        private Instant backgroundRetryNotBefore = Instant.MIN; // guarded by this

        void drop() {
            dropped = true;
        }

        /**
         * Whether the cache let go of this entry; a provider holding it looks it up again.
         *
         * @return {@code true} after an eviction or {@link TokenCache#clear()}
         */
        boolean dropped() {
            return dropped;
        }

        /**
         * Returns a future completed with a token to use now, starting at most one fetch.
         *
         * @param clock the time source
         * @param refreshAt when a token should be replaced (its expiry minus the skew)
         * @param fetch starts a fetch; called at most once per call, under this entry's lock, so it must
         *     only start the fetch, not wait for it
         * @param backgroundFailure told about failures of background refreshes (nobody else sees them)
         */
        CompletableFuture<AccessToken> get(Clock clock, Function<AccessToken, Instant> refreshAt,
                Supplier<CompletableFuture<AccessToken>> fetch, Consumer<Throwable> backgroundFailure) {
            Hit cached = hit;
            if (cached != null && clock.instant().isBefore(cached.refreshAt)) {
                return cached.future;
            }
            AccessToken current;
            synchronized (this) {
                current = token;
                Instant now = clock.instant();
                if (current != null && !current.isExpiredAt(now)) {
                    if (!now.isBefore(refreshAt.apply(current)) && inFlight == null
                            && !now.isBefore(backgroundRetryNotBefore)) {
                        start(fetch, clock, refreshAt, backgroundFailure);
                    }
                    return CompletableFuture.completedFuture(current);
                }
                // start() returns the future itself: one that completed at once has already left inFlight.
                return inFlight != null ? inFlight : start(fetch, clock, refreshAt, null);
            }
        }

        private CompletableFuture<AccessToken> start(Supplier<CompletableFuture<AccessToken>> fetch, Clock clock,
                Function<AccessToken, Instant> refreshAt, Consumer<Throwable> backgroundFailure) {
            CompletableFuture<AccessToken> f;
            try {
                f = Objects.requireNonNull(fetch.get(), "fetch returned null");
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<AccessToken> started = f;
            inFlight = started;
            // If the fetch is already complete, this runs now, on this thread, which holds the lock already.
            started.whenComplete((fetched, failure) -> {
                synchronized (this) {
                    if (inFlight == started) {
                        inFlight = null;
                    }
                    if (fetched != null) {
                        token = fetched;
                        hit = new Hit(fetched, refreshAt.apply(fetched));
                        backgroundRetryNotBefore = Instant.MIN;
                    } else if (backgroundFailure != null) {
                        backgroundRetryNotBefore = clock.instant().plus(BACKGROUND_RETRY_INTERVAL);
                    }
                }
                if (failure != null && backgroundFailure != null) {
                    backgroundFailure.accept(failure);
                }
            });
            return started;
        }

        /**
         * Drops the token if it is the cached one.
         *
         * @return whether it was dropped
         */
        synchronized boolean invalidate(AccessToken refused) {
            if (token != null && token.equals(refused)) {
                token = null;
                hit = null;
                return true;
            }
            return false;
        }

        /** The fetch under way, if any; for tests that must wait for a background refresh. */
        synchronized CompletableFuture<AccessToken> pending() {
            return inFlight;
        }

        /** The cached token, valid or not; for tests and diagnostics. */
        AccessToken current() {
            return token;
        }

        /** A token, when it is to be replaced, and the completed future every cache hit returns. */
        private static final class Hit {
            final Instant refreshAt;
            final CompletableFuture<AccessToken> future;

            Hit(AccessToken token, Instant refreshAt) {
                this.refreshAt = refreshAt;
                this.future = CompletableFuture.completedFuture(token);
            }
        }
    }
}
