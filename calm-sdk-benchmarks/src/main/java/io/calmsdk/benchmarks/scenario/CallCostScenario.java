package io.calmsdk.benchmarks.scenario;

import io.calmsdk.benchmarks.jmh.TaskListBenchmark;
import io.calmsdk.benchmarks.support.ChildJvm;
import io.calmsdk.benchmarks.support.Result;
import io.calmsdk.benchmarks.support.Stats;
import io.calmsdk.benchmarks.support.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * B8: what one API call costs the machine, calm-sdk against raw {@code java.net.http} + Jackson: CPU time and
 * bytes allocated per call, summed over every client-side thread (the caller, the HTTP client's selector and
 * executor threads; the loopback server's threads are left out, they do the same work for both), plus the
 * threads started per call. Blocks of calls alternate between the clients (raw, calm-sdk, calm-sdk, raw, ...)
 * after a warm-up, so load changes on a shared machine hit both alike; each round gives one ratio per figure,
 * and the verdict is on the median of the rounds. Then, as information, the cold first call in a new JVM
 * ({@link ColdFirstCallMain}): building the client and the first request, token included.
 */
public final class CallCostScenario {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final double TARGET = 1.5;

    private final int rounds;
    private final int callsPerBlock;
    private final int coldTrials;

    /**
     * @param rounds rounds of alternating blocks
     * @param callsPerBlock calls per client and block
     * @param coldTrials new JVMs per client for the cold first call
     */
    public CallCostScenario(int rounds, int callsPerBlock, int coldTrials) {
        this.rounds = rounds;
        this.callsPerBlock = callsPerBlock;
        this.coldTrials = coldTrials;
    }

    /** CPU nanoseconds and allocated bytes of the client-side threads, and threads started. */
    private record Sample(long cpuNanos, long bytes, long started, long callerCpuNanos) {
    }

    /**
     * Runs the warm rounds and the cold trials.
     *
     * @return the B8 section
     * @throws Exception if a call fails or a child JVM cannot be run
     */
    public Result run() throws Exception {
        if (!THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
        List<Double> rawCpu = new ArrayList<>();
        List<Double> calmCpu = new ArrayList<>();
        List<Double> rawBytes = new ArrayList<>();
        List<Double> calmBytes = new ArrayList<>();
        List<Double> rawThreads = new ArrayList<>();
        List<Double> calmThreads = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> rawCaller = new ArrayList<>();
        List<Double> calmCaller = new ArrayList<>();
        List<Double> byteRatios = new ArrayList<>();
        TaskListBenchmark clients = new TaskListBenchmark();
        clients.setUp();
        try {
            for (int i = 0; i < 3000; i++) {
                call(clients, i % 2 == 0);
            }
            for (int round = 0; round < rounds; round++) {
                Sample raw1 = block(clients, true);
                Sample calm1 = block(clients, false);
                Sample calm2 = block(clients, false);
                Sample raw2 = block(clients, true);
                double n = 2.0 * callsPerBlock;
                double rc = (raw1.cpuNanos + raw2.cpuNanos) / n / 1000;
                double cc = (calm1.cpuNanos + calm2.cpuNanos) / n / 1000;
                double rb = (raw1.bytes + raw2.bytes) / n / 1024;
                double cb = (calm1.bytes + calm2.bytes) / n / 1024;
                rawCpu.add(rc);
                calmCpu.add(cc);
                rawBytes.add(rb);
                calmBytes.add(cb);
                rawThreads.add((raw1.started + raw2.started) / n);
                calmThreads.add((calm1.started + calm2.started) / n);
                cpuRatios.add(cc / rc);
                rawCaller.add((raw1.callerCpuNanos + raw2.callerCpuNanos) / n / 1000);
                calmCaller.add((calm1.callerCpuNanos + calm2.callerCpuNanos) / n / 1000);
                byteRatios.add(cb / rb);
            }
        } finally {
            clients.tearDown();
        }
        List<Double> coldRaw = new ArrayList<>();
        List<Double> coldCalm = new ArrayList<>();
        for (int i = 0; i < coldTrials; i++) {
            coldRaw.add(cold("raw"));
            coldCalm.add(cold("calm"));
        }
        double cpuRatio = Stats.median(cpuRatios);
        double byteRatio = Stats.median(byteRatios);
        Result r = new Result("B8", "CPU time and allocated bytes per API call (50-item list, decoded)",
                "calm-sdk <= 1.5x raw java.net.http + Jackson on both; cold first call reported");
        r.columns("Client", "CPU us per call", "vs raw", "KB allocated per call", "vs raw", "Threads started per call",
                "Cold first call ms (new JVM, median)");
        r.row("raw java.net.http + Jackson", f1(Stats.median(rawCpu)), "1.00x", f1(Stats.median(rawBytes)), "1.00x",
                f2(Stats.median(rawThreads)), f1(Stats.median(coldRaw)));
        r.row("calm-sdk `tasks().list(projectId)` (pager)", f1(Stats.median(calmCpu)), "**" + f2(cpuRatio) + "x**",
                f1(Stats.median(calmBytes)), "**" + f2(byteRatio) + "x**", f2(Stats.median(calmThreads)),
                f1(Stats.median(coldCalm)) + " (" + f2(Stats.median(coldCalm) / Stats.median(coldRaw)) + "x)");
        r.note("Per-round ratios, calm-sdk / raw: CPU " + join(cpuRatios) + "; bytes " + join(byteRatios) + ". "
                + "Of the CPU per call, the calling thread's: raw " + f1(Stats.median(rawCaller)) + " us, calm-sdk "
                + f1(Stats.median(calmCaller)) + " us; the rest is the HTTP clients' selector and executor threads.");
        r.note(rounds + " rounds after 3,000 warm-up calls; each round runs blocks of " + callsPerBlock
                + " calls in the order raw, calm-sdk, calm-sdk, raw. CPU and allocation: the per-thread counters of "
                + "`com.sun.management.ThreadMXBean`, summed over every live thread except the loopback server's "
                + "(the caller, the HTTP clients' selector and executor threads). A thread that ends inside a "
                + "block takes its figures with it, which is why threads started per call are reported too. "
                + "JIT and GC threads are not Java threads and are not counted.");
        r.note("Cold first call: a new JVM per trial (" + coldTrials + " per client, alternating), the loopback server "
                + "started first in that JVM; timed from before building the client (`CloudAlmClient.create(key)`, "
                + "or `HttpClient` + `ObjectMapper` for raw) to the decoded list, token request included. "
                + "Information only, no target.");
        boolean met = cpuRatio <= TARGET && byteRatio <= TARGET;
        return r.measured("CPU " + f2(cpuRatio) + "x raw, allocated bytes " + f2(byteRatio) + "x raw; cold first call "
                + f1(Stats.median(coldCalm)) + " ms vs raw " + f1(Stats.median(coldRaw)) + " ms")
                .verdict(Verdict.of(met));
    }

    private Sample block(TaskListBenchmark clients, boolean raw) throws Exception {
        Map<Long, long[]> before = clientThreads();
        long startedBefore = THREADS.getTotalStartedThreadCount();
        for (int i = 0; i < callsPerBlock; i++) {
            call(clients, raw);
        }
        long started = THREADS.getTotalStartedThreadCount() - startedBefore;
        Map<Long, long[]> after = clientThreads();
        long cpu = 0;
        long bytes = 0;
        long caller = 0;
        long me = Thread.currentThread().getId();
        for (Map.Entry<Long, long[]> e : after.entrySet()) {
            long[] was = before.getOrDefault(e.getKey(), new long[] {0, 0});
            cpu += e.getValue()[0] - was[0];
            bytes += e.getValue()[1] - was[1];
            if (e.getKey() == me) {
                caller += e.getValue()[0] - was[0];
            }
        }
        return new Sample(cpu, bytes, started, caller);
    }

    /** Thread id to {cpu nanos, allocated bytes} of every live thread that is not the loopback server's. */
    private static Map<Long, long[]> clientThreads() {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, long[]> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null || cpu[i] < 0 || bytes[i] < 0 || serverThread(infos[i].getThreadName())) {
                continue;
            }
            out.put(ids[i], new long[] {cpu[i], bytes[i]});
        }
        return out;
    }

    private static boolean serverThread(String name) {
        return name.startsWith("loopback-server") || name.startsWith("HTTP-Dispatcher");
    }

    private static void call(TaskListBenchmark clients, boolean raw) throws Exception {
        if (raw) {
            clients.rawJavaNetHttp();
        } else {
            clients.calmTypedList();
        }
    }

    private static double cold(String client) throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.run(ColdFirstCallMain.class, List.of("-Xshare:auto"), List.of(client),
                Duration.ofMinutes(2));
        String millis = outcome.result("firstCallMillis").orElseThrow(() -> new IllegalStateException(
                "cold first call (" + client + ") reported nothing:\n" + outcome.tail()));
        return Double.parseDouble(millis);
    }

    private static String join(List<Double> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(f2(v)));
        return String.join(", ", out);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
