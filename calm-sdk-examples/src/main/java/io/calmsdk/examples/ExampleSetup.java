package io.calmsdk.examples;

import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.testkit.BtpSimulator;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the examples get their keys: real ones from the environment when given, otherwise an
 * in-process simulator (calm-sdk-testkit), so that every example runs out of the box.
 *
 * <table>
 * <caption>Environment variables read</caption>
 * <tr><td>{@code CALM_CIS_KEY}</td><td>Cloud Management key (plan central): JSON text or a file path</td></tr>
 * <tr><td>{@code CALM_SUBACCOUNT_ID}</td><td>the subaccount to provision; {@code CALM_SUBACCOUNT_IDS} (comma-separated) for the fleet</td></tr>
 * <tr><td>{@code CALM_SERVICE_KEY}</td><td>a Cloud ALM service key: JSON text or a file path</td></tr>
 * </table>
 */
final class ExampleSetup implements AutoCloseable {

    /** The project a simulator started for an example holds, so that listing projects shows something. */
    static final String DEMO_PROJECT = "Demo project (simulator)";

    private final Map<String, String> environment;
    private final BtpSimulator simulator;

    private ExampleSetup(Map<String, String> environment, BtpSimulator simulator) {
        this.environment = environment;
        this.simulator = simulator;
    }

    /**
     * Uses the keys in the environment, or starts a simulator when the variable that matters is unset.
     *
     * @param variable the variable this example needs, e.g. {@code CALM_CIS_KEY}
     * @return the setup; close it to stop the simulator
     */
    static ExampleSetup forVariable(String variable) {
        Map<String, String> env = ExampleEnvironment.current();
        if (env.get(variable) != null && !env.get(variable).isBlank()) {
            return new ExampleSetup(env, null);
        }
        System.err.println("(" + variable + " is not set: running against an in-process simulator of SAP BTP and"
                + " Cloud ALM; nothing real is touched.)");
        BtpSimulator simulator = BtpSimulator.start();
        simulator.cloudAlm().createProject(DEMO_PROJECT);
        return new ExampleSetup(env, simulator);
    }

    /** Wraps a simulator that a test started. */
    static ExampleSetup of(BtpSimulator simulator) {
        return new ExampleSetup(Map.of(), simulator);
    }

    boolean simulated() {
        return simulator != null;
    }

    BtpSimulator simulator() {
        return simulator;
    }

    CisKey cisKey() {
        if (simulator != null) {
            return ServiceKeys.cis().fromJson(simulator.cisCentralKey().json());
        }
        return read("CALM_CIS_KEY", ServiceKeys.cis()::fromFile, v -> ServiceKeys.cis().fromEnvironment(v, environment));
    }

    ServiceKey cloudAlmKey() {
        if (simulator != null) {
            return ServiceKeys.calm().fromJson(simulator.seed().cloudAlmKey("calm-api.projects.read", "calm-api.projects.write",
                    "calm-api.tasks.read", "calm-api.tasks.write").json());
        }
        return read("CALM_SERVICE_KEY", ServiceKeys.calm()::fromFile, v -> ServiceKeys.calm().fromEnvironment(v, environment));
    }

    String subaccountId() {
        return simulator != null ? simulator.defaultSubaccountId() : required("CALM_SUBACCOUNT_ID");
    }

    /**
     * The fleet's subaccounts: from {@code CALM_SUBACCOUNT_IDS}, or {@code count} new simulated ones.
     *
     * @param count how many subaccounts the simulator creates
     * @return the subaccount ids
     */
    List<String> subaccountIds(int count) {
        if (simulator == null) {
            return Arrays.stream(required("CALM_SUBACCOUNT_IDS").split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(simulator.createSubaccount("team-" + i));
        }
        return ids;
    }

    private String required(String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new ValidationException(variable, "is not set", "with real keys in the environment, also "
                    + variable + " (unset every key variable to run against an in-process simulator)");
        }
        return value.strip();
    }

    /** The key a variable holds as JSON text, or in the file it names; its value is never quoted. */
    private <T> T read(String variable, java.util.function.Function<Path, T> fromFile,
            java.util.function.Function<String, T> fromVariable) {
        String value = required(variable);
        if (value.indexOf('{') >= 0) {
            return fromVariable.apply(variable);
        }
        try {
            Path path = Path.of(value);
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return fromFile.apply(path);
            }
        } catch (InvalidPathException e) {
            // not a path: refused below
        }
        throw new InvalidServiceKeyException("$", variable + " holds neither JSON nor the path of a readable file"
                + " (its value, " + value.length() + " characters, is not shown)");
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
