package io.calmsdk.core.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Told before and after every HTTP attempt a calm-sdk client makes, token requests included: the hook for
 * metrics, tracing and extra headers. Register listeners with
 * {@link io.calmsdk.core.ClientOptions.Builder#addRequestListener(RequestListener)}.
 *
 * <pre>{@code
 * RequestListener timing = new RequestListener() {
 *     public void afterAttempt(Event event) {
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
     * @param event the attempt; {@link Event#outcome()} is {@link Event.Outcome#SENDING}
     * @return headers to add (name to value); empty by default
     */
    default Map<String, String> beforeAttempt(Event event) {
        return Map.of();
    }

    /**
     * Called when an attempt has ended: answered, failed, or about to be retried.
     *
     * @param event the attempt with its status (when an answer came), duration and outcome
     */
    default void afterAttempt(Event event) {
    }

    /**
     * One HTTP attempt as a {@link RequestListener} sees it. Holds no secret: the URL has user info and
     * secret query parameters masked, and no header value or body is included. Immutable.
     */
    public static final class Event {

        /** How an attempt ended, or {@link #SENDING} before it is sent. */
        public enum Outcome {
            /** The attempt is about to be sent (only in {@link RequestListener#beforeAttempt(Event)}). */
            SENDING,
            /** A 2xx (or an expected) answer came: the call returns it. */
            SUCCEEDED,
            /** The attempt failed (a status or an I/O problem) and the call will try again. */
            RETRYING,
            /** The attempt failed and the call ends with an exception. */
            FAILED
        }

        private final String api;
        private final String method;
        private final String url;
        private final int attempt;
        private final String correlationId;
        private final Outcome outcome;
        private final int status;
        private final Duration duration;
        private final String failure;

        private Event(String api, String method, String url, int attempt, String correlationId,
                Outcome outcome, int status, Duration duration, String failure) {
            this.api = Objects.requireNonNull(api, "api");
            this.method = Objects.requireNonNull(method, "method");
            this.url = Objects.requireNonNull(url, "url");
            this.attempt = attempt;
            this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            this.status = status;
            this.duration = Objects.requireNonNull(duration, "duration");
            this.failure = failure;
        }

        /**
         * The event before an attempt is sent. Made by calm-sdk's transport; public for tests of listeners.
         *
         * @param api which API is called, e.g. {@code cloud-alm}, {@code service-manager}, {@code token}
         * @param method the HTTP method
         * @param redactedUrl the URL with secrets masked
         * @param attempt the attempt number, from 1
         * @param correlationId the call's correlation id, the same for all its attempts
         * @return the event
         */
        public static Event sending(String api, String method, String redactedUrl, int attempt,
                String correlationId) {
            return new Event(api, method, redactedUrl, attempt, correlationId, Outcome.SENDING, -1,
                    Duration.ZERO, null);
        }

        /**
         * This attempt, ended.
         *
         * @param outcome how it ended; not {@link Outcome#SENDING}
         * @param status the HTTP status, or -1 when no answer came
         * @param duration how long the attempt took
         * @param failure a short description of the I/O problem when no answer came (no secret), or {@code null}
         * @return the event
         * @throws IllegalArgumentException if {@code outcome} is {@link Outcome#SENDING}
         */
        public Event ended(Outcome outcome, int status, Duration duration, String failure) {
            if (outcome == Outcome.SENDING) {
                throw new IllegalArgumentException("an ended attempt cannot have the outcome SENDING");
            }
            return new Event(api, method, url, attempt, correlationId, outcome, status, duration, failure);
        }

        /**
         * Which API is called: {@code cloud-alm}, {@code service-manager}, {@code entitlements},
         * {@code accounts} or {@code token}.
         *
         * @return the API name
         */
        public String api() {
            return api;
        }

        /**
         * The HTTP method.
         *
         * @return e.g. {@code GET}
         */
        public String method() {
            return method;
        }

        /**
         * The URL, with user info and secret query parameters masked.
         *
         * @return the URL, safe to log
         */
        public String url() {
            return url;
        }

        /**
         * The attempt number of this call.
         *
         * @return 1 for the first attempt
         */
        public int attempt() {
            return attempt;
        }

        /**
         * The correlation id sent as {@code X-CorrelationID}; the same for every attempt of a call.
         *
         * @return the id
         */
        public String correlationId() {
            return correlationId;
        }

        /**
         * How the attempt ended.
         *
         * @return the outcome; {@link Outcome#SENDING} before it is sent
         */
        public Outcome outcome() {
            return outcome;
        }

        /**
         * The HTTP status of the answer.
         *
         * @return the status; empty before the attempt ends and when no answer came
         */
        public OptionalInt status() {
            return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
        }

        /**
         * How long the attempt took, from sending to the end of the answer.
         *
         * @return the duration; zero before the attempt ends
         */
        public Duration duration() {
            return duration;
        }

        /**
         * What went wrong when no answer came, e.g. {@code connection refused} or {@code attempt timeout}.
         *
         * @return the description, without secrets; empty when an answer came
         */
        public Optional<String> failure() {
            return Optional.ofNullable(failure);
        }

        /**
         * All fields; holds no secret.
         *
         * @return a description safe to log
         */
        @Override
        public String toString() {
            return "RequestEvent{" + api + " " + method + " " + url + " attempt " + attempt + " " + outcome
                    + (status < 0 ? "" : " " + status) + (failure == null ? "" : " (" + failure + ")")
                    + " in " + duration.toMillis() + " ms [correlation id " + correlationId + "]}";
        }
    }
}
