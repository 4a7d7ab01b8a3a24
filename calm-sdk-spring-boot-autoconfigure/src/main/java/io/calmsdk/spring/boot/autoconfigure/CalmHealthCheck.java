package io.calmsdk.spring.boot.autoconfigure;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.CloudAlmResponse;
import io.calmsdk.auth.TokenProvider;
import io.calmsdk.core.exception.CalmServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The check behind the {@code calm} health indicator, independent of the Spring Boot line: a token can be
 * obtained (from the provider's cache when it holds a valid one) and Cloud ALM answers a read of
 * {@code calm.health.path}. Any answer but 401 and 5xx means the API is reachable and accepts the token:
 * a 403 (the key lacks the path's scope) is still UP, with the status in the details.
 *
 * <p>The result is reused for {@code calm.health.cache-ttl} (30 s by default), so that liveness and
 * readiness probes never hammer XSUAA or Cloud ALM; concurrent probes wait for one check. Details hold the
 * endpoint, the path, the status, when it was checked and, when down, the error's type and message (calm-sdk
 * messages never hold a secret) — never a token or a key.
 */
final class CalmHealthCheck {

    /** Every 4xx but 401: answers that prove the API is reachable and accepted the token. */
    private static final int[] ANSWERED = IntStream.rangeClosed(400, 499).filter(s -> s != 401).toArray();

    /** One outcome of the check. */
    record Result(boolean up, Map<String, Object> details) {
    }

    private final CloudAlmClient client;
    private final TokenProvider tokens;
    private final String path;
    private final Duration ttl;
    private final Clock clock;
    private Result cached;
    private Instant cachedAt;

    CalmHealthCheck(CloudAlmClient client, TokenProvider tokens, String path, Duration ttl, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.path = Objects.requireNonNull(path, "path");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cached result while it is fresh, else a new check. */
    synchronized Result result() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cachedAt.plus(ttl))) {
            return cached;
        }
        cached = check(now);
        cachedAt = now;
        return cached;
    }

    private Result check(Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endpoint", client.endpoint().toString());
        details.put("path", path);
        details.put("checkedAt", now.toString());
        try {
            tokens.token();
        } catch (RuntimeException e) {
            details.put("token", "not obtained");
            details.put("error", describe(e));
            return new Result(false, details);
        }
        details.put("token", "obtained");
        try {
            CloudAlmResponse response = client.request("GET", path).accept(ANSWERED).send();
            details.put("status", response.status());
            return new Result(response.status() != 401, details);
        } catch (CalmServiceException e) {
            details.put("status", e.status());
            details.put("error", describe(e));
            return new Result(false, details);
        } catch (RuntimeException e) {
            details.put("error", describe(e));
            return new Result(false, details);
        }
    }

    /** The type and message of a failure: calm-sdk messages mask URLs and never hold a secret. */
    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public String toString() {
        return "CalmHealthCheck{endpoint=" + client.endpoint() + ", path=" + path + ", ttl=" + ttl + "}";
    }
}
