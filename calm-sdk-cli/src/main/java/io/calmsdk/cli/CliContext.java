package io.calmsdk.cli;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.http.RequestListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a command takes from the world outside the JVM's heap: the output streams, the
 * environment variables, the clock and the way to wait. {@link CalmCommand#main} uses the real ones;
 * tests run the same commands in-process with captured streams, a chosen environment and waits that
 * return at once.
 */
final class CliContext {

    /** Blocks until the user stops the program (Ctrl+C), for {@code calm simulator}. */
    @FunctionalInterface
    interface StopSignal {
        /**
         * Waits for the stop.
         *
         * @param onStop run when the stop comes, before the process ends (closes the simulator)
         * @throws InterruptedException if the waiting thread is interrupted
         */
        void await(Runnable onStop) throws InterruptedException;
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;
    private final Clock clock;
    private final ClientOptions.Sleeper sleeper;
    private final boolean terminal;
    private final StopSignal stopSignal;
    private RequestListener httpTrace;
    private ClientOptions clientOptions;
    private volatile Thread commandThread;

    CliContext(PrintWriter out, PrintWriter err, Map<String, String> environment, Clock clock, ClientOptions.Sleeper sleeper,
            boolean terminal, StopSignal stopSignal) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.environment = Map.copyOf(environment);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.terminal = terminal;
        this.stopSignal = Objects.requireNonNull(stopSignal, "stopSignal");
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Map<String, String> environment() {
        return environment;
    }

    /**
     * An environment variable, blank treated as absent.
     *
     * @param name the variable
     * @return its value, or {@code null}
     */
    String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    Clock clock() {
        return clock;
    }

    ClientOptions.Sleeper sleeper() {
        return sleeper;
    }

    /** Whether a person watches a terminal: live progress lines are redrawn in place only then. */
    boolean terminal() {
        return terminal;
    }

    StopSignal stopSignal() {
        return stopSignal;
    }

    /** Remembers the thread that runs the command, so that Ctrl+C can interrupt exactly it. */
    void commandRunsOn(Thread thread) {
        this.commandThread = thread;
    }

    /**
     * Interrupts the command (Ctrl+C): the SDK call it is in ends with an interruption, and the command
     * reports what it finished (exit code 130). Does nothing before the command started.
     */
    void interruptCommand() {
        Thread t = commandThread;
        if (t != null) {
            t.interrupt();
        }
    }

    /**
     * Shows every HTTP attempt of the clients built afterwards ({@code --verbose}).
     *
     * @param trace the listener that prints the attempts
     */
    void traceHttp(RequestListener trace) {
        this.httpTrace = Objects.requireNonNull(trace, "trace");
        this.clientOptions = null;
    }

    /**
     * The options of every client the command builds: this context's clock and sleeper, the CLI's user agent,
     * and the HTTP trace with {@code --verbose}. One instance per run, so the clients share one HTTP client.
     *
     * @return the options
     */
    ClientOptions clientOptions() {
        if (clientOptions == null) {
            ClientOptions.Builder b = ClientOptions.builder().clock(clock).sleeper(sleeper)
                    .userAgentSuffix("calm-cli/" + VersionProvider.version());
            if (httpTrace != null) {
                b.addRequestListener(httpTrace);
            }
            clientOptions = b.build();
        }
        return clientOptions;
    }
}
