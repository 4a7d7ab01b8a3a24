package io.calmsdk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code calm token}: fetches an OAuth token with a key and shows what it holds (client id, scopes,
 * expiry, subaccount), which answers most "why does my call get 401/403" questions. The token value is
 * printed only with {@code --reveal}; {@code calm token --reveal --quiet} prints nothing else, for
 * scripts.
 */
@Command(name = "token", sortOptions = false,
        description = {"Fetch an OAuth token with a key and show its client id, scopes and expiry.",
            "The token itself is printed only with --reveal. Without a key: a key of the in-process simulator."})
final class TokenCommand implements Callable<Integer> {

    /** Which kind of key {@code --key} holds. */
    enum Kind { calm, cis, sm }

    @ParentCommand
    CalmCommand calm;

    @Option(names = "--key", paramLabel = "FILE",
            description = "The key file. Default: env CALM_SERVICE_KEY (calm), CALM_CIS_KEY (cis) or CALM_SM_KEY (sm),"
                    + " as JSON text or a file path.")
    Path keyFile;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "calm",
            description = "calm (Cloud ALM service key, default), cis (Cloud Management) or sm (Service Manager).")
    Kind kind;

    @Option(names = "--reveal", description = "Also print the token itself.")
    boolean reveal;

    @Override
    public Integer call() {
        Printer printer = calm.printer();
        CliContext context = calm.context();
        AdminKeyLoader loader = new AdminKeyLoader(context.environment());
        ClientCredentialsTokenProvider.Builder builder = ClientCredentialsTokenProvider.builder()
                .options(context.clientOptions());
        boolean loaded;
        switch (kind) {
            case cis:
                loaded = loader.cisKey(keyFile).map(builder::credentials).isPresent();
                break;
            case sm:
                loaded = loader.serviceManagerKey(keyFile).map(builder::credentials).isPresent();
                break;
            default:
                loaded = loader.cloudAlmKey(keyFile).map(builder::credentials).isPresent();
        }
        try (EmbeddedSimulator sim = loaded ? null : EmbeddedSimulator.start()) {
            if (sim != null) {
                printer.line(EmbeddedSimulator.NOTICE);
                switch (kind) {
                    case cis:
                        builder.credentials(sim.cisKey());
                        break;
                    case sm:
                        builder.credentials(sim.serviceManagerKey(sim.defaultSubaccountId()));
                        break;
                    default:
                        builder.credentials(sim.cloudAlmKey(BindingOptions.DEFAULT_SCOPES.toArray(new String[0])));
                }
            }
            try (ClientCredentialsTokenProvider tokens = builder.build()) {
                AccessToken token = tokens.token();
                String tokenUrl = tokens.tokenUrl().toString();
                printer.line("Token of the " + describe(kind) + " key:");
                TokenView.lines(token, tokenUrl, context.clock(), reveal).forEach(printer::line);
                if (printer.mode() == Printer.Mode.QUIET && reveal) {
                    printer.value(token.value().reveal());
                }
                ObjectNode doc = printer.object().put("ok", true).put("mode", sim != null ? "embedded-simulator" : "keys")
                        .put("kind", kind.name());
                doc.set("token", TokenView.json(token, tokenUrl, reveal));
                printer.document(doc);
            }
        }
        return ExitCodes.OK;
    }

    private static String describe(Kind kind) {
        switch (kind) {
            case cis:
                return "Cloud Management (cis)";
            case sm:
                return "Service Manager";
            default:
                return "Cloud ALM";
        }
    }
}
