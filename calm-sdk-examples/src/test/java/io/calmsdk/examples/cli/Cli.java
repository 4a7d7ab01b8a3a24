package io.calmsdk.examples.cli;

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

    Cli terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> stopped = new ArrayList<>();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), environment, clock,
                sleeper, terminal, onStop -> {
                    stopped.add("stop");
                    onStop.run();
                });
        int code = CalmCommand.execute(args, context);
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
