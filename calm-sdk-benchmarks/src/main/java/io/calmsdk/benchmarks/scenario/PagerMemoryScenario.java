package io.calmsdk.benchmarks.scenario;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskListRequest;
import io.calmsdk.benchmarks.support.ChildJvm;
import io.calmsdk.benchmarks.support.Result;
import io.calmsdk.benchmarks.support.Stats;
import io.calmsdk.benchmarks.support.Verdict;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.testkit.BtpSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * B6: 100,000 tasks streamed through {@code tasks().list(...)} in a JVM limited to 64 MB of heap. The simulator
 * runs in this (parent) JVM, so the child's heap holds only the client; the child reports its heap peak.
 */
public final class PagerMemoryScenario {

    /** Tasks streamed. */
    public static final int TASKS = 100_000;
    /** The child's heap limit. */
    public static final String HEAP = "-Xmx64m";

    private final int runs;

    /**
     * @param runs how many child JVMs stream the tasks
     */
    public PagerMemoryScenario(int runs) {
        this.runs = runs;
    }

    /**
     * Runs it.
     *
     * @return the B6 section
     * @throws Exception if the simulator or the child cannot run
     */
    public Result run() throws Exception {
        Result result = new Result("B6", "stream 100,000 tasks through the pager with -Xmx64m",
                "completes, no OutOfMemoryError, heap peak reported");
        List<Double> peaks = new ArrayList<>();
        List<Double> sampled = new ArrayList<>();
        List<Double> afterGc = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        String pageSize = "";
        Path dir = ChildJvm.privateTempDir("calm-b6-");
        boolean allOk = true;
        try (BtpSimulator sim = BtpSimulator.start()) {
            String projectId = sim.cloudAlm().createProject("B6 memory");
            sim.cloudAlm().seedTasks(projectId, TASKS);
            Path key = ChildJvm.writeKey(dir, "calm.json", sim.seed().cloudAlmKey("calm-api.tasks.read").json());
            for (int i = 0; i < runs; i++) {
                ChildJvm.Outcome child = ChildJvm.run(Probe.class, List.of(HEAP, "-XX:+UseSerialGC"),
                        List.of(key.toString(), projectId), Duration.ofMinutes(5));
                boolean oom = child.output().stream().anyMatch(l -> l.contains("OutOfMemoryError"));
                long count = child.result("tasks").map(Long::parseLong).orElse(-1L);
                if (child.exitCode() != 0 || oom || count != TASKS) {
                    allOk = false;
                    result.note("Run " + (i + 1) + " failed (exit " + child.exitCode() + "):\n\n```\n" + child.tail()
                            + "\n```");
                    continue;
                }
                counts.add(count);
                peaks.add(Double.parseDouble(child.result("heapPeakMiB").orElseThrow()));
                sampled.add(Double.parseDouble(child.result("sampledPeakMiB").orElseThrow()));
                afterGc.add(Double.parseDouble(child.result("afterLastGcMiB").orElseThrow()));
                seconds.add(Double.parseDouble(child.result("seconds").orElseThrow()));
                pageSize = child.result("pageSize").orElse("?");
            }
        } finally {
            ChildJvm.deleteQuietly(dir);
        }
        if (peaks.isEmpty()) {
            return result.measured("no run completed").verdict(Verdict.MISSED);
        }
        result.columns("Runs", "Tasks streamed", "Heap peak MiB, sum of pool peaks (median / max)",
                        "Largest sampled used heap MiB (median)", "Heap after last GC MiB (median)", "Seconds (median)",
                        "Tasks/s (median)")
                .row(peaks.size() + "/" + runs, counts.get(0), f1(Stats.median(peaks)) + " / " + f1(Stats.max(peaks)),
                        f1(Stats.median(sampled)), f1(Stats.median(afterGc)),
                        f1(Stats.median(seconds)), String.format(Locale.ROOT, "%,.0f", TASKS / Stats.median(seconds)))
                .note("Child JVM: `" + HEAP + " -XX:+UseSerialGC`; `calm.tasks().list(TaskListRequest.builder()"
                        + ".projectId(p).build())` (page size " + pageSize + ") iterated with a for-each loop, "
                        + "against the simulator in the parent JVM. \"Sum of pool peaks\" adds the "
                        + "peak of each heap pool (eden, survivor, old), an upper bound since the peaks need not "
                        + "coincide; the sampler reads used heap every 10 ms; \"after last GC\" is what survived the "
                        + "last collection, i.e. what the client really retains. JVM start-up included.")
                .measured("completed " + peaks.size() + "/" + runs + " runs, heap peak " + f1(Stats.median(peaks))
                        + " MiB (median), no OutOfMemoryError")
                .verdict(Verdict.of(allOk));
        return result;
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The child: streams the tasks and reports count, time and heap peak. */
    public static final class Probe {

        private Probe() {
        }

        /**
         * @param args the Cloud ALM key file and the project id
         * @throws InterruptedException if interrupted
         */
        public static void main(String[] args) throws InterruptedException {
            AtomicLong sampledPeak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                Runtime rt = Runtime.getRuntime();
                while (!Thread.currentThread().isInterrupted()) {
                    sampledPeak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            long count = 0;
            TaskListRequest request = TaskListRequest.builder().projectId(args[1]).build();
            try (CloudAlmClient calm = CloudAlmClient.create(ServiceKeys.calm().fromFile(Path.of(args[0])))) {
                for (Task task : calm.tasks().list(request)) {
                    if (task.id() != null) {
                        count++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            sampler.join();
            long poolPeaks = 0;
            long afterGc = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    MemoryUsage peak = pool.getPeakUsage();
                    poolPeaks += peak == null ? 0 : peak.getUsed();
                    MemoryUsage collected = pool.getCollectionUsage();
                    afterGc += collected == null ? 0 : collected.getUsed();
                }
            }
            ChildJvm.report("tasks", count);
            ChildJvm.report("pageSize", request.pageSize());
            ChildJvm.report("seconds", String.format(Locale.ROOT, "%.3f", seconds));
            ChildJvm.report("heapPeakMiB", String.format(Locale.ROOT, "%.1f", poolPeaks / 1048576.0));
            ChildJvm.report("sampledPeakMiB", String.format(Locale.ROOT, "%.1f", sampledPeak.get() / 1048576.0));
            ChildJvm.report("afterLastGcMiB", String.format(Locale.ROOT, "%.1f", afterGc / 1048576.0));
            ChildJvm.report("heapMaxMiB", String.format(Locale.ROOT, "%.1f",
                    Runtime.getRuntime().maxMemory() / 1048576.0));
        }
    }
}
