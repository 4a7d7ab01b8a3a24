package io.calmsdk.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the service's error code and message from an error answer's body, whichever envelope the
 * service uses:
 * <ul>
 *   <li>Service Manager: {@code {"error":"Conflict","description":"...","broker_error":...}}</li>
 *   <li>cis (Entitlements, Accounts): {@code {"error":{"code":11000,"message":"...","correlationID":"...",
 *       "details":[{"code":11001,"message":"..."}]}}}, also without the {@code error} wrapper</li>
 *   <li>OAuth (XSUAA): {@code {"error":"invalid_client","error_description":"Bad credentials"}}</li>
 *   <li>OData (Cloud ALM): {@code {"error":{"code":"...","message":"..."}}}, v2's
 *       {@code "message":{"value":"..."}} too</li>
 *   <li>a bare {@code {"description":"..."}} or {@code {"message":"..."}}</li>
 * </ul>
 * A body that is not JSON gives no code; its text becomes the message only when the caller allows it,
 * as a short prefix, and never when it is HTML.
 */
public final class ErrorEnvelopes {

    /** Long enough for any real error description, short enough to keep messages readable. */
    static final int MAX_MESSAGE_CHARS = 500;
    static final int MAX_TEXT_PREFIX_CHARS = 200;

    private ErrorEnvelopes() {
    }

    /**
     * Parses an error body into a failure builder with status, error code, message and the service's
     * correlation id set; the caller adds method, URL and attempts. The raw text of a non-JSON body is
     * not used.
     *
     * @param status the HTTP status
     * @param body the body, may be empty or {@code null}
     * @return a builder for the failure
     */
    public static ServiceFailure.Builder parse(int status, byte[] body) {
        return parse(status, body, false);
    }

    /**
     * Parses an error body into a failure builder with status, error code, message and the service's
     * correlation id set; the caller adds method, URL and attempts.
     *
     * @param status the HTTP status
     * @param body the body, may be empty or {@code null}
     * @param echoPlainText whether a short prefix of a non-JSON, non-HTML body may become the message;
     *     pass {@code false} whenever the body could hold a secret (token calls)
     * @return a builder for the failure
     */
    public static ServiceFailure.Builder parse(int status, byte[] body, boolean echoPlainText) {
        Parsed p = read(body, echoPlainText);
        return ServiceFailure.builder().status(status).errorCode(p.code).errorMessage(p.message)
                .correlationId(p.correlationId);
    }

    /** What an error body says. */
    static final class Parsed {
        final String code;
        final String message;
        final String correlationId;

        Parsed(String code, String message, String correlationId) {
            this.code = code;
            this.message = message;
            this.correlationId = correlationId;
        }
    }

    static Parsed read(byte[] body, boolean echoPlainText) {
        if (body == null || body.length == 0) {
            return new Parsed(null, null, null);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException notJson) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new Parsed(null, echoPlainText ? textPrefix(body) : null, null);
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            // cis wrapped or OData
            return fromCodeMessage(error, root);
        }
        if (error != null && error.isTextual()) {
            // Service Manager or OAuth (or a Spring-style {"error","message"})
            String message = firstText(root, "description", "error_description", "message");
            String broker = brokerError(root.get("broker_error"));
            if (broker != null) {
                message = message == null ? "broker error: " + broker : message + " (broker error: " + broker + ")";
            }
            return new Parsed(error.asText(), limit(message), firstText(root, "correlationID", "correlation_id",
                    "correlationId"));
        }
        // cis without the wrapper, or a bare description/message
        return fromCodeMessage(root, root);
    }

    private static Parsed fromCodeMessage(JsonNode node, JsonNode root) {
        String code = scalar(node.get("code"));
        String message = messageOf(node.get("message"));
        if (message == null) {
            message = firstText(node, "description", "error_description");
        }
        List<String> details = new ArrayList<>();
        JsonNode detailNodes = node.get("details");
        if (detailNodes != null && detailNodes.isArray()) {
            for (JsonNode d : detailNodes) {
                String dm = messageOf(d.get("message"));
                String dc = scalar(d.get("code"));
                if (dm != null && !dm.equals(message)) {
                    details.add(dc == null ? dm : dc + ": " + dm);
                }
            }
        }
        if (!details.isEmpty()) {
            String joined = String.join("; ", details);
            message = message == null ? joined : message + " (" + joined + ")";
        }
        String correlationId = firstText(node, "correlationID", "correlation_id", "correlationId");
        if (correlationId == null && node != root) {
            correlationId = firstText(root, "correlationID", "correlation_id", "correlationId");
        }
        return new Parsed(code, limit(message), correlationId);
    }

    private static String messageOf(JsonNode message) {
        if (message == null || message.isNull()) {
            return null;
        }
        if (message.isObject()) {
            // OData v2: {"lang":"en","value":"..."}
            return scalar(message.get("value"));
        }
        return scalar(message);
    }

    private static String brokerError(JsonNode broker) {
        if (broker == null || broker.isNull()) {
            return null;
        }
        if (broker.isObject()) {
            String m = firstText(broker, "description", "message", "error");
            return m != null ? m : broker.toString();
        }
        return scalar(broker);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String s = scalar(node.get(name));
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static String scalar(JsonNode n) {
        if (n == null || !n.isValueNode() || n.isNull()) {
            return null;
        }
        String s = n.asText();
        return s.isBlank() ? null : s;
    }

    private static String textPrefix(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, MAX_TEXT_PREFIX_CHARS * 4), StandardCharsets.UTF_8)
                .strip();
        if (s.isEmpty() || s.startsWith("<")) {
            return null;  // HTML error pages say nothing useful and can be huge
        }
        s = s.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "");
        return s.length() > MAX_TEXT_PREFIX_CHARS ? s.substring(0, MAX_TEXT_PREFIX_CHARS) + "..." : s;
    }

    private static String limit(String message) {
        if (message == null) {
            return null;
        }
        String s = message.strip();
        return s.length() > MAX_MESSAGE_CHARS ? s.substring(0, MAX_MESSAGE_CHARS) + "..." : s;
    }
}
