package io.calmsdk.core.http;

import java.util.Map;

/**
 * Told before and after every HTTP attempt a calm-sdk client makes, token requests included: the hook for
 * metrics, tracing and extra headers. Register listeners with
 * {@link io.calmsdk.core.ClientOptions.Builder#addRequestListener(RequestListener)}.
 *
 * <pre>{@code
 * RequestListener timing = new RequestListener() {
 *     public void afterAttempt(RequestEvent event) {
 *         metrics.record(event.api(), event.status().orElse(0), event.duration());
 *     }
 * };
 * }</pre>
 *
 * <p>A listener never sees a secret: URLs have user info and secret query parameters masked, and neither
 * header values nor bodies are passed. Listeners run on the thread that makes the attempt (for asynchronous
 * calls, a thread of the HTTP client), so they must be quick and thread-safe. An exception thrown by a
 * listener is logged at WARN and ignored: it never fails the call.
 */
public interface RequestListener {

    /**
     * Called before an attempt is sent; may return headers to add to that attempt, e.g. a trace context.
     * Headers that calm-sdk sets itself ({@code Authorization}, {@code User-Agent},
     * {@code X-CorrelationID}, {@code Content-Type}, {@code Accept}) and headers the JDK restricts
     * ({@code Host}, {@code Content-Length}, {@code Connection}, …) cannot be set this way and are
     * ignored with a WARN log line.
     *
     * @param event the attempt; {@link RequestEvent#outcome()} is {@link RequestEvent.Outcome#SENDING}
     * @return headers to add (name to value); empty by default
     */
    default Map<String, String> beforeAttempt(RequestEvent event) {
        return Map.of();
    }

    /**
     * Called when an attempt has ended: answered, failed, or about to be retried.
     *
     * @param event the attempt with its status (when an answer came), duration and outcome
     */
    default void afterAttempt(RequestEvent event) {
    }
}
