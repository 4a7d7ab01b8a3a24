package io.calmsdk.cli;

import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the keys a command needs: a flag naming a file wins; otherwise an environment variable holding
 * either the key's JSON text or the path of a key file. Nothing found means "no key", which the
 * commands answer by running against the in-process simulator.
 *
 * <table>
 * <caption>Key sources</caption>
 * <tr><th>Key</th><th>Flag</th><th>Variable</th></tr>
 * <tr><td>Cloud Management ({@code cis}, plan {@code central})</td><td>{@code --cis-key FILE}</td><td>{@value #CIS_VARIABLE}</td></tr>
 * <tr><td>Service Manager ({@code subaccount-admin})</td><td>{@code --sm-key FILE}</td><td>{@value #SM_VARIABLE}</td></tr>
 * <tr><td>Cloud ALM service key</td><td>{@code --key FILE}</td><td>{@value #CALM_VARIABLE}</td></tr>
 * </table>
 *
 * <p>Reading goes through calm-sdk's {@link ServiceKeys}, so every layout it accepts works (cockpit
 * JSON, {@code btp} and {@code cf} CLI output) and a bad key is an {@code InvalidServiceKeyException}
 * naming the JSON path and the source, never the key's content.
 */
final class AdminKeyLoader {

    static final String CIS_VARIABLE = "CALM_CIS_KEY";
    static final String SM_VARIABLE = "CALM_SM_KEY";
    static final String CALM_VARIABLE = "CALM_SERVICE_KEY";

    private final Map<String, String> environment;

    AdminKeyLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    Optional<CisKey> cisKey(Path file) {
        return load(ServiceKeys.cis(), file, CIS_VARIABLE);
    }

    Optional<ServiceManagerKey> serviceManagerKey(Path file) {
        return load(ServiceKeys.serviceManager(), file, SM_VARIABLE);
    }

    Optional<ServiceKey> cloudAlmKey(Path file) {
        return load(ServiceKeys.calm(), file, CALM_VARIABLE);
    }

    private <T> Optional<T> load(ServiceKeys.Reader<T> reader, Path file, String variable) {
        if (file != null) {
            return Optional.of(reader.fromFile(file));
        }
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        // JSON text contains a brace; a path never needs one.
        if (value.indexOf('{') >= 0) {
            return Optional.of(reader.fromEnvironment(variable, environment));
        }
        return Optional.of(reader.fromFile(readableFile(variable, value)));
    }

    /**
     * The file a variable names. Anything else may be a key in another encoding (base64, a secret pasted
     * alone), so it is never quoted: the message gives only the variable's name and the value's length.
     *
     * @throws InvalidServiceKeyException when the value is neither JSON nor the path of a readable file
     */
    static Path readableFile(String variable, String value) {
        try {
            Path path = Path.of(value.strip());
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return path;
            }
        } catch (InvalidPathException e) {
            // not a path: refused below
        }
        throw new InvalidServiceKeyException("$", variable + " holds neither JSON nor the path of a readable file"
                + " (its value, " + value.length() + " characters, is not shown); set it to the key's JSON text or to"
                + " the path of the key file");
    }
}
