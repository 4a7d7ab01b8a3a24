package io.calmsdk.testkit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer to send: status, headers and body, or a connection reset. */
public final class SimResponse {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private final boolean reset;
    private boolean truncated;
    private Duration delay = Duration.ZERO;

    private SimResponse(int status, String contentType, byte[] body, boolean reset) {
        this.status = status;
        this.body = body;
        this.reset = reset;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    /**
     * A JSON answer.
     *
     * @param status HTTP status
     * @param body JSON tree
     * @return the response
     */
    public static SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, "application/json", JsonSupport.bytes(body), false);
    }

    /**
     * A plain-text answer.
     *
     * @param status HTTP status
     * @param text body text
     * @return the response
     */
    public static SimResponse text(int status, String text) {
        return new SimResponse(status, "text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * An answer without a body.
     *
     * @param status HTTP status
     * @return the response
     */
    public static SimResponse empty(int status) {
        return new SimResponse(status, null, new byte[0], false);
    }

    /**
     * No answer at all: the connection is closed.
     *
     * @return the response marker
     */
    public static SimResponse reset() {
        return new SimResponse(0, null, new byte[0], true);
    }

    /**
     * Adds a header.
     *
     * @param name header name
     * @param value header value
     * @return this response
     */
    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** @return the HTTP status, 0 for a reset */
    public int status() {
        return status;
    }

    /** @return the headers */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the body */
    public byte[] body() {
        return body;
    }

    /** @return whether the connection is to be closed without an answer */
    public boolean isReset() {
        return reset;
    }

    /**
     * The same answer (status and headers) with a body that is not valid JSON, as a misbehaving proxy or
     * a half-deployed service might send. An answer without a body (e.g. 204) becomes a 200 with that body.
     *
     * @param malformedBody the broken body
     * @return a new response
     */
    public SimResponse withMalformedBody(String malformedBody) {
        int newStatus = status == 204 || status == 304 || body.length == 0 ? 200 : status;
        SimResponse spoiled = new SimResponse(newStatus, null, malformedBody.getBytes(StandardCharsets.UTF_8), false);
        headers.forEach(spoiled.headers::put);
        spoiled.headers.put("Content-Type", "application/json");
        return spoiled;
    }

    /**
     * Marks the answer to be cut off: its headers announce the whole body, but only the first half is
     * sent before the connection is closed. An answer without a body announces two bytes and sends none
     * (204 and 304, which cannot carry a body, become 200).
     *
     * @return this response
     */
    public SimResponse truncate() {
        this.truncated = true;
        return this;
    }

    /**
     * Holds the answer back: it is recorded in the journal at once, then sent after this wall-clock delay.
     *
     * @param wait the delay
     * @return this response
     */
    public SimResponse delayBy(Duration wait) {
        this.delay = wait;
        return this;
    }

    /** @return the wall-clock delay before the answer is sent, see {@link #delayBy(Duration)} */
    public Duration delay() {
        return delay;
    }

    /** @return whether the body is to be cut off, see {@link #truncate()} */
    public boolean isTruncated() {
        return truncated;
    }
}
