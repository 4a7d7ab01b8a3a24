package io.calmsdk.benchmarks.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code main} class of this module in a new JVM with the same class path: for the "new process" run of
 * B4 and the 64 MB heap of B6. The child reports its figures on lines starting with {@link #RESULT_PREFIX}.
 */
public final class ChildJvm {

    /** Lines the child prints as {@code RESULT key=value}. */
    public static final String RESULT_PREFIX = "RESULT ";

    private ChildJvm() {
    }

    /**
     * What a child JVM did.
     *
     * @param exitCode its exit code
     * @param output everything it printed (stdout and stderr merged)
     * @param results the {@code key=value} pairs of its {@code RESULT} lines
     * @param elapsed wall time from launch to exit
     */
    public record Outcome(int exitCode, List<String> output, Map<String, String> results, Duration elapsed) {

        /**
         * @param key a result key
         * @return its value, if the child reported it
         */
        public Optional<String> result(String key) {
            return Optional.ofNullable(results.get(key));
        }

        /** @return the last lines of output, for an error message */
        public String tail() {
            return String.join("\n", output.subList(Math.max(0, output.size() - 15), output.size()));
        }
    }

    /**
     * Runs a class and waits for it.
     *
     * @param mainClass the class with {@code main}
     * @param jvmOptions options such as {@code -Xmx64m}
     * @param args program arguments
     * @param timeout how long it may take before it is killed
     * @return what it did
     * @throws IOException if it cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public static Outcome run(Class<?> mainClass, List<String> jvmOptions, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dslf4j.internal.verbosity=ERROR");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> readAll(process));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass.getSimpleName() + " did not finish within " + timeout);
        }
        List<String> output = lines.join();
        Map<String, String> results = new java.util.LinkedHashMap<>();
        for (String line : output) {
            if (line.startsWith(RESULT_PREFIX)) {
                String pair = line.substring(RESULT_PREFIX.length());
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    results.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return new Outcome(process.exitValue(), output, results, Duration.ofNanos(System.nanoTime() - start));
    }

    private static List<String> readAll(Process process) {
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Prints one result line for the parent.
     *
     * @param key the key
     * @param value the value
     */
    public static void report(String key, Object value) {
        System.out.println(RESULT_PREFIX + key + "=" + value);
    }

    /**
     * Writes a key (JSON with a local fake secret) to an owner-only file for a child to read.
     *
     * @param dir an owner-only directory
     * @param name the file name
     * @param json the key
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path writeKey(Path dir, String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the key is a local fake anyway.
        }
        return file;
    }

    /**
     * Creates an owner-only temporary directory.
     *
     * @param prefix its name prefix
     * @return the directory
     * @throws IOException if it cannot be created
     */
    public static Path privateTempDir(String prefix) throws IOException {
        try {
            return Files.createTempDirectory(prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempDirectory(prefix);
        }
    }

    /**
     * Deletes a directory made by {@link #privateTempDir} and the files in it.
     *
     * @param dir the directory
     */
    public static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
