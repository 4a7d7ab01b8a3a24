package io.calmsdk.benchmarks.scenario;

import io.calmsdk.benchmarks.jmh.TaskListBenchmark;
import io.calmsdk.benchmarks.support.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B3 measured a second way: the three clients called in strict alternation (raw, pager, generic request; the
 * order rotating every call) in one JVM, so a change in the machine's load hits all three alike. JMH measures
 * each client in its own fork, seconds apart, which is cleaner for the JIT but exposed to load drift on a shared
 * machine; the two methods together show whether a difference is the client's or the machine's.
 */
final class PairedListLatency {

    /** Client name to p50 latency in microseconds, one entry per round. */
    private final Map<String, List<Double>> p50 = new LinkedHashMap<>();

    /**
     * Runs rounds of alternating calls.
     *
     * @param rounds rounds
     * @param warmupCalls calls per client before measuring (JIT)
     * @param calls measured calls per client per round
     * @return this
     * @throws Exception if a call fails
     */
    PairedListLatency run(int rounds, int warmupCalls, int calls) throws Exception {
        TaskListBenchmark clients = new TaskListBenchmark();
        clients.setUp();
        try {
            for (int i = 0; i < warmupCalls; i++) {
                call(clients, i % 3);
            }
            for (int round = 0; round < rounds; round++) {
                List<List<Long>> samples = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                for (int i = 0; i < calls; i++) {
                    for (int k = 0; k < 3; k++) {
                        int which = (i + k) % 3;
                        long start = System.nanoTime();
                        call(clients, which);
                        samples.get(which).add(System.nanoTime() - start);
                    }
                }
                for (int which = 0; which < 3; which++) {
                    p50.computeIfAbsent(name(which), n -> new ArrayList<>())
                            .add(Stats.median(samples.get(which)) / 1000.0);
                }
            }
        } finally {
            clients.tearDown();
        }
        return this;
    }

    private static void call(TaskListBenchmark clients, int which) throws Exception {
        switch (which) {
            case 0:
                clients.rawJavaNetHttp();
                break;
            case 1:
                clients.calmTypedList();
                break;
            default:
                clients.calmRequest();
                break;
        }
    }

    static String name(int which) {
        return which == 0 ? "rawJavaNetHttp" : which == 1 ? "calmTypedList" : "calmRequest";
    }

    /**
     * @param client a client name
     * @return its p50 per round, in microseconds
     */
    List<Double> p50(String client) {
        return p50.get(client);
    }

    /**
     * @param client a client name
     * @return per round, its p50 divided by the raw client's
     */
    List<Double> ratios(String client) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < p50.get(client).size(); i++) {
            out.add(p50.get(client).get(i) / p50.get("rawJavaNetHttp").get(i));
        }
        return out;
    }
}
