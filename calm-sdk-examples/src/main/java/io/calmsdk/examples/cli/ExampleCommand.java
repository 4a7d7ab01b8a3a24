package io.calmsdk.examples.cli;

import io.calmsdk.core.exception.ValidationException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

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

    @Override
    public Integer call() throws Exception {
        if (!NAMES.contains(name)) {
            throw new ValidationException("NAME", "is '" + name + "'", String.join(", ", NAMES));
        }
        try {
            Class.forName("io.calmsdk.examples." + name).getMethod("main", String[].class)
                    .invoke(null, (Object) args.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            // The example's own failure, so that its exit code follows the calm-sdk exception it threw.
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
        return ExitCodes.OK;
    }
}
