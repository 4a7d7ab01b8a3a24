package io.calmsdk.cli;

import io.calmsdk.core.exception.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code calm example NAME}: runs one of the runnable examples of {@code io.calmsdk.examples}, so that
 * the code the README shows can be run with the same launcher. Each example uses real keys from its
 * environment variables when set, the in-process simulator otherwise.
 *
 * <p>The examples are not part of the published command line (they are sample code, not a tool): they are
 * found by name on the class path, where {@code ./calm} in a clone puts them next to the jar. Run from the
 * jar alone, the command says so and exits 2; it is hidden from {@code calm --help} then.
 */
@Command(name = "example",
        description = {"Run a runnable example: FirstCall, EnsureBinding, TokenOnly, ProjectsAndTasks, FleetProvisioning,"
                + " KeyFromEnvironment, FeaturesAndDocuments, PreparedTestCase, ScopeAndLandscapeReport or MonitoringSignals.",
            "Without keys in the environment each runs against an in-process simulator."})
final class ExampleCommand implements Callable<Integer> {

    /** Where the examples live; present only when run from a clone of the repository. */
    static final String PACKAGE = "io.calmsdk.examples.";

    static final List<String> NAMES = List.of("FirstCall", "EnsureBinding", "TokenOnly", "ProjectsAndTasks", "FleetProvisioning",
            "KeyFromEnvironment", "FeaturesAndDocuments", "PreparedTestCase", "ScopeAndLandscapeReport",
            "MonitoringSignals");

    /** Offers the example names to shell completion and help. */
    static final class Names extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Names() {
            super(NAMES);
        }
    }

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Names.class,
            description = "The example: ${COMPLETION-CANDIDATES}.")
    String name;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments passed to the example's main method.")
    List<String> args = new ArrayList<>();

    @ParentCommand
    CalmCommand calm;

    @Override
    public Integer call() throws Exception {
        if (!NAMES.contains(name)) {
            throw new ValidationException("NAME", "is '" + name + "'", String.join(", ", NAMES));
        }
        Method run = environmentRunner();
        CliContext context = calm.context();
        PrintStream out = System.out;
        PrintStream err = System.err;
        // The examples print with System.out; through the command's streams, so that calm's output is theirs.
        System.setOut(new PrintStream(new WriterStream(context.out()), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new WriterStream(context.err()), true, StandardCharsets.UTF_8));
        try {
            Callable<Void> example = () -> {
                Class.forName(PACKAGE + name).getMethod("main", String[].class)
                        .invoke(null, (Object) args.toArray(new String[0]));
                return null;
            };
            invoke(run, context.environment(), example);
        } catch (InvocationTargetException e) {
            // The example's own failure, so that its exit code follows the calm-sdk exception it threw.
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
        }
        return ExitCodes.OK;
    }

    /** Whether the runnable examples are on the class path (they are in a clone, not in the published jar). */
    static boolean examplesPresent() {
        try {
            Class.forName(PACKAGE + "ExampleEnvironment", false, ExampleCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** {@code ExampleEnvironment.run(Map, Callable)}: the examples read their variables from calm's environment. */
    private Method environmentRunner() throws ValidationException {
        if (!examplesPresent()) {
            throw new ValidationException("NAME", "is '" + name + "', but this calm has no runnable examples in it",
                    "./calm example " + name + " in a clone of calm-sdk, which has them");
        }
        try {
            return Class.forName(PACKAGE + "ExampleEnvironment").getMethod("run", Map.class, Callable.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the examples on the class path do not match this calm", e);
        }
    }

    private static void invoke(Method run, Map<String, String> environment, Callable<Void> example) throws Exception {
        try {
            run.invoke(null, environment, example);
        } catch (InvocationTargetException e) {
            // ExampleEnvironment.run rethrows what the example threw, itself wrapped by reflection.
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }

    /** Bytes written to a {@link PrintWriter}, decoded as UTF-8 whenever the stream is flushed. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter writer;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            writer.write(pending.toString(StandardCharsets.UTF_8));
            writer.flush();
            pending.reset();
        }
    }
}
