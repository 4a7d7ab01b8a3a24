package io.calmsdk.core.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.calmsdk.core.internal.text.IsoTimes;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few wire shapes that Jackson cannot read or write through the models' builders as they are,
 * named by the models' {@code @JsonDeserialize}/{@code @JsonSerialize} annotations. Each one is a
 * tolerance the servers need: the rest of every model is plain Jackson.
 */
final class WireFormats {

    private WireFormats() {
    }

    /**
     * A timestamp: ISO-8601 with {@code Z} or an offset. Anything else reads as absent rather than
     * failing the whole answer over a date the SDK only reports.
     */
    static final class Timestamp extends StdDeserializer<Instant> {

        private static final long serialVersionUID = 1L;

        Timestamp() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.isExpectedStartObjectToken() || p.isExpectedStartArrayToken()) {
                return (Instant) context.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getValueAsString();
            Instant fast = text == null ? null : IsoTimes.instant(text, true);
            if (fast != null) {
                return fast;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
    }

    /** An amount: whole numbers are written without a fraction ({@code 2}, not {@code 2.0}), as the server does. */
    static final class WholeNumber extends StdSerializer<Double> {

        private static final long serialVersionUID = 1L;

        WholeNumber() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                gen.writeNumber(value.longValue());
            } else {
                gen.writeNumber(value);
            }
        }
    }

    /**
     * The scalar members of a free-form object, such as an instance's platform {@code context}, as text
     * in document order; nested objects and arrays (platform-specific) are skipped.
     */
    static final class ScalarMembers extends StdDeserializer<Map<String, String>> {

        private static final long serialVersionUID = 1L;

        ScalarMembers() {
            super(Map.class);
        }

        @Override
        public Map<String, String> deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(p);
            if (!node.isObject()) {
                return context.reportInputMismatch(this, "is not a JSON object");
            }
            Map<String, String> out = new LinkedHashMap<>();
            node.properties().forEach(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
            return out;
        }
    }

    /**
     * The {@code errors} of an operation. The server sends an array, a single object or a plain
     * string; all become a list here, and entries with neither an error code nor a description are
     * dropped.
     */
    static final class OperationErrors extends StdDeserializer<List<OperationError>> {

        private static final long serialVersionUID = 1L;

        OperationErrors() {
            super(List.class);
        }

        @Override
        public List<OperationError> deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(p);
            List<OperationError> out = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode item : node) {
                    add(out, item, context);
                }
            } else {
                add(out, node, context);
            }
            return out;
        }

        private static void add(List<OperationError> out, JsonNode item, DeserializationContext context) throws IOException {
            OperationError error;
            if (item.isTextual()) {
                error = OperationError.builder().description(item.textValue()).build();
            } else if (item.isObject()) {
                error = context.readTreeAsValue(item, OperationError.class);
            } else {
                return;
            }
            if (present(error.error()) || present(error.description())) {
                out.add(error);
            }
        }

        private static boolean present(Optional<String> text) {
            return text.filter(t -> !t.isBlank()).isPresent();
        }
    }
}
