package io.calmsdk.examples;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Where the examples read environment variables: this process's, or the environment the {@code calm}
 * command line runs them with ({@code calm example NAME}), so that its tests choose what the examples see.
 */
public final class ExampleEnvironment {

    private static final ThreadLocal<Map<String, String>> GIVEN = new ThreadLocal<>();

    private ExampleEnvironment() {
    }

    /**
     * Runs an example's {@code main} with the given environment on this thread.
     *
     * @param environment the variables the example sees instead of the process's
     * @param example runs the example
     * @throws Exception what the example throws
     */
    public static void run(Map<String, String> environment, Callable<Void> example) throws Exception {
        Objects.requireNonNull(environment, "environment");
        Map<String, String> before = GIVEN.get();
        GIVEN.set(Map.copyOf(environment));
        try {
            example.call();
        } finally {
            if (before == null) {
                GIVEN.remove();
            } else {
                GIVEN.set(before);
            }
        }
    }

    /** The environment the running example sees. */
    static Map<String, String> current() {
        Map<String, String> given = GIVEN.get();
        return given != null ? given : System.getenv();
    }
}
