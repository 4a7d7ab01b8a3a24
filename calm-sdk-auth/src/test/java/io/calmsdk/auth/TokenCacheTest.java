package io.calmsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final Function<AccessToken, Instant> refreshAt = t -> t.expiresAt().minusSeconds(60);
    private final List<Throwable> backgroundFailures = new ArrayList<>();
    private final List<CompletableFuture<AccessToken>> fetches = new ArrayList<>();
    private final Supplier<CompletableFuture<AccessToken>> fetch = () -> {
        CompletableFuture<AccessToken> f = new CompletableFuture<>();
        fetches.add(f);
        return f;
    };

    private AccessToken token(String value, long validSeconds) {
        return AccessToken.builder().value(Secret.of(value)).obtainedAt(clock.instant())
                .expiresAt(clock.instant().plusSeconds(validSeconds)).build();
    }

    private CompletableFuture<AccessToken> get(TokenCache.Entry entry) {
        return entry.get(clock, refreshAt, fetch, backgroundFailures::add);
    }

    @Test
    void get_coldEntry_startsOneFetchSharedByAllCallers() {
        TokenCache.Entry entry = new TokenCache.Entry();

        CompletableFuture<AccessToken> first = get(entry);
        CompletableFuture<AccessToken> second = get(entry);
        fetches.get(0).complete(token("t1", 3600));

        assertThat(fetches).hasSize(1);
        assertThat(first).isSameAs(second);
        assertThat(first.join().value().reveal()).isEqualTo("t1");
        assertThat(get(entry).join().value().reveal()).isEqualTo("t1");
        assertThat(fetches).hasSize(1);
    }

    @Test
    void get_failedFetch_isNotCachedAndTheNextCallFetchesAgain() {
        TokenCache.Entry entry = new TokenCache.Entry();

        CompletableFuture<AccessToken> failed = get(entry);
        fetches.get(0).completeExceptionally(new IllegalStateException("down"));
        CompletableFuture<AccessToken> retried = get(entry);
        fetches.get(1).complete(token("t2", 3600));

        assertThat(failed).isCompletedExceptionally();
        assertThat(retried.join().value().reveal()).isEqualTo("t2");
        assertThat(backgroundFailures).isEmpty();
    }

    @Test
    void get_fetchThatThrowsWhileStarting_failsTheCallersAndIsNotCached() {
        TokenCache.Entry entry = new TokenCache.Entry();
        AtomicInteger calls = new AtomicInteger();

        CompletableFuture<AccessToken> failed = entry.get(clock, refreshAt, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("closed");
        }, backgroundFailures::add);

        assertThat(failed).isCompletedExceptionally();
        assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("closed");
        get(entry);
        assertThat(fetches).hasSize(1);
    }

    @Test
    void get_insideSkewWindow_servesTheValidTokenAndRefreshesOnceInBackground() {
        TokenCache.Entry entry = new TokenCache.Entry();
        get(entry);
        fetches.get(0).complete(token("t1", 3600));
        clock.advance(Duration.ofSeconds(3550));

        AccessToken a = get(entry).join();
        AccessToken b = get(entry).join();

        assertThat(a.value().reveal()).isEqualTo("t1");
        assertThat(b.value().reveal()).isEqualTo("t1");
        assertThat(fetches).hasSize(2);
        fetches.get(1).complete(token("t2", 3600));
        assertThat(get(entry).join().value().reveal()).isEqualTo("t2");
    }

    @Test
    void get_failedBackgroundRefresh_keepsServingUntilExpiryAndPausesBeforeTheNextAttempt() {
        TokenCache.Entry entry = new TokenCache.Entry();
        get(entry);
        fetches.get(0).complete(token("t1", 3600));
        clock.advance(Duration.ofSeconds(3550));

        assertThat(get(entry).join().value().reveal()).isEqualTo("t1");
        fetches.get(1).completeExceptionally(new IllegalStateException("503"));
        assertThat(backgroundFailures).hasSize(1);

        assertThat(get(entry).join().value().reveal()).isEqualTo("t1");
        assertThat(fetches).as("no new attempt inside the pause").hasSize(2);

        clock.advance(TokenCache.Entry.BACKGROUND_RETRY_INTERVAL);
        assertThat(get(entry).join().value().reveal()).isEqualTo("t1");
        assertThat(fetches).as("one new attempt after the pause").hasSize(3);
        fetches.get(2).completeExceptionally(new IllegalStateException("503 again"));

        clock.advance(Duration.ofSeconds(60));
        CompletableFuture<AccessToken> afterExpiry = get(entry);
        assertThat(afterExpiry).as("an expired token is never served").isNotDone();
        fetches.get(3).completeExceptionally(new IllegalStateException("still down"));
        assertThat(afterExpiry).isCompletedExceptionally();
        assertThat(backgroundFailures).as("foreground failures go to the callers").hasSize(2);
    }

    @Test
    void get_tokenExpiresWhileBackgroundRefreshRuns_callersWaitForThatRefresh() {
        TokenCache.Entry entry = new TokenCache.Entry();
        get(entry);
        fetches.get(0).complete(token("t1", 3600));
        clock.advance(Duration.ofSeconds(3550));
        get(entry);
        clock.advance(Duration.ofSeconds(100));

        CompletableFuture<AccessToken> waiting = get(entry);

        assertThat(fetches).hasSize(2);
        assertThat(waiting).isNotDone();
        fetches.get(1).complete(token("t2", 3600));
        assertThat(waiting.join().value().reveal()).isEqualTo("t2");
    }

    @Test
    void invalidate_dropsOnlyTheCachedToken() {
        TokenCache.Entry entry = new TokenCache.Entry();
        get(entry);
        AccessToken t1 = token("t1", 3600);
        fetches.get(0).complete(t1);

        assertThat(entry.invalidate(AccessToken.of(Secret.of("other"), clock.instant()))).isFalse();
        assertThat(entry.current()).isEqualTo(t1);
        assertThat(entry.invalidate(t1)).isTrue();
        assertThat(entry.current()).isNull();
        assertThat(entry.invalidate(t1)).isFalse();
    }

    @Test
    void entry_beyondMaxEntries_evictsTheLeastRecentlyUsed() {
        TokenCache cache = TokenCache.create(2);
        TokenCache.Key a = cache.key("https://a/oauth/token", "c", Set.of(), "s");
        TokenCache.Key b = cache.key("https://b/oauth/token", "c", Set.of(), "s");
        TokenCache.Key c = cache.key("https://c/oauth/token", "c", Set.of(), "s");
        TokenCache.Entry entryA = cache.entry(a);
        cache.entry(b);
        assertThat(cache.entry(a)).isSameAs(entryA);

        cache.entry(c);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.peek(a)).isSameAs(entryA);
        assertThat(cache.peek(b)).isNull();
        assertThat(cache.maxEntries()).isEqualTo(2);
        assertThat(cache.toString()).isEqualTo("TokenCache{size=2, maxEntries=2}");
        cache.clear();
        assertThat(cache.size()).isZero();
    }

    @Test
    void key_differsByUrlClientScopesAndCredential_andIgnoresScopeOrder() {
        TokenCache cache = TokenCache.create();
        TokenCache.Key base = cache.key("https://a/oauth/token", "c", Set.of("x", "y"), "secret");

        assertThat(cache.key("https://a/oauth/token", "c", Set.of("y", "x"), "secret")).isEqualTo(base)
                .hasSameHashCodeAs(base);
        assertThat(cache.key("https://b/oauth/token", "c", Set.of("x", "y"), "secret")).isNotEqualTo(base);
        assertThat(cache.key("https://a/oauth/token", "d", Set.of("x", "y"), "secret")).isNotEqualTo(base);
        assertThat(cache.key("https://a/oauth/token", "c", Set.of("x"), "secret")).isNotEqualTo(base);
        assertThat(cache.key("https://a/oauth/token", "c", Set.of("x", "y"), "other")).isNotEqualTo(base);
        assertThat(base).isNotEqualTo("https://a/oauth/token");
        assertThat(base.toString()).isEqualTo("https://a/oauth/token c [x, y]");
        assertThat(TokenCache.create().key("https://a/oauth/token", "c", Set.of("x", "y"), "secret"))
                .as("the fingerprint is salted per cache").isNotEqualTo(base);
    }

    @Test
    void create_nonPositiveBound_isRefused() {
        assertThatThrownBy(() -> TokenCache.create(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEntries must be at least 1");
        assertThat(TokenCache.create().maxEntries()).isEqualTo(TokenCache.DEFAULT_MAX_ENTRIES);
    }
}
