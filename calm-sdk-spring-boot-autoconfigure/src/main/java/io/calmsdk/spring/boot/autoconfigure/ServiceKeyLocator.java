package io.calmsdk.spring.boot.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Finds where the Cloud ALM service key comes from, in the documented order, without reading a secret:
 * {@code calm.service-key}, then {@code VCAP_SERVICES}, then Kubernetes bindings. Reading the key is left to
 * the returned {@link Location}, so that a condition can decide cheaply and a bean can read once.
 */
final class ServiceKeyLocator {

    static final String LABEL = ServiceKeys.CALM_VCAP_LABEL;
    static final String SERVICE_BINDING_ROOT = "SERVICE_BINDING_ROOT";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceKeyLocator() {
    }

    /** Where a key is, described without its content, and how to read it. */
    record Location(String description, Supplier<ServiceKey> reader) {
        ServiceKey read() {
            return reader.get();
        }
    }

    /** Where the starter looks, for the INFO line when it finds nothing. */
    static String placesLookedAt(CalmProperties properties, Environment environment) {
        String bindingRoot = environment.getProperty(SERVICE_BINDING_ROOT);
        return "calm.service-key, VCAP_SERVICES (label " + LABEL + "), "
                + (properties.getKubernetes().getBindingDirectory() != null
                        ? "calm.kubernetes.binding-directory, " : "")
                + (bindingRoot != null ? SERVICE_BINDING_ROOT + " (" + bindingRoot + "), " : "")
                + properties.getKubernetes().getSecretsRoot().resolve(LABEL);
    }

    static CalmProperties bind(Environment environment) {
        return Binder.get(environment).bind("calm", Bindable.of(CalmProperties.class)).orElseGet(CalmProperties::new);
    }

    static Optional<Location> locate(Environment environment) {
        return locate(bind(environment), environment);
    }

    static Optional<Location> locate(CalmProperties properties, Environment environment) {
        String setting = properties.getServiceKey();
        if (setting != null && !setting.isBlank()) {
            return Optional.of(new Location("calm.service-key (" + describe(setting) + ")",
                    () -> read("calm.service-key", setting, ServiceKeys.calm())));
        }
        Optional<Location> vcap = fromVcap(properties, environment.getProperty("VCAP_SERVICES"));
        if (vcap.isPresent()) {
            return vcap;
        }
        Path explicit = properties.getKubernetes().getBindingDirectory();
        if (explicit != null) {
            return Optional.of(kubernetes("calm.kubernetes.binding-directory", explicit));
        }
        String instance = properties.getInstanceName();
        String bindingRoot = environment.getProperty(SERVICE_BINDING_ROOT);
        if (bindingRoot != null && !bindingRoot.isBlank()) {
            List<Path> found = subdirectories(Path.of(bindingRoot)).stream()
                    .filter(ServiceKeyLocator::isCloudAlmBinding)
                    .filter(d -> instance == null || d.getFileName().toString().equals(instance))
                    .collect(Collectors.toList());
            Optional<Location> one = oneOf(found, SERVICE_BINDING_ROOT + " " + bindingRoot);
            if (one.isPresent()) {
                return one;
            }
        }
        Path operatorRoot = properties.getKubernetes().getSecretsRoot().resolve(LABEL);
        List<Path> found = subdirectories(operatorRoot).stream()
                .filter(d -> instance == null || d.getFileName().toString().equals(instance))
                .collect(Collectors.toList());
        return oneOf(found, "the SAP BTP service operator's mount " + operatorRoot);
    }

    /**
     * Describes a key setting without its content: a setting holding a brace is the key's JSON (a file name
     * never holds one), anything else a file path.
     */
    static String describe(String value) {
        if (value.contains("{")) {
            return "JSON";
        }
        // Never the value itself: a key pasted in another encoding (base64, say) is a secret, not a path.
        return looksLikeAPath(value) ? "file " + Path.of(value.strip())
                : "a value that is neither JSON nor a readable file (" + value.length() + " characters)";
    }

    /** Reads a key setting of any kind: JSON text or a file path; anything else is refused without echoing it. */
    static <T> T read(String setting, String value, ServiceKeys.Reader<T> reader) {
        if (value.contains("{")) {
            return reader.fromJson(value);
        }
        if (!looksLikeAPath(value)) {
            throw new ValidationException(setting, "holds neither JSON nor the path of a readable file ("
                    + value.length() + " characters)", "the path of a key file, or the key's JSON");
        }
        return reader.fromFile(Path.of(value.strip()));
    }

    /**
     * A file that exists, or one in a directory that exists (a missing file is then named, as a path is no
     * secret); anything else may be a key in another encoding and is never shown.
     */
    private static boolean looksLikeAPath(String value) {
        try {
            Path path = Path.of(value.strip());
            if (Files.isRegularFile(path) || path.getFileName().toString().endsWith(".json")) {
                return true;
            }
            return path.getParent() != null && Files.isDirectory(path.getParent());
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static Optional<Location> fromVcap(CalmProperties properties, String vcapServices) {
        if (vcapServices == null || vcapServices.isBlank()) {
            return Optional.empty();
        }
        JsonNode entries;
        try {
            entries = JSON.readTree(vcapServices).path(LABEL);
        } catch (IOException e) {
            // Not ours to judge: other bindings may still work; the key is simply not found there.
            return Optional.empty();
        }
        if (!entries.isArray() || entries.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> env = Map.of("VCAP_SERVICES", vcapServices);
        String name = properties.getInstanceName();
        if (name != null && !name.isBlank()) {
            return Optional.of(new Location("VCAP_SERVICES (label " + LABEL + ", name " + name + ")",
                    () -> ServiceKeys.calm().fromVcapServices(name, env)));
        }
        return Optional.of(new Location("VCAP_SERVICES (label " + LABEL + ")",
                () -> ServiceKeys.calm().fromVcapServices(env)));
    }

    private static Location kubernetes(String where, Path directory) {
        return new Location(where + " (" + directory + ")", () -> ServiceKeys.calm().fromKubernetesSecret(directory));
    }

    private static Optional<Location> oneOf(List<Path> found, String where) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() == 1) {
            return Optional.of(kubernetes("Kubernetes binding under " + where, found.get(0)));
        }
        String names = found.stream().map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
        return Optional.of(new Location("Kubernetes bindings under " + where + " (several: " + names + ")", () -> {
            throw new IllegalStateException("Several Cloud ALM bindings found under " + where + ": " + names
                    + "; set calm.instance-name to the one to use");
        }));
    }

    private static List<Path> subdirectories(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** A servicebinding.io binding whose {@code type} (or the operator's {@code label}) is the Cloud ALM API. */
    private static boolean isCloudAlmBinding(Path directory) {
        for (String file : List.of("type", "label")) {
            Path p = directory.resolve(file);
            try {
                if (Files.isRegularFile(p) && Files.size(p) < 256
                        && Files.readString(p, StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT)
                                .equals(LABEL.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            } catch (IOException e) {
                // Unreadable: not a binding we can use.
            }
        }
        return false;
    }
}
