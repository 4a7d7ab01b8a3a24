package io.calmsdk.core.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an answer that says it is JSON is whole, well-formed JSON: a garbled or cut-short body of an
 * idempotent call is retried like a broken connection, rather than failing later in the decoder. Reads
 * tokens only (no tree), and its messages give a position, never the body's content.
 */
final class JsonCheck {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private JsonCheck() {
    }

    /**
     * The problem with a body whose {@code Content-Type} is JSON.
     *
     * @return empty when the body is well-formed, not JSON by its type, or empty
     */
    static Optional<String> problem(HttpHeaders headers, byte[] body) {
        if (body == null || body.length == 0 || !isJson(headers)) {
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            while (parser.nextToken() != null) {
                // reading every token is the check
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of(describe(e, body.length));
        } catch (IOException e) {
            return Optional.of("not readable as JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Whether the answer's {@code Content-Type} says JSON ({@code .../json} or {@code ...+json}). */
    static boolean isJson(HttpHeaders headers) {
        String type = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        return mediaType.endsWith("/json") || mediaType.endsWith("+json");
    }

    /** The problem a parser found, by position and size, never by content. */
    static String describe(JsonProcessingException e, int length) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "not valid JSON" + where + " (" + length + " bytes)";
    }
}
