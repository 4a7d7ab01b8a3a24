package io.calmsdk.benchmarks.scenario;

import io.calmsdk.benchmarks.support.Result;
import io.calmsdk.benchmarks.support.Stats;
import io.calmsdk.benchmarks.support.Verdict;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * B9: how long {@code calm --version} and {@code calm --help} take, wall clock from process start to exit, as
 * a shell runs them: the launcher next to the executable jar (class-data-sharing archive written by a first,
 * unmeasured run), {@code java -jar} on the jar alone, and {@code ./calm} in the clone (which also checks
 * whether the jar is older than its sources). Each variant runs in turn, so load drift hits them alike.
 */
public final class CliStartScenario {

    /** The target: every measured launcher start at most this long (median). */
    public static final double TARGET_SECONDS = 0.4;

    private final Path root;
    private final int runs;

    /**
     * @param root the repository root (the executable jar is looked for in {@code calm-sdk-cli/target})
     * @param runs measured runs per variant and command
     */
    public CliStartScenario(Path root, int runs) {
        this.root = root;
        this.runs = runs;
    }

    /**
     * Measures the variants.
     *
     * @return the B9 section
     * @throws Exception if the jar is missing or a run fails
     */
    public Result run() throws Exception {
        Result result = new Result("B9", "CLI start: calm --version and --help", "<= " + TARGET_SECONDS + " s (launcher)");
        Path jar = executableJar();
        Path cache = Files.createTempDirectory("calm-b9-cache");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> launcherEnv = Map.of("CALM_JAR", jar.toString(), "XDG_CACHE_HOME", cache.toString(),
                "JAVA_HOME", System.getProperty("java.home"));
        String launcher = root.resolve("calm-sdk-cli/src/main/launcher/calm").toString();
        List<Variant> variants = List.of(
                new Variant("`calm` launcher, CDS archive", List.of(launcher), launcherEnv, true),
                new Variant("`java -jar` on the jar alone", List.of(java, "-jar", jar.toString()), Map.of(), false),
                new Variant("`./calm` in the clone", List.of(root.resolve("calm").toString()),
                        Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", System.getProperty("java.home")), false));
        // The first launcher run writes the archive (and remembers the Java version): not measured.
        for (Variant v : variants) {
            time(v, "--help");
        }
        result.columns("Variant", "--version median (s)", "--help median (s)", "--help p90 (s)");
        boolean met = true;
        String measured = null;
        List<List<Double>> version = new ArrayList<>();
        List<List<Double>> help = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            version.add(new ArrayList<>());
            help.add(new ArrayList<>());
        }
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < variants.size(); i++) {
                version.get(i).add(time(variants.get(i), "--version"));
                help.get(i).add(time(variants.get(i), "--help"));
            }
        }
        for (int i = 0; i < variants.size(); i++) {
            double v = Stats.median(version.get(i));
            double h = Stats.median(help.get(i));
            result.row(variants.get(i).name, seconds(v), seconds(h), seconds(Stats.percentile(help.get(i), 90)));
            if (variants.get(i).judged) {
                met = v <= TARGET_SECONDS && h <= TARGET_SECONDS;
                measured = "launcher: --version " + seconds(v) + " s, --help " + seconds(h) + " s";
            }
        }
        result.note(runs + " runs of each command per variant, interleaved; wall time from process start to exit, "
                + "output discarded. The launcher keeps its class-data-sharing archive per jar and Java in "
                + "`${XDG_CACHE_HOME:-~/.cache}/calm`; `CALM_CDS=0` turns it off.");
        return result.measured(measured).verdict(Verdict.of(met));
    }

    private double time(Variant v, String argument) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(v.command);
        command.add(argument);
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(v.environment);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(v.name + " " + argument + " did not finish within 60 s");
        }
        long nanos = System.nanoTime() - start;
        if (p.exitValue() != 0) {
            throw new IOException(v.name + " " + argument + " exited with " + p.exitValue());
        }
        return nanos / 1e9;
    }

    private Path executableJar() throws IOException {
        Path target = root.resolve("calm-sdk-cli").resolve("target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "calm-sdk-cli-*-all.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // reported below
        }
        throw new IOException("no calm-sdk-cli-*-all.jar in " + target + ": run ./calm-sdk-benchmarks/run.sh, which builds it");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static final class Variant {
        final String name;
        final List<String> command;
        final Map<String, String> environment;
        final boolean judged;

        Variant(String name, List<String> command, Map<String, String> environment, boolean judged) {
            this.name = name;
            this.command = command;
            this.environment = environment;
            this.judged = judged;
        }
    }
}
