package io.calmsdk.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Counts what a suite tried and what passed, and writes it to
 * {@code target/reliability/<suite>.md} when the class is done, so that RELIABILITY.md quotes numbers
 * from an actual run. Tests may add notes (e.g. a cell's observed outcome) with {@link #note}.
 */
public final class ReliabilityReport implements TestWatcher, AfterAllCallback {

    /** Where the summaries go, relative to the module directory (Maven's working directory for tests). */
    public static final Path DIRECTORY = Path.of("target", "reliability");

    private static final Map<String, Suite> SUITES = new ConcurrentHashMap<>();

    private static final class Suite {
        final AtomicInteger tried = new AtomicInteger();
        final AtomicInteger passed = new AtomicInteger();
        final List<String> failures = new ArrayList<>();
        final Map<String, String> notes = new TreeMap<>();
        final Map<String, AtomicInteger> tallies = new TreeMap<>();
    }

    private static Suite suite(ExtensionContext context) {
        return SUITES.computeIfAbsent(context.getRequiredTestClass().getSimpleName(), k -> new Suite());
    }

    private static Suite suite(Class<?> type) {
        return SUITES.computeIfAbsent(type.getSimpleName(), k -> new Suite());
    }

    /**
     * Records a line for the summary, e.g. a cell and its outcome.
     *
     * @param suiteClass the test class
     * @param key sort key and first column
     * @param text the note
     */
    public static void note(Class<?> suiteClass, String key, String text) {
        Suite s = suite(suiteClass);
        synchronized (s) {
            s.notes.put(key, text);
        }
    }

    /**
     * Counts one occurrence of an outcome category, e.g. "recovered" or "failed at step instance".
     *
     * @param suiteClass the test class
     * @param category the category
     */
    public static void tally(Class<?> suiteClass, String category) {
        Suite s = suite(suiteClass);
        synchronized (s) {
            s.tallies.computeIfAbsent(category, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        Suite s = suite(context);
        s.tried.incrementAndGet();
        s.passed.incrementAndGet();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Suite s = suite(context);
        s.tried.incrementAndGet();
        synchronized (s) {
            s.failures.add(context.getDisplayName() + ": " + String.valueOf(cause).replace('\n', ' '));
        }
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        testFailed(context, cause);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // Never used: the suite has no disabled tests. Counted as tried and not passed if it ever happens.
        testFailed(context, new IllegalStateException("disabled: " + reason.orElse("")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName();
        Suite s = suite(context);
        StringBuilder md = new StringBuilder();
        synchronized (s) {
            md.append("# ").append(name).append("\n\n");
            md.append("tried: ").append(s.tried.get()).append("\n");
            md.append("passed: ").append(s.passed.get()).append("\n");
            md.append("failed: ").append(s.tried.get() - s.passed.get()).append("\n");
            if (!s.tallies.isEmpty()) {
                md.append("\n## Outcomes\n\n");
                s.tallies.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v.get()).append("\n"));
            }
            if (!s.failures.isEmpty()) {
                md.append("\n## Failures\n\n");
                s.failures.forEach(f -> md.append("- ").append(f).append("\n"));
            }
            if (!s.notes.isEmpty()) {
                md.append("\n## Details\n\n");
                s.notes.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
            }
        }
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(name + ".md"), md.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reliability summary of " + name, e);
        }
    }
}
