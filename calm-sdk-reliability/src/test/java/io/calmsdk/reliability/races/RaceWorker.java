package io.calmsdk.reliability.races;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on a {@link RaceWorkerMain} process: sends command lines, reads result lines with
 * a bounded wait, and makes sure the process ends. Output lines that are not part of the protocol (a
 * stray log line) are skipped.
 */
final class RaceWorker implements AutoCloseable {

    private static final List<String> PROTOCOL = List.of("ready", "ok ", "rotated ", "deprovisioned ", "error ");

    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path stderr;

    private RaceWorker(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("error ReaderFailed - false");
            }
        }, "race-worker-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a worker JVM: this JVM's {@code java}, this JVM's class path.
     *
     * @param dir where its standard error goes
     * @param name a name for the error file
     * @param args the worker's arguments
     * @return the handle, once the worker said {@code ready}
     */
    static RaceWorker start(Path dir, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dlogback.configurationFile=logback-worker.xml",
                "-cp", System.getProperty("java.class.path"),
                RaceWorkerMain.class.getName()));
        command.addAll(List.of(args));
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        return new RaceWorker(p, err);
    }

    /** Waits for the worker to have loaded everything and read its keys. */
    void awaitReady(Duration timeout) {
        String line = next(timeout);
        if (!line.equals("ready")) {
            throw new AssertionError("worker did not start: " + line + "; stderr: " + stderrText());
        }
    }

    /** Sends a command; the result comes with {@link #next(Duration)}. */
    void send(String command) {
        try {
            in.write(command + "\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("worker is gone; stderr: " + stderrText(), e);
        }
    }

    /** The next protocol line, waiting at most {@code timeout}. */
    String next(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("no answer from the worker within " + timeout + "; alive="
                            + process.isAlive() + "; stderr: " + stderrText());
                }
                if (PROTOCOL.stream().anyMatch(line::startsWith)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the worker", e);
        }
    }

    String stderrText() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /**
     * Asks the worker to quit and waits for it to exit by itself.
     *
     * @return the exit code
     */
    int quit(Duration timeout) throws InterruptedException {
        send("quit");
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the worker did not exit by itself within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
