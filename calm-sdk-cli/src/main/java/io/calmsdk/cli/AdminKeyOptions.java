package io.calmsdk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The admin key flags of provision, deprovision and rotate. */
final class AdminKeyOptions {

    @Option(names = "--cis-key", paramLabel = "FILE",
            description = "Cloud Management (cis) key, plan central: assigns the entitlement and, without --sm-key, "
                    + "gets each subaccount's Service Manager credentials. Default: env CALM_CIS_KEY (JSON text or a file path).")
    Path cisKey;

    @Option(names = "--sm-key", paramLabel = "FILE",
            description = "Service Manager key, plan subaccount-admin: creates the instance and binding. "
                    + "Default: env CALM_SM_KEY (JSON text or a file path).")
    Path smKey;
}
