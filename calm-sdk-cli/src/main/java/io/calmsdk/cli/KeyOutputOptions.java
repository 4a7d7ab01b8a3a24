package io.calmsdk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.OAuthClientCredentials;
import io.calmsdk.core.model.ServiceKey;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the resulting Cloud ALM key goes: a file created owner-only (calm-sdk's {@code ServiceKeys.write}), the
 * screen masked, or the screen in clear with {@code --reveal}. Secrets are never printed otherwise.
 */
final class KeyOutputOptions {

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Write the Cloud ALM service key to FILE, created owner-only (0600) and replaced atomically.")
    Path keyFile;

    @Option(names = "--reveal",
            description = "Print secrets (client secret, private key, token) in clear. Without it they print as ***.")
    boolean reveal;

    /**
     * Stores and shows one key as the flags say, and records it in the JSON document.
     *
     * @param key the Cloud ALM key
     * @param printer the output
     * @param doc the command's JSON document
     */
    void present(ServiceKey key, Printer printer, ObjectNode doc) {
        if (keyFile != null) {
            ServiceKeys.write(keyFile, key);
            printer.line("Cloud ALM service key written to " + keyFile.toAbsolutePath() + " (owner-only, 0600).");
            doc.put("keyFile", keyFile.toAbsolutePath().toString());
        }
        doc.set("serviceKey", ResultViews.key(key, reveal));
        if (reveal) {
            printer.line("Cloud ALM service key (secrets in clear, as asked with --reveal):");
            printer.value(key.revealJson());
        } else if (keyFile == null) {
            printer.line("Cloud ALM service key (secrets masked; --reveal prints the whole key, --key-file FILE stores"
                    + " it owner-only):");
            summary(key).forEach(printer::line);
        }
    }

    /** The fields a person checks in a key, secrets as {@code ***}. */
    static List<String> summary(ServiceKey key) {
        OAuthClientCredentials uaa = key.uaa();
        List<String> rows = new ArrayList<>();
        rows.add(row("endpoints.Api", key.apiEndpoint().toString()));
        uaa.url().ifPresent(u -> rows.add(row("uaa.url", u.toString())));
        rows.add(row("uaa.clientid", uaa.clientId()));
        if (uaa.isX509()) {
            uaa.certUrl().ifPresent(u -> rows.add(row("uaa.certurl", u.toString())));
            rows.add(row("uaa.certificate", uaa.certificate().isPresent() ? "(PEM, not secret)" : "-"));
            rows.add(row("uaa.key", "***"));
        } else {
            rows.add(row("uaa.clientsecret", "***"));
        }
        return rows;
    }

    private static String row(String name, String value) {
        return String.format("  %-17s %s", name, value);
    }

    /** {@code --key-dir}: where fleet runs (provision only) write one key per subaccount. */
    static final class Dir {
        @Option(names = "--key-dir", paramLabel = "DIR",
                description = "Fleet runs: write each key to DIR/<subaccount>.json (owner-only; DIR is created 0700).")
        Path keyDir;

        /**
         * Writes one key of a fleet run into {@code --key-dir}, if given.
         *
         * @param subaccountId names the file
         * @param key the key
         * @return the file written, or {@code null} without {@code --key-dir}
         */
        Path writeToDir(String subaccountId, ServiceKey key) {
            if (keyDir == null) {
                return null;
            }
            createPrivateDirectory(keyDir);
            Path file = keyDir.resolve(subaccountId + ".json");
            ServiceKeys.write(file, key);
            return file.toAbsolutePath();
        }
    }

    private static void createPrivateDirectory(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new ValidationException("--key-dir", "cannot be created (" + dir + ": " + e.getClass().getSimpleName()
                    + ")", "a directory path you may write to");
        }
    }
}
