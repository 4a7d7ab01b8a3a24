package io.calmsdk.benchmarks;

import io.calmsdk.benchmarks.scenario.CliStartScenario;
import io.calmsdk.benchmarks.scenario.CallCostScenario;
import io.calmsdk.benchmarks.scenario.ColdTokenScenario;
import io.calmsdk.benchmarks.scenario.DependencyWeightScenario;
import io.calmsdk.benchmarks.scenario.EnsureBindingScenario;
import io.calmsdk.benchmarks.scenario.ManySubaccountsScenario;
import io.calmsdk.benchmarks.scenario.MicroBenchmarks;
import io.calmsdk.benchmarks.scenario.PagerMemoryScenario;
import io.calmsdk.benchmarks.support.MachineInfo;
import io.calmsdk.benchmarks.support.MarkdownReport;
import io.calmsdk.benchmarks.support.Result;
import io.calmsdk.benchmarks.support.Verdict;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs B1-B9 in one process (JMH forks and the child JVMs of B4/B6 are started from here), prints the results
 * and writes them into BENCHMARKS.md. Started by {@code calm-sdk-benchmarks/run.sh}, which builds the module and
 * resolves the dependency closures first.
 *
 * <pre>
 * --quick | --full     how long to measure (default --quick: a few minutes)
 * --root DIR           repository root (default: the working directory)
 * --report FILE        where to write the results (default ROOT/BENCHMARKS.md); --no-report to only print
 * --only B1,B3         run a subset
 * --command TEXT       the command line to record in the report
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /** How long each part measures. */
    record Plan(String name, int coldTokenTrials, MicroBenchmarks.Settings jmh, int ensureTrials,
                int batchWarmUpRuns, int batchRuns, int pagerRuns, int costRounds, int costCalls, int coldCallTrials,
                int cliStartRuns) {

        static Plan quick() {
            return new Plan("quick", 5, new MicroBenchmarks.Settings(3, 5, 1000, 3, 500, 300, false, 3, 12), 1, 2, 3, 2,
                    5, 300, 3, 10);
        }

        static Plan full() {
            return new Plan("full", 15, new MicroBenchmarks.Settings(5, 5, 1000, 5, 1000, 1000, true, 5, 12), 3, 3, 5, 3,
                    15, 1000, 7, 30);
        }
    }

    /**
     * Entry point.
     *
     * @param args see the class comment
     * @throws Exception if the report cannot be written
     */
    public static void main(String[] args) throws Exception {
        Plan plan = Plan.quick();
        Path root = Path.of("").toAbsolutePath();
        Path report = null;
        boolean writeReport = true;
        Set<String> only = new LinkedHashSet<>(List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9"));
        String command = "./calm-sdk-benchmarks/run.sh";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    plan = Plan.quick();
                    break;
                case "--full":
                    plan = Plan.full();
                    break;
                case "--root":
                    root = Path.of(args[++i]).toAbsolutePath().normalize();
                    break;
                case "--report":
                    report = Path.of(args[++i]);
                    break;
                case "--no-report":
                    writeReport = false;
                    break;
                case "--only":
                    only = new LinkedHashSet<>(List.of(args[++i].toUpperCase(Locale.ROOT).split(",")));
                    break;
                case "--command":
                    command = args[++i];
                    break;
                default:
                    System.err.println("unknown option " + args[i]
                            + "; use --quick|--full, --root DIR, --report FILE|--no-report, --only B1,..., --command TEXT");
                    System.exit(2);
                    return;
            }
        }
        if (report == null) {
            report = root.resolve("BENCHMARKS.md");
        }
        int exit = new BenchmarkMain.Run(plan, root, only, System.out).execute(report, writeReport, command);
        System.exit(exit);
    }

    /** One run of the selected benchmarks. */
    static final class Run {
        private final Plan plan;
        private final Path root;
        private final Set<String> only;
        private final PrintStream out;

        Run(Plan plan, Path root, Set<String> only, PrintStream out) {
            this.plan = plan;
            this.root = root;
            this.only = only;
            this.out = out;
        }

        int execute(Path report, boolean writeReport, String command) throws Exception {
            Instant started = Instant.now();
            double loadBefore = MachineInfo.loadAverage();
            Path logDir = root.resolve("calm-sdk-benchmarks").resolve("target").resolve("benchmark-logs");
            Files.createDirectories(logDir);
            try (var old = Files.newDirectoryStream(logDir, "jmh-*.log")) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
            List<Result> results = new ArrayList<>();
            List<Double> loads = new ArrayList<>();
            loads.add(loadBefore);
            out.println("calm-sdk benchmarks, " + plan.name() + " mode: " + String.join(", ", only));
            if (only.contains("B7")) {
                results.add(step("B7", "runtime dependency closure", "<= 10 jars and <= 4 MB",
                        () -> new DependencyWeightScenario(root).run()));
                loads.add(MachineInfo.loadAverage());
            }
            if (only.contains("B1")) {
                results.add(step("B1", "64 threads ask for a token on a cold cache", "exactly 1 token request",
                        () -> new ColdTokenScenario(plan.coldTokenTrials()).run()));
                loads.add(MachineInfo.loadAverage());
            }
            if (only.contains("B2") || only.contains("B3")) {
                out.println("B2/B3 (JMH) ...");
                try {
                    for (Result r : new MicroBenchmarks(plan.jmh(), logDir).run(out, only.contains("B2"),
                            only.contains("B3"))) {
                        results.add(r);
                        print(r);
                    }
                } catch (Exception | Error e) {
                    out.println("  failed: " + e);
                    if (only.contains("B2")) {
                        results.add(Result.failed("B2", "cached-token lookup", ">= 5x SAP", e));
                    }
                    if (only.contains("B3")) {
                        results.add(Result.failed("B3", "50-item list through CloudAlmClient", "<= 1.10x raw", e));
                    }
                }
                loads.add(MachineInfo.loadAverage());
            }
            if (only.contains("B4")) {
                results.add(step("B4", "ensureBinding cold and warm", "3 writes cold, 0 warm",
                        () -> new EnsureBindingScenario(plan.ensureTrials()).run()));
                loads.add(MachineInfo.loadAverage());
            }
            if (only.contains("B5")) {
                results.add(step("B5", "ensureBindings for 200 subaccounts", "<= 1.25x ideal",
                        () -> new ManySubaccountsScenario(plan.batchWarmUpRuns(), plan.batchRuns()).run()));
                loads.add(MachineInfo.loadAverage());
            }
            if (only.contains("B6")) {
                results.add(step("B6", "100,000 tasks with -Xmx64m", "no OutOfMemoryError",
                        () -> new PagerMemoryScenario(plan.pagerRuns()).run()));
                loads.add(MachineInfo.loadAverage());
            }
            if (only.contains("B8")) {
                results.add(step("B8", "CPU and allocated bytes per call", "<= 1.5x raw",
                        () -> new CallCostScenario(plan.costRounds(), plan.costCalls(), plan.coldCallTrials()).run()));
                loads.add(MachineInfo.loadAverage());
            }
            if (only.contains("B9")) {
                results.add(step("B9", "CLI start: calm --version and --help", "<= 0.4 s",
                        () -> new CliStartScenario(root, plan.cliStartRuns()).run()));
                loads.add(MachineInfo.loadAverage());
            }
            results.sort((a, b) -> a.id().compareTo(b.id()));
            Duration took = Duration.between(started, Instant.now());
            List<String> header = List.of(
                    "Run: " + started.truncatedTo(ChronoUnit.SECONDS) + ", " + plan.name() + " mode, "
                            + String.join(", ", only) + ", took " + took.toSeconds() + " s",
                    "Command: `" + command + "`",
                    "Machine: " + MachineInfo.cpu() + ", " + MachineInfo.memory() + " RAM, " + MachineInfo.os(),
                    "JDK: " + MachineInfo.jdk(),
                    "Load average (1 min) sampled between steps: " + loadText(loads)
                            + " on " + Runtime.getRuntime().availableProcessors() + " processors"
                            + (loads.stream().anyMatch(l -> l > 1.5)
                            ? ": other builds were running on this machine, so absolute figures are noisy; the "
                            + "ratios, measured side by side in the same run, are what the targets are judged on"
                            : ""));
            String block = MarkdownReport.render(header, results);
            if (writeReport) {
                MarkdownReport.writeInto(report, block);
                out.println("Results written to " + report);
            }
            out.println();
            for (Result r : results) {
                out.printf(Locale.ROOT, "%s %-9s %s%n", r.id(), r.verdict().words(), r.measured());
            }
            return results.stream().anyMatch(r -> r.verdict() == Verdict.FAILED) ? 1 : 0;
        }

        private static String loadText(List<Double> loads) {
            List<String> parts = new ArrayList<>();
            for (double l : loads) {
                parts.add(l < 0 ? "?" : String.format(Locale.ROOT, "%.1f", l));
            }
            return String.join(", ", parts);
        }

        private Result step(String id, String title, String target, Scenario scenario) {
            out.println(id + ": " + title + " ...");
            long start = System.nanoTime();
            Result r;
            try {
                r = scenario.run();
            } catch (Exception | Error e) {
                e.printStackTrace(out);
                r = Result.failed(id, title, target, e);
            }
            out.printf(Locale.ROOT, "  %s in %.1f s%n", r.verdict().words(), (System.nanoTime() - start) / 1e9);
            print(r);
            return r;
        }

        private void print(Result r) {
            out.println("  " + r.id() + " " + r.verdict().words() + ": " + r.measured());
        }
    }

    /** One benchmark step. */
    @FunctionalInterface
    interface Scenario {
        Result run() throws Exception;
    }
}
