package io.calmsdk.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reading and writing the fields {@link Operation} and {@link LastOperation} share. */
final class OperationJson {

    private OperationJson() {
    }

    /** {@code errors}: an array, a single object or a string on the wire; always a list here. */
    static List<OperationError> errors(JsonIn in) {
        JsonNode v = in.node().get("errors");
        List<OperationError> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> add(out, e));
        } else {
            add(out, v);
        }
        return out;
    }

    private static void add(List<OperationError> out, JsonNode e) {
        if (e.isTextual() || e.isObject() && e.size() > 0) {
            OperationError error = OperationError.fromJson(e);
            if (error.error().isPresent() || error.description().isPresent()) {
                out.add(error);
            }
        }
    }

    static String summary(List<OperationError> errors, java.util.Optional<String> description) {
        if (!errors.isEmpty()) {
            return errors.stream().map(OperationError::summary).collect(Collectors.joining("; "));
        }
        return description.orElse("(no details)");
    }
}
