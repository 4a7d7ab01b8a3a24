package io.calmsdk.benchmarks.scenario;

import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.benchmarks.support.LoopbackServer;
import io.calmsdk.benchmarks.support.Result;
import io.calmsdk.benchmarks.support.SapTokenClient;
import io.calmsdk.benchmarks.support.Stats;
import io.calmsdk.benchmarks.support.Verdict;
import io.calmsdk.core.keys.ServiceKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * B1: 64 threads ask one token client for a token at the same moment, with nothing cached. The token server
 * answers after {@link #TOKEN_LATENCY} (a realistic XSUAA answer time), which is the window in which the other
 * 63 callers arrive. Counted at the server: how many token requests each client sent.
 */
public final class ColdTokenScenario {

    /** Callers racing for the first token. */
    public static final int THREADS = 64;
    /** How long the token endpoint takes to answer. */
    public static final Duration TOKEN_LATENCY = Duration.ofMillis(50);

    private final int trials;

    /**
     * @param trials how many cold starts per client
     */
    public ColdTokenScenario(int trials) {
        this.trials = trials;
    }

    /**
     * Runs the trials, alternating which client goes first.
     *
     * @return the B1 section
     * @throws Exception if a trial cannot run
     */
    public Result run() throws Exception {
        Result result = new Result("B1", "64 threads ask for a token on a cold cache",
                "calm-sdk: exactly 1 token request (SAP token-client 3.6.6 count reported)");
        List<Long> calmCounts = new ArrayList<>();
        List<Long> sapCounts = new ArrayList<>();
        List<Double> calmMillis = new ArrayList<>();
        List<Double> sapMillis = new ArrayList<>();
        int distinctTokensSeenByCalmCallers = 0;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (LoopbackServer server = LoopbackServer.start(TOKEN_LATENCY, 1)) {
            String keyJson = server.cloudAlmKeyJson();
            for (int trial = 0; trial < trials; trial++) {
                boolean calmFirst = trial % 2 == 0;
                for (int leg = 0; leg < 2; leg++) {
                    if ((leg == 0) == calmFirst) {
                        server.resetCounts();
                        try (ClientCredentialsTokenProvider provider =
                                     ClientCredentialsTokenProvider.create(ServiceKeys.calm().fromJson(keyJson))) {
                            long start = System.nanoTime();
                            List<AccessToken> tokens = race(pool, provider::token);
                            calmMillis.add((System.nanoTime() - start) / 1e6);
                            Set<String> distinct = new HashSet<>();
                            tokens.forEach(t -> distinct.add(t.value().reveal()));
                            distinctTokensSeenByCalmCallers = Math.max(distinctTokensSeenByCalmCallers,
                                    distinct.size());
                        }
                        calmCounts.add(server.tokenRequests());
                    } else {
                        server.resetCounts();
                        try (SapTokenClient sap = new SapTokenClient(server)) {
                            long start = System.nanoTime();
                            race(pool, sap::tokenFlow);
                            sapMillis.add((System.nanoTime() - start) / 1e6);
                        }
                        sapCounts.add(server.tokenRequests());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        boolean met = calmCounts.stream().allMatch(c -> c == 1);
        result.columns("Client", "Token requests per cold start (median)", "min-max over " + trials + " trials",
                        "All 64 callers served (median ms)")
                .row("calm-sdk ClientCredentialsTokenProvider", fmt(Stats.median(calmCounts)),
                        fmt(Stats.min(calmCounts)) + "-" + fmt(Stats.max(calmCounts)), fmt(Stats.median(calmMillis)))
                .row("SAP token-client 3.6.6 (XsuaaTokenFlows, default cache)", fmt(Stats.median(sapCounts)),
                        fmt(Stats.min(sapCounts)) + "-" + fmt(Stats.max(sapCounts)), fmt(Stats.median(sapMillis)))
                .note("Token endpoint answers after " + TOKEN_LATENCY.toMillis() + " ms; the " + THREADS
                        + " callers are released together by a latch; a new client (empty cache) per trial; the "
                        + "order of the two clients alternates between trials.")
                .note("All " + THREADS + " calm-sdk callers of a trial received the same token (" 
                        + distinctTokensSeenByCalmCallers + " distinct token value(s) at most per trial).")
                .note("SAP token-client keeps tokens in a Caffeine cache but looks them up and stores them in two "
                        + "steps, so every caller that finds the cache empty sends its own request; its default "
                        + "Apache HttpClient allows 2 connections per route, so those requests also queue, which is "
                        + "why its callers wait longer.")
                .measured("calm-sdk " + fmt(Stats.median(calmCounts)) + " request(s) (every trial: "
                        + calmCounts + "); SAP token-client " + fmt(Stats.median(sapCounts)) + " (trials: "
                        + sapCounts + ")")
                .verdict(Verdict.of(met));
        return result;
    }

    private static <T> List<T> race(ExecutorService pool, Callable<T> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the " + THREADS + " callers did not start within 30 s");
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
