package io.calmsdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.testkit.BtpSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Runs {@code calm} in this JVM the way a shell would, with captured output, a chosen environment and
 * waits that take no real time.
 */
final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private ClientOptions.Sleeper sleeper = d -> { };
    private boolean terminal;
    private BooleanSupplier interruptWhen;

    static Cli create() {
        return new Cli();
    }

    Cli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Cli time(FakeTime time) {
        this.clock = time;
        this.sleeper = time;
        return this;
    }

    /** Waits through this sleeper (the default returns at once). */
    Cli sleeper(ClientOptions.Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    /**
     * Presses Ctrl+C: at the first wait (on any thread) once the condition holds, the command is
     * interrupted exactly as {@link CalmCommand#main}'s shutdown hook does it.
     */
    Cli interruptWhen(BooleanSupplier condition) {
        this.interruptWhen = condition;
        return this;
    }

    Cli terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> stopped = new ArrayList<>();
        AtomicReference<CliContext> self = new AtomicReference<>();
        ClientOptions.Sleeper waits = sleeper;
        if (interruptWhen != null) {
            AtomicBoolean pressed = new AtomicBoolean();
            ClientOptions.Sleeper base = sleeper;
            Thread command = Thread.currentThread();
            waits = d -> {
                if (!pressed.get() && interruptWhen.getAsBoolean() && pressed.compareAndSet(false, true)) {
                    self.get().interruptCommand();
                    if (Thread.currentThread() != command) {
                        // A worker of a fleet run: its wait goes on until the command cancels it, as a real one would.
                        new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                    }
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("Ctrl+C (test)");
                }
                base.sleep(d);
            };
        }
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), environment, clock,
                waits, terminal, onStop -> {
                    stopped.add("stop");
                    onStop.run();
                });
        self.set(context);
        int code = CalmCommand.execute(args, context);
        Thread.interrupted(); // a Ctrl+C of interruptWhen must not outlive the command (the test runs on its thread)
        return new Result(code, out.toString(), err.toString(), !stopped.isEmpty());
    }

    /** Writes the simulator's admin keys into a directory, as a user would save them from the cockpit. */
    static Path[] adminKeyFiles(BtpSimulator sim, Path dir) {
        try {
            Path cis = dir.resolve("cis.json");
            Path sm = dir.resolve("sm.json");
            for (Path p : new Path[] {cis, sm}) {
                Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(cis, sim.cisCentralKey().json());
            Files.writeString(sm, sim.serviceManagerKey().json());
            return new Path[] {cis, sm};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome of one run. */
    record Result(int exitCode, String out, String err, boolean waitedForStop) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document: " + e.getMessage() + "\n" + out, e);
            }
        }

        List<JsonNode> errJsonLines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : err.split("\\R")) {
                if (!line.isBlank()) {
                    try {
                        lines.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new AssertionError("stderr line is not JSON: " + line, e);
                    }
                }
            }
            return lines;
        }

        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
