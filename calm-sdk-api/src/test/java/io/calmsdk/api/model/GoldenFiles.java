package io.calmsdk.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The golden fixtures under {@code src/test/resources/golden}, as bytes or as a JSON tree. */
final class GoldenFiles {

    private GoldenFiles() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String name) {
        try {
            return Json.mapper().readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
