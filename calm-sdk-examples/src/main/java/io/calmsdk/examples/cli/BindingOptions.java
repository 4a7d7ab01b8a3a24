package io.calmsdk.examples.cli;

import io.calmsdk.btp.BindingRequest;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CredentialType;
import io.calmsdk.core.model.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * What should exist: the flags that become {@link BindingRequest}s, shared by provision, deprovision
 * and rotate. Names, scopes and labels are checked by calm-sdk itself when the request is built, so
 * the CLI accepts exactly what the SDK accepts.
 */
final class BindingOptions {

    static final List<String> DEFAULT_SCOPES = List.of("calm-api.projects.read", "calm-api.projects.write",
            "calm-api.tasks.read", "calm-api.tasks.write");

    @Option(names = "--subaccount", paramLabel = "ID",
            description = "Subaccount GUID. Default with the in-process simulator: its default subaccount.")
    String subaccount;

    @Option(names = "--subaccounts", split = ",", paramLabel = "ID",
            description = "Several subaccount GUIDs, comma-separated: a fleet run with a progress bar.")
    List<String> subaccounts = new ArrayList<>();

    @Option(names = "--subaccounts-file", paramLabel = "FILE",
            description = "A file with one subaccount GUID per line (# starts a comment): a fleet run.")
    Path subaccountsFile;

    @Option(names = "--instance", paramLabel = "NAME", defaultValue = "calm-api",
            description = "Service instance name (1-32 of A-Z a-z 0-9 . _ -). Default: ${DEFAULT-VALUE}.")
    String instance;

    @Option(names = "--binding", paramLabel = "NAME", defaultValue = "calm-api-key",
            description = "Binding (service key) name. Default: ${DEFAULT-VALUE}.")
    String binding;

    @Option(names = {"--scopes", "--scope"}, split = ",", paramLabel = "SCOPE",
            description = "Cloud ALM scopes, short names allowed: projects.read,tasks.write (= calm-api.projects.read, "
                    + "calm-api.tasks.write). Default: projects.read, projects.write, tasks.read, tasks.write.")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--credential-type", paramLabel = "TYPE",
            description = "binding-secret (default) or x509.")
    String credentialType;

    @Option(names = "--token-validity", paramLabel = "SECONDS",
            description = "Access token validity of the instance, 60-86400 seconds.")
    Integer tokenValidity;

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "A label for the instance and binding; repeat for more.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Overall deadline per subaccount, waits included (e.g. 90s, 10m). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--verify", description = "Fetch a token with the new key and check it carries every scope.")
    boolean verify;

    @Option(names = "--skip-entitlement",
            description = "Do not touch the entitlement (implied when no Cloud Management key is given).")
    boolean skipEntitlement;

    /** Whether more than one subaccount was asked for, or a list was given at all. */
    boolean fleet() {
        return !subaccounts.isEmpty() || subaccountsFile != null;
    }

    /**
     * The subaccounts asked for, each once, in the order given.
     *
     * @param fallback the subaccount to use when none was given (the simulator's default), or {@code null}
     * @return the subaccount ids
     * @throws ValidationException when none was given and there is no fallback, or the file cannot be read
     */
    List<String> subaccountIds(String fallback) {
        Set<String> ids = new LinkedHashSet<>();
        if (subaccount != null) {
            ids.add(subaccount.strip());
        }
        subaccounts.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        if (subaccountsFile != null) {
            ids.addAll(readSubaccountsFile(subaccountsFile));
        }
        if (ids.isEmpty()) {
            if (fallback == null) {
                throw new ValidationException("--subaccount", "is missing",
                        "a subaccount GUID, or --subaccounts ID,ID,... / --subaccounts-file FILE for many");
            }
            ids.add(fallback);
        }
        return List.copyOf(ids);
    }

    private static List<String> readSubaccountsFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ValidationException("--subaccounts-file", "cannot be read (" + file + ": "
                    + e.getClass().getSimpleName() + ")", "a readable file with one subaccount GUID per line");
        }
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String id = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw new ValidationException("--subaccounts-file", "lists no subaccount (" + file + ")",
                    "one subaccount GUID per line");
        }
        return ids;
    }

    /**
     * Builds the request for one subaccount.
     *
     * @param subaccountId the subaccount
     * @param withoutEntitlement whether the entitlement step must be skipped (no Cloud Management key)
     * @return the validated request
     * @throws ValidationException naming the first invalid flag value
     */
    BindingRequest request(String subaccountId, boolean withoutEntitlement) {
        BindingRequest.Builder b = BindingRequest.builder()
                .subaccountId(subaccountId)
                .instanceName(instance)
                .bindingName(binding)
                .timeout(timeout)
                .verify(verify)
                .skipEntitlement(skipEntitlement || withoutEntitlement);
        for (String scope : scopes.isEmpty() ? DEFAULT_SCOPES : scopes) {
            b.scopes(scopeName(scope));
        }
        if (credentialType != null) {
            b.credentialType(CredentialType.fromString(credentialType.strip()));
        }
        if (tokenValidity != null) {
            b.tokenValidity(tokenValidity);
        }
        Labels l = Labels.empty();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            l = l.with(e.getKey(), e.getValue());
        }
        return b.labels(l).build();
    }

    /**
     * Expands a short scope name: {@code tasks.read} is {@code calm-api.tasks.read} when that is a scope
     * calm-sdk knows; anything else is passed on as written (the SDK checks its form).
     */
    static String scopeName(String scope) {
        String s = scope.strip();
        if (!s.isEmpty() && !CalmScope.of(s).isKnown() && CalmScope.of("calm-api." + s).isKnown()) {
            return "calm-api." + s;
        }
        return s;
    }
}
