package io.calmsdk.examples.cli;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.examples.ExampleEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code calm example NAME}: runs one of the runnable examples of {@code io.calmsdk.examples}, so that
 * the code the README shows can be run with the same launcher. Each example uses real keys from its
 * environment variables when set, the in-process simulator otherwise.
 */
@Command(name = "example",
        description = {"Run a runnable example: FirstCall, EnsureBinding, TokenOnly, ProjectsAndTasks,"
                + " FleetProvisioning or KeyFromEnvironment.", "Without keys in the environment each runs against an in-process simulator."})
final class ExampleCommand implements Callable<Integer> {

    static final List<String> NAMES = List.of("FirstCall", "EnsureBinding", "TokenOnly", "ProjectsAndTasks", "FleetProvisioning",
            "KeyFromEnvironment");

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
        CliContext context = calm.context();
        PrintStream out = System.out;
        PrintStream err = System.err;
        // The examples print with System.out; through the command's streams, so that calm's output is theirs.
        System.setOut(new PrintStream(new WriterStream(context.out()), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new WriterStream(context.err()), true, StandardCharsets.UTF_8));
        try {
            ExampleEnvironment.run(context.environment(), () -> {
                Class.forName("io.calmsdk.examples." + name).getMethod("main", String[].class)
                        .invoke(null, (Object) args.toArray(new String[0]));
                return null;
            });
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
