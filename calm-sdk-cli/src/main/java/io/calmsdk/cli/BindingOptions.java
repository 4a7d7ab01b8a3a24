package io.calmsdk.cli;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * What should exist: the flags that become {@link BindingRequest}s. They come in groups, so that each
 * command shows only the flags it uses: {@link Target} (every command), {@link Fleet} (provision and
 * deprovision), {@link Shape} (provision and rotate). Values are checked here, naming the flag and the
 * value, before calm-sdk checks the request once more.
 */
final class BindingOptions {

    static final List<String> DEFAULT_SCOPES = List.of("calm-api.projects.read", "calm-api.projects.write",
            "calm-api.tasks.read", "calm-api.tasks.write");

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String GUID_ALLOWED = "a subaccount GUID, e.g. 0f2c7d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final String CALM_API = "calm-api.";

    /** Which subaccount, instance and binding; every command that provisions or removes. */
    static final class Target {
        @Option(names = "--subaccount", paramLabel = "ID",
                description = "Subaccount GUID. Default with the in-process simulator: its default subaccount.")
        String subaccount;

        @Option(names = "--instance", paramLabel = "NAME", defaultValue = "calm-api",
                description = "Service instance name (1-32 of A-Z a-z 0-9 . _ -). Default: ${DEFAULT-VALUE}.")
        String instance;

        @Option(names = "--binding", paramLabel = "NAME", defaultValue = "calm-api-key",
                description = "Binding (service key) name. Default: ${DEFAULT-VALUE}.")
        String binding;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
                description = "Overall deadline per subaccount, waits included (e.g. 90s, 10m)."
                        + " Default: ${DEFAULT-VALUE}.")
        Duration timeout;
    }

    /** Many subaccounts at once. */
    static final class Fleet {
        @Option(names = "--subaccounts", split = ",", paramLabel = "ID",
                description = "Several subaccount GUIDs, comma-separated: a fleet run (needs only --cis-key).")
        List<String> subaccounts = new ArrayList<>();

        @Option(names = "--subaccounts-file", paramLabel = "FILE",
                description = "A file with one subaccount GUID per line (# starts a comment): a fleet run.")
        Path subaccountsFile;
    }

    /** What the instance and binding look like. */
    static final class Shape {
        @Option(names = {"--scopes", "--scope"}, split = ",", paramLabel = "SCOPE",
                description = "Cloud ALM scopes, short names allowed: projects.read,tasks.write. Default:"
                        + " projects.read, projects.write, tasks.read, tasks.write.")
        List<String> scopes = new ArrayList<>();

        @Option(names = "--custom-scope", paramLabel = "SCOPE",
                description = "A scope calm-sdk does not know, added as written (repeat for more).")
        List<String> customScopes = new ArrayList<>();

        @Option(names = "--remove-other-scopes",
                description = "Remove scopes the instance has but this run does not ask for (others may rely on"
                        + " them: try --dry-run first). Default: keep them.")
        boolean removeOtherScopes;

        @Option(names = "--credential-type", paramLabel = "TYPE",
                description = "binding-secret (default) or x509.")
        String credentialType;

        @Option(names = "--token-validity", paramLabel = "SECONDS",
                description = "Access token validity of the instance, 60-86400 seconds.")
        Integer tokenValidity;

        @Option(names = "--label", paramLabel = "KEY=VALUE",
                description = "A label for the instance and binding, e.g. team=platform; repeat for more.")
        List<String> labels = new ArrayList<>();

        @Option(names = "--verify",
                description = "Fetch a token with the new key and check it carries every scope.")
        boolean verify;

        @Option(names = "--skip-entitlement",
                description = "Do not touch the entitlement (implied when no Cloud Management key is given).")
        boolean skipEntitlement;
    }

    private final Target target;
    private final Fleet fleet;
    private final Shape shape;

    /**
     * The flags of one command.
     *
     * @param target always given
     * @param fleet {@code null} for commands that serve one subaccount
     * @param shape {@code null} for commands that only remove (the request then asks for the default scopes)
     */
    BindingOptions(Target target, Fleet fleet, Shape shape) {
        this.target = target;
        this.fleet = fleet;
        this.shape = shape;
    }

    /** Whether a list of subaccounts was given at all. */
    boolean fleet() {
        return fleet != null && (!fleet.subaccounts.isEmpty() || fleet.subaccountsFile != null);
    }

    boolean skipEntitlement() {
        return shape != null && shape.skipEntitlement;
    }

    /**
     * The subaccounts asked for, each once, in the order given.
     *
     * @param fallback the subaccount to use when none was given (the simulator's default), or {@code null}
     * @return the subaccount ids
     * @throws ValidationException naming the flag (and line) of a value that is not a GUID, or when none was
     *     given and there is no fallback
     */
    List<String> subaccountIds(String fallback) {
        Set<String> ids = new LinkedHashSet<>();
        if (target.subaccount != null) {
            ids.add(guid("--subaccount", target.subaccount, ""));
        }
        if (fleet != null) {
            for (String s : fleet.subaccounts) {
                if (!s.isBlank()) {
                    ids.add(guid("--subaccounts", s, ""));
                }
            }
            if (fleet.subaccountsFile != null) {
                ids.addAll(readSubaccountsFile(fleet.subaccountsFile));
            }
        }
        if (ids.isEmpty()) {
            if (fallback == null) {
                throw new ValidationException("--subaccount", "is missing", "a subaccount GUID"
                        + (fleet == null ? "" : ", or --subaccounts ID,ID,... / --subaccounts-file FILE for many"));
            }
            ids.add(fallback);
        }
        return List.copyOf(ids);
    }

    private static String guid(String flag, String value, String where) {
        String id = value.strip();
        if (!GUID.matcher(id).matches()) {
            throw new ValidationException(flag, where + "is '" + quoted(id) + "', not a subaccount GUID", GUID_ALLOWED);
        }
        return id;
    }

    /** A value as it may be quoted in a message: printable and short. */
    static String quoted(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
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
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String id = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!id.isEmpty()) {
                ids.add(guid("--subaccounts-file", id, "line " + (i + 1) + " of " + file + " "));
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
        if (target.timeout.isZero() || target.timeout.isNegative()) {
            throw new ValidationException("--timeout", "is " + Durations.human(target.timeout) + ": it must be positive",
                    "a duration such as 90s or 10m");
        }
        BindingRequest.Builder b = BindingRequest.builder()
                .subaccountId(subaccountId)
                .instanceName(target.instance)
                .bindingName(target.binding)
                .timeout(target.timeout)
                .skipEntitlement(skipEntitlement() || withoutEntitlement);
        if (shape == null) {
            DEFAULT_SCOPES.forEach(b::scopes);
            return b.build();
        }
        List<String> asked = shape.scopes.isEmpty() && shape.customScopes.isEmpty() ? DEFAULT_SCOPES : shape.scopes;
        for (String scope : asked) {
            b.scopes(knownScope(scope));
        }
        for (String scope : shape.customScopes) {
            b.scopes(CalmScope.custom(scope.strip()));
        }
        if (shape.credentialType != null) {
            b.credentialType(credentialType(shape.credentialType));
        }
        if (shape.tokenValidity != null) {
            int v = shape.tokenValidity;
            if (v < 60 || v > 86400) {
                throw new ValidationException("--token-validity", "is " + v + " seconds", "60-86400 seconds");
            }
            b.tokenValidity(v);
        }
        return b.labels(labels()).verify(shape.verify).removeOtherScopes(shape.removeOtherScopes).build();
    }

    private static CredentialType credentialType(String value) {
        String v = value.strip();
        CredentialType type = CredentialType.fromString(v);
        if (type.equals(CredentialType.BINDING_SECRET) || type.equals(CredentialType.X509)) {
            return type;
        }
        throw new ValidationException("--credential-type", "is '" + quoted(v) + "'", "binding-secret (default) or x509");
    }

    private Labels labels() {
        Labels l = Labels.empty();
        for (String label : shape.labels) {
            int eq = label.indexOf('=');
            if (eq <= 0 || label.substring(0, eq).isBlank()) {
                throw new ValidationException("--label", "is '" + quoted(label) + "', not KEY=VALUE",
                        "KEY=VALUE with a non-empty key, e.g. --label team=platform; repeat the flag for more labels");
            }
            l = l.with(label.substring(0, eq).strip(), label.substring(eq + 1));
        }
        return l;
    }

    /**
     * A scope calm-sdk knows, by its short or full name: {@code tasks.read} is {@code calm-api.tasks.read}.
     * Anything else is refused naming the flag and the closest known scopes, in the short form the flag
     * takes; {@code --custom-scope} adds a scope calm-sdk does not know.
     */
    static String knownScope(String scope) {
        String s = scope.strip();
        CalmScope asWritten = CalmScope.of(s);
        if (asWritten.isKnown()) {
            return s;
        }
        if (!s.startsWith(CALM_API) && CalmScope.of(CALM_API + s).isKnown()) {
            return CALM_API + s;
        }
        String closest = CalmScope.closestKnown(s).stream().map(k -> shortName(k.name()))
                .collect(Collectors.joining(" or "));
        throw new ValidationException("--scopes", "contains the unknown scope '" + quoted(s) + "' (did you mean "
                + closest + "?)", "scopes calm-sdk knows, e.g. projects.read,tasks.write; --custom-scope " + quoted(s)
                + " adds one it does not know, as written");
    }

    private static String shortName(String name) {
        return name.startsWith(CALM_API) ? name.substring(CALM_API.length()) : name;
    }
}
