package io.calmsdk.benchmarks.scenario;

import io.calmsdk.benchmarks.support.Result;
import io.calmsdk.benchmarks.support.Verdict;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * B7: the runtime dependency closure of calm-sdk-btp + calm-sdk-api (their own jars included), next to SAP's
 * token-client stack and SAP Cloud SDK's OAuth connectivity + Resilience4j stack. The closures are resolved by
 * Maven ({@code dependency:build-classpath}, runtime scope) before the run, by {@code run.sh}; this class counts
 * and weighs the jars in those files.
 */
public final class DependencyWeightScenario {

    /** The file each resolved module writes its runtime class path to (relative to its directory). */
    public static final String CLASSPATH_FILE = "target/runtime-classpath.txt";
    /** The limit on the number of jars. */
    public static final int MAX_JARS = 10;
    /** The limit on their size: 4 MB. */
    public static final long MAX_BYTES = 4_000_000L;

    private final Path root;

    /**
     * @param root the repository root
     */
    public DependencyWeightScenario(Path root) {
        this.root = root;
    }

    /**
     * A closure: its jars (one per artifact) and their sizes.
     *
     * @param name what it is
     * @param jars jar file to size in bytes
     */
    public record Closure(String name, Map<Path, Long> jars) {

        /** @return the number of jars */
        public int count() {
            return jars.size();
        }

        /** @return their total size in bytes */
        public long bytes() {
            return jars.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Measures the three closures.
     *
     * @return the B7 section
     * @throws IOException if a class path file cannot be read
     */
    public Result run() throws IOException {
        Result result = new Result("B7", "runtime dependency closure of calm-sdk-btp + calm-sdk-api",
                "<= " + MAX_JARS + " jars and <= 4 MB");
        Closure calm = closure("calm-sdk-btp + calm-sdk-api", List.of(root.resolve("calm-sdk-btp"),
                root.resolve("calm-sdk-api")), true);
        Path weights = root.resolve("calm-sdk-benchmarks").resolve("weights");
        Optional<Closure> tokenClient = optionalClosure("SAP token-client 3.6.6 + Apache HttpClient 4.5.14 "
                + "(the HTTP client it needs)", weights.resolve("sap-token-client"));
        Optional<Closure> cloudSdk = optionalClosure("SAP Cloud SDK 5.26.0 connectivity-oauth + resilience4j",
                weights.resolve("sap-cloud-sdk"));
        boolean met = calm.count() <= MAX_JARS && calm.bytes() <= MAX_BYTES;
        result.columns("Stack", "Jars", "Size (MB)", "vs calm-sdk");
        result.row("**" + calm.name() + "**", calm.count(), mb(calm.bytes()), "1.0x");
        for (Optional<Closure> other : List.of(tokenClient, cloudSdk)) {
            other.ifPresent(c -> result.row(c.name(), c.count(), mb(c.bytes()),
                    String.format(Locale.ROOT, "%.1fx jars, %.1fx size", (double) c.count() / calm.count(),
                            (double) c.bytes() / calm.bytes())));
        }
        result.note("calm-sdk jars: " + listing(calm) + ".");
        tokenClient.ifPresent(c -> result.note("SAP token-client stack: " + listing(c) + "."));
        cloudSdk.ifPresent(c -> result.note("SAP Cloud SDK stack: " + listing(c) + "."));
        if (tokenClient.isEmpty() || cloudSdk.isEmpty()) {
            result.note("A baseline closure was not resolved (run `./calm-sdk-benchmarks/run.sh`, which resolves "
                    + "`calm-sdk-benchmarks/weights/*/pom.xml` first).");
        }
        result.note("MB = 1,000,000 bytes. Closures resolved by Maven with runtime scope "
                + "(`dependency:build-classpath`); one jar per artifact; calm-sdk's own jars are counted.");
        return result.measured(calm.count() + " jars, " + mb(calm.bytes()) + " MB")
                .verdict(Verdict.of(met));
    }

    private Optional<Closure> optionalClosure(String name, Path module) throws IOException {
        if (!Files.exists(module.resolve(CLASSPATH_FILE))) {
            return Optional.empty();
        }
        return Optional.of(closure(name, List.of(module), false));
    }

    /**
     * Reads the class path files of modules (and, for reactor modules, adds their own jar).
     *
     * @param name the closure's name
     * @param modules module directories holding {@link #CLASSPATH_FILE}
     * @param includeOwnJar whether the module's own jar in {@code target/} belongs to the closure
     * @return the closure
     * @throws IOException if a file cannot be read
     */
    public static Closure closure(String name, List<Path> modules, boolean includeOwnJar) throws IOException {
        Map<String, Path> byArtifact = new LinkedHashMap<>();
        for (Path module : modules) {
            Path file = module.resolve(CLASSPATH_FILE);
            if (!Files.exists(file)) {
                throw new IOException(file + " is missing: run ./calm-sdk-benchmarks/run.sh (it resolves the "
                        + "closures first)");
            }
            if (includeOwnJar) {
                Path own = ownJar(module);
                byArtifact.put(artifactKey(own), own);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                continue;
            }
            for (String entry : text.split(File.pathSeparator)) {
                Path jar = Path.of(entry.trim());
                if (jar.toString().endsWith(".jar")) {
                    byArtifact.putIfAbsent(artifactKey(jar), jar);
                } else if (Files.isDirectory(jar) && jar.endsWith(Path.of("target", "classes"))) {
                    Path moduleDir = jar.getParent().getParent();
                    Path own = ownJar(moduleDir);
                    byArtifact.putIfAbsent(artifactKey(own), own);
                }
            }
        }
        Map<Path, Long> jars = new LinkedHashMap<>();
        for (Path jar : byArtifact.values()) {
            jars.put(jar, Files.size(jar));
        }
        return new Closure(name, jars);
    }

    private static Path ownJar(Path module) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(module.resolve("target"), "*.jar")) {
            for (Path p : stream) {
                String n = p.getFileName().toString();
                if (!n.endsWith("-sources.jar") && !n.endsWith("-javadoc.jar") && !n.endsWith("-tests.jar")) {
                    return p;
                }
            }
        }
        throw new IOException("no jar in " + module.resolve("target") + ": package the module first");
    }

    /** {@code group/artifact} for a jar in a Maven repository; the file name without version otherwise. */
    static String artifactKey(Path jar) {
        Path versionDir = jar.getParent();
        if (versionDir != null && versionDir.getParent() != null && jar.getFileName().toString()
                .startsWith(versionDir.getParent().getFileName() + "-" + versionDir.getFileName())) {
            return versionDir.getParent().toString();
        }
        return jar.getFileName().toString().replaceAll("-\\d.*\\.jar$", "");
    }

    private static String listing(Closure c) {
        List<Map.Entry<Path, Long>> sorted = new ArrayList<>(c.jars().entrySet());
        sorted.sort(Map.Entry.<Path, Long>comparingByValue(Comparator.reverseOrder()));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Path, Long> e : sorted) {
            sb.append(sb.length() == 0 ? "" : ", ").append('`').append(e.getKey().getFileName()).append("` ")
                    .append(String.format(Locale.ROOT, "%.0f KB", e.getValue() / 1000.0));
        }
        return sb.toString();
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / 1_000_000.0);
    }
}
