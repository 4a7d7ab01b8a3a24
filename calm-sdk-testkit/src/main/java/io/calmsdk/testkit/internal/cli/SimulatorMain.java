package io.calmsdk.testkit.internal.cli;

import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.SimulatorBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator from the command line until Ctrl+C and prints the keys a client needs:
 *
 * <pre>{@code
 * ./mvnw -q -pl calm-sdk-testkit compile exec:java -Dexec.args="--port 8080"
 * }</pre>
 *
 * Options: {@code --port N} (first of six consecutive ports, default random), {@code --page-size N},
 * {@code --operation-polls N}, {@code --entitlement-polls N}, {@code --mtls}, {@code --seed-tasks N}
 * (a demo project with N generated tasks), {@code --keys-dir DIR} (also write the keys as JSON files),
 * {@code --help}. The keys are fake and local, so printing them is the point.
 *
 * <p>It lives in an internal package because users launch it but never name it in code.
 */
public final class SimulatorMain {

    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: SimulatorMain [options]",
            "  --port N               first of six consecutive loopback ports (default: random ports)",
            "  --page-size N          Service Manager default page size (default 5)",
            "  --operation-polls N    polls before an async operation finishes (default 2)",
            "  --entitlement-polls N  reads before an entitlement is OK (default 2)",
            "  --mtls                 start the mutual-TLS token endpoint at once",
            "  --seed-tasks N         create a demo project with N generated tasks",
            "  --keys-dir DIR         also write the keys as JSON files into DIR",
            "  --help                 print this help");

    private SimulatorMain() {
    }

    /**
     * Starts the simulator, prints its endpoints and keys, and runs until the process is stopped.
     *
     * @param args command-line options, see the class comment
     * @throws InterruptedException if the main thread is interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        // The standalone simulator ships no SLF4J binding; without one, SLF4J's "no providers" notice is noise.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        BtpSimulator sim;
        try {
            sim = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (sim == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "btp-simulator-shutdown"));
        System.out.println("Press Ctrl+C to stop.");
        stopped.await();
    }

    /**
     * Parses the options, starts the simulator and prints what a client needs.
     *
     * @param args options
     * @param out where to print
     * @return the running simulator, or null when only help was asked for
     * @throws IllegalArgumentException on a bad option
     */
    static BtpSimulator start(String[] args, PrintStream out) {
        SimulatorBuilder builder = BtpSimulator.builder();
        int seedTasks = 0;
        Path keysDir = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help":
                case "-h":
                    out.println(USAGE);
                    return null;
                case "--port":
                    builder.port(intValue(args, ++i, arg));
                    break;
                case "--page-size":
                    builder.defaultPageSize(intValue(args, ++i, arg));
                    break;
                case "--operation-polls":
                    builder.operationPolls(intValue(args, ++i, arg));
                    break;
                case "--entitlement-polls":
                    builder.entitlementPolls(intValue(args, ++i, arg));
                    break;
                case "--mtls":
                    builder.mtls(true);
                    break;
                case "--seed-tasks":
                    seedTasks = intValue(args, ++i, arg);
                    break;
                case "--keys-dir":
                    keysDir = Path.of(value(args, ++i, arg));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        long started = System.nanoTime();
        BtpSimulator sim = builder.start();
        long millis = (System.nanoTime() - started) / 1_000_000;
        String project = null;
        if (seedTasks > 0) {
            project = sim.cloudAlm().createProject("Demo project");
            sim.cloudAlm().seedTasks(project, seedTasks);
        }
        BtpSimulator.Endpoints e = sim.endpoints();
        out.println("calm-sdk BTP simulator started in " + millis + " ms");
        out.println("  XSUAA               " + e.xsuaa());
        out.println("  Accounts API        " + e.accounts());
        out.println("  Entitlements API    " + e.entitlements());
        out.println("  Service Manager     " + e.serviceManager());
        out.println("  Cloud ALM API       " + e.cloudAlmApi());
        out.println("Default subaccount:   " + sim.defaultSubaccountId());
        if (project != null) {
            out.println("Demo project:         " + project + " (" + seedTasks + " tasks)");
        }
        out.println();
        out.println("Cloud Management (cis) key, plan central:");
        out.println(sim.cisCentralKey().prettyJson());
        out.println();
        out.println("Service Manager key (subaccount-admin) of the default subaccount:");
        out.println(sim.serviceManagerKey().prettyJson());
        if (keysDir != null) {
            write(keysDir.resolve("cis-central-key.json"), sim.cisCentralKey().prettyJson());
            write(keysDir.resolve("service-manager-key.json"), sim.serviceManagerKey().prettyJson());
            out.println();
            out.println("Keys written to " + keysDir.toAbsolutePath());
        }
        return sim;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int intValue(String[] args, int index, String option) {
        String value = value(args, index, option);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }
}
