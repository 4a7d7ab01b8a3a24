package io.calmsdk.benchmarks.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Splits the CPU time a JVM spends during a measured window among groups of threads (the SDK's, the
 * simulator's, and the JVM's own JIT compiler and GC threads, which are not visible as Java threads and are
 * the remainder of the process CPU time). Threads that end inside the window are counted through
 * {@link #recordCurrentThread(String)}, called from the thread itself before it ends.
 */
public final class CpuAccounting {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Function<String, String> groupOfThreadName;
    private final Map<Long, Long> before = new ConcurrentHashMap<>();
    private final Map<Long, String> lastSeenGroup = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastSeenCpu = new ConcurrentHashMap<>();
    private double processBefore;

    /**
     * @param groupOfThreadName maps a thread name to its group
     */
    public CpuAccounting(Function<String, String> groupOfThreadName) {
        this.groupOfThreadName = groupOfThreadName;
    }

    /** Starts the window: records every live thread's CPU time and the process's. */
    public void start() {
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                before.put(id, cpu);
            }
        }
        processBefore = processCpuSeconds();
    }

    /**
     * Called by a thread that may end before the window does.
     *
     * @param group the group to count it in
     */
    public void recordCurrentThread(String group) {
        long id = Thread.currentThread().getId();
        lastSeenGroup.put(id, group);
        lastSeenCpu.put(id, THREADS.getCurrentThreadCpuTime());
    }

    /**
     * Ends the window.
     *
     * @return CPU seconds per group, plus {@code "JVM (JIT, GC, other)"} for the rest of the process's time
     */
    public Map<String, Double> stop() {
        double process = processCpuSeconds() - processBefore;
        Map<Long, String> groups = new LinkedHashMap<>(lastSeenGroup);
        Map<Long, Long> cpu = new LinkedHashMap<>(lastSeenCpu);
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long now = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] != null && now >= 0) {
                groups.put(ids[i], groupOfThreadName.apply(infos[i].getThreadName()));
                cpu.put(ids[i], now);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        double visible = 0;
        for (Map.Entry<Long, Long> e : cpu.entrySet()) {
            double seconds = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e9;
            out.merge(groups.get(e.getKey()), seconds, Double::sum);
            visible += seconds;
        }
        out.put("JVM (JIT, GC, other)", Math.max(0, process - visible));
        out.put("process total", process);
        return out;
    }

    /** @return CPU time used by this JVM so far, all threads, in seconds (NaN when the JVM cannot tell) */
    public static double processCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
