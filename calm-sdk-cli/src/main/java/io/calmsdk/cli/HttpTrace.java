package io.calmsdk.cli;

import io.calmsdk.core.http.RequestListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code --verbose} shows of HTTP: one line when an attempt is sent and one when it ends, built from
 * calm-sdk's request-listener events, which never carry a secret (masked URLs, no header values, no bodies).
 * With {@code --json} each line is a JSON object on standard error.
 */
final class HttpTrace implements RequestListener {

    private final PrintWriter err;
    private final boolean json;

    HttpTrace(PrintWriter err, boolean json) {
        this.err = Objects.requireNonNull(err, "err");
        this.json = json;
    }

    @Override
    public Map<String, String> beforeAttempt(RequestListener.Event event) {
        print(event, "-> " + event.method() + " " + event.url() + " (" + event.api() + ", attempt " + event.attempt()
                + ")");
        return Map.of();
    }

    @Override
    public void afterAttempt(RequestListener.Event event) {
        String answer = event.status().isPresent() ? "HTTP " + event.status().getAsInt()
                : event.failure().orElse("no answer");
        String outcome = event.outcome() == RequestListener.Event.Outcome.RETRYING ? ", retrying"
                : event.outcome() == RequestListener.Event.Outcome.FAILED ? ", failed" : "";
        print(event, "<- " + answer + " " + event.method() + " " + event.url() + " in "
                + Durations.human(event.duration()) + outcome + " [correlation id " + event.correlationId() + "]");
    }

    private void print(RequestListener.Event event, String line) {
        synchronized (err) {
            if (json) {
                var node = Printer.mapper().createObjectNode().put("http", event.outcome().name().toLowerCase(
                        java.util.Locale.ROOT)).put("api", event.api()).put("method", event.method())
                        .put("url", event.url()).put("attempt", event.attempt())
                        .put("correlationId", event.correlationId());
                event.status().ifPresent(s -> node.put("status", s));
                event.failure().ifPresent(f -> node.put("failure", f));
                if (event.outcome() != RequestListener.Event.Outcome.SENDING) {
                    node.put("durationMs", event.duration().toMillis());
                }
                err.println(node.toString());
            } else {
                err.println("http: " + line);
            }
            err.flush();
        }
    }
}
