package io.calmsdk.core.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a Kubernetes Secret mounted as a directory into one JSON object: one field per file, file
 * contents that are JSON objects or arrays (how the SAP BTP service operator writes nested values)
 * parsed, everything else kept as text. Hidden entries ({@code ..data} and the timestamped directories
 * of the atomic-writer layout) are skipped. Kubernetes mounts secrets group-readable by default
 * ({@code defaultMode 0644}), so no permission warning is logged here.
 */
final class KubernetesSecretDirectory {

    private KubernetesSecretDirectory() {
    }

    static ObjectNode read(Path directory, String kind, String source) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidServiceKeyException("$", kind + " from " + source + " cannot be read: not a directory");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidServiceKeyException("$", kind + " from " + source + " cannot be listed: "
                    + e.getClass().getSimpleName());
        }
        if (files.isEmpty()) {
            throw new InvalidServiceKeyException("$", kind + " from " + source + " is empty: no files found");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = KeyFileReader.read(file, kind, source + ", file " + name, false);
            out.set(name, value(text));
        }
        return out;
    }

    private static JsonNode value(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return Json.mapper().readTree(trimmed);
            } catch (JsonProcessingException e) {
                // Not JSON after all: keep the text; the key validation reports the field if it matters.
                return JsonNodeFactory.instance.textNode(text);
            }
        }
        return JsonNodeFactory.instance.textNode(text);
    }
}
