package io.calmsdk.benchmarks.scenario;

import io.calmsdk.benchmarks.support.CpuAccounting;
import io.calmsdk.benchmarks.support.RequestCounts;
import io.calmsdk.benchmarks.support.Result;
import io.calmsdk.benchmarks.support.Stats;
import io.calmsdk.benchmarks.support.Verdict;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.ProvisioningListener;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.btp.ProvisioningStep;
import io.calmsdk.btp.StepResult;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.GlobalAccountPlan.Category;
import io.calmsdk.testkit.SimulatorBuilder.ServiceManagerLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * B5: {@code ensureBindings} for 200 cold subaccounts at concurrency 16, every simulator request taking 20 ms of
 * real time. The ideal wall time is {@code requests x latency / concurrency}, with the requests the run really
 * made (journal); the SDK's overhead and any serialisation show as the ratio to it. The first runs of a JVM
 * warm it up (the JIT compiles the SDK, the JDK's HTTP client and server and the simulator for tens of seconds
 * on 2 cores): they are reported, not judged.
 */
public final class ManySubaccountsScenario {

    /** Subaccounts provisioned per run. */
    public static final int SUBACCOUNTS = 200;
    /** Parallel ensureBinding calls. */
    public static final int CONCURRENCY = 16;
    /** Latency of every simulator request. */
    public static final Duration LATENCY = Duration.ofMillis(20);

    private final int warmUpRuns;
    private final int runs;

    /**
     * @param warmUpRuns runs before the judged ones, reported but not judged
     * @param runs how many times the 200 subaccounts are provisioned and judged (a new simulator each time)
     */
    public ManySubaccountsScenario(int warmUpRuns, int runs) {
        this.warmUpRuns = warmUpRuns;
        this.runs = runs;
    }

    /**
     * Runs it.
     *
     * @return the B5 section
     * @throws Exception if a run cannot complete
     */
    public Result run() throws Exception {
        Result result = new Result("B5", "ensureBindings for 200 subaccounts, 20 ms per request, concurrency 16",
                "wall time <= 1.25x ideal (requests x latency / concurrency), zero duplicates");
        List<Double> ratios = new ArrayList<>();
        List<Double> wallSeconds = new ArrayList<>();
        List<Double> idealSeconds = new ArrayList<>();
        List<Long> requestCounts = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        Map<String, List<Double>> cpuSplit = new LinkedHashMap<>();
        long duplicates = 0;
        long failures = 0;
        RequestCounts last = null;
        for (int run = 0; run < warmUpRuns + runs; run++) {
            try (BtpSimulator sim = BtpSimulator.builder()
                    // Injected latency holds a simulator worker: enough workers that the server never queues.
                    .workerThreads(4 * CONCURRENCY)
                    .serviceManagerLimits(ServiceManagerLimits.unlimited())
                    .globalAccountPlan(GlobalAccountPlan.of(GlobalAccountPlan.CLOUD_ALM_SERVICE,
                            GlobalAccountPlan.CLOUD_ALM_PLAN, Category.SERVICE, 10 * SUBACCOUNTS))
                    .start()) {
                List<String> subaccounts = new ArrayList<>();
                for (int i = 0; i < SUBACCOUNTS; i++) {
                    subaccounts.add(sim.createSubaccount("b5-" + i));
                }
                CpuAccounting cpu = new CpuAccounting(ManySubaccountsScenario::threadGroup);
                CloudAlmProvisioner.Builder builder = CloudAlmProvisioner.builder()
                        .credentials(ServiceKeys.cis().fromJson(sim.cisCentralKey().json()))
                        .options(ClientOptions.builder().sleeper(EnsureBindingScenario.noWait()).build())
                        .listener(new ProvisioningListener() {
                            @Override
                            public void onStepFinished(BindingRequest request, StepResult stepResult) {
                                // The batch's pool threads end with the call: record their CPU time as they go.
                                cpu.recordCurrentThread(SDK);
                            }

                            @Override
                            public void onStepFailed(BindingRequest request, ProvisioningStep step,
                                                     RuntimeException failure) {
                                cpu.recordCurrentThread(SDK);
                            }
                        });
                List<BindingRequest> requests = new ArrayList<>();
                for (String s : subaccounts) {
                    builder.credentials(s, ServiceKeys.serviceManager().fromJson(sim.serviceManagerKey(s).json()));
                    requests.add(EnsureBindingScenario.request(s));
                }
                List<ProvisioningResult.Outcome> outcomes;
                double wall;
                try (CloudAlmProvisioner provisioner = builder.build()) {
                    sim.faults().latency(LATENCY);
                    sim.journal().clear();
                    cpu.start();
                    long start = System.nanoTime();
                    outcomes = provisioner.ensureBindings(requests, CONCURRENCY);
                    wall = (System.nanoTime() - start) / 1e9;
                    Map<String, Double> split = cpu.stop();
                    cpuSeconds.add(split.get("process total"));
                    if (run >= warmUpRuns) {
                        split.forEach((k, v) -> cpuSplit.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                    }
                }
                last = RequestCounts.of(sim.journal().entries());
                double ideal = last.total() * (LATENCY.toNanos() / 1e9) / CONCURRENCY;
                wallSeconds.add(wall);
                idealSeconds.add(ideal);
                ratios.add(wall / ideal);
                requestCounts.add(last.total());
                failures += outcomes.stream().filter(o -> !o.succeeded()).count();
                for (String s : subaccounts) {
                    duplicates += Math.max(0, sim.state().instances(s).size() - 1)
                            + Math.max(0, sim.state().bindings(s).size() - 1);
                    if (sim.state().instances(s).isEmpty() || sim.state().bindings(s).isEmpty()) {
                        failures++;
                    }
                }
            }
        }
        double ratio = judgedMedian(ratios);
        boolean met = ratio <= 1.25 && duplicates == 0 && failures == 0;
        result.columns("Run", "Requests (all hosts, tokens included)", "Ideal s", "Wall s", "Wall / ideal",
                "CPU s used by the JVM (SDK + simulator)");
        for (int i = 0; i < ratios.size(); i++) {
            result.row((i + 1) + (i < warmUpRuns ? " (warm-up)" : ""), requestCounts.get(i), f2(idealSeconds.get(i)),
                    f2(wallSeconds.get(i)), f2(ratios.get(i)), f2(cpuSeconds.get(i)));
        }
        result.row("median of runs " + (warmUpRuns + 1) + "-" + (warmUpRuns + runs),
                        fmt(judgedMedian(requestCounts)), f2(judgedMedian(idealSeconds)),
                        f2(judgedMedian(wallSeconds)), "**" + f2(ratio) + "**", f2(judgedMedian(cpuSeconds)))
                .note("Per run: " + SUBACCOUNTS + " new subaccounts, one Service Manager key each, one Cloud "
                        + "Management key; " + LATENCY.toMillis() + " ms real latency on every simulator request "
                        + "(token requests included); concurrency " + CONCURRENCY + "; polls without waiting (the "
                        + "simulator advances per poll). Requests per subaccount: " + last.total() / SUBACCOUNTS
                        + " (" + last.tokens() + " token, " + last.writes() + " writes, " + last.reads()
                        + " lookups, " + last.polls() + " polls in all).")
                .note("Runs 1-" + warmUpRuns + " warm the JVM up and are not judged: on 2 cores the JIT compiles "
                        + "for tens of seconds, and the first run of a JVM measures mostly that.")
                .note("CPU seconds during the measured call, median per thread group over the judged runs: "
                        + cpuText(cpuSplit)
                        + ". The SDK and the simulator share one JVM; JIT/GC time is the process total minus the "
                        + "Java threads' time.")
                .note("Duplicates (a second instance or binding in a subaccount): " + duplicates
                        + "; failed subaccounts: " + failures + ".")
                .measured("wall / ideal " + f2(ratio) + " (median of " + runs + " after " + warmUpRuns + " warm-up), "
                        + duplicates + " duplicates, "
                        + failures + " failures")
                .verdict(Verdict.of(met));
        return result;
    }

    /** The median over the judged runs, the warm-up runs left out. */
    private double judgedMedian(List<? extends Number> perRun) {
        return Stats.median(perRun.subList(warmUpRuns, perRun.size()));
    }

    static final String SDK = "calm-sdk (provisioner, HTTP client threads)";
    static final String SIMULATOR = "simulator (HTTP server, workers)";

    static String threadGroup(String name) {
        if (name.startsWith("calm-sdk") || name.startsWith("HttpClient-")) {
            return SDK;
        }
        if (name.startsWith("btp-simulator") || name.startsWith("HTTP-Dispatcher") || name.startsWith("server-timer")) {
            return SIMULATOR;
        }
        return "other Java threads (" + name.replaceAll("[-#]?\\d+$", "") + ")";
    }

    private static String cpuText(Map<String, List<Double>> split) {
        StringBuilder sb = new StringBuilder();
        split.forEach((k, v) -> {
            if (Stats.median(v) >= 0.05) {
                sb.append(sb.length() == 0 ? "" : "; ").append(k).append(' ').append(f2(Stats.median(v)));
            }
        });
        return sb.toString();
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmt(double v) {
        return ColdTokenScenario.fmt(v);
    }
}
