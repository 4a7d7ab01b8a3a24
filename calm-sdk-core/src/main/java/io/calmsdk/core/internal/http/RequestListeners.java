package io.calmsdk.core.internal.http;

import io.calmsdk.core.http.RequestListener;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the users' {@link RequestListener}s around each attempt. A listener's failure is logged and
 * ignored, and a listener cannot replace the headers that carry credentials or identify the call.
 */
final class RequestListeners {

    private static final Logger LOG = LoggerFactory.getLogger(RequestListeners.class);

    // Ours (credentials, identity, content negotiation) and the JDK's restricted ones.
    private static final Set<String> RESERVED = Set.of("authorization", "user-agent", "x-correlationid",
            "content-type", "accept", "host", "content-length", "connection", "expect", "upgrade", "te", "trailer",
            "transfer-encoding", "proxy-authorization", "cookie");

    private final List<RequestListener> listeners;

    RequestListeners(List<RequestListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }

    void beforeAttempt(RequestListener.Event event, HttpRequest.Builder request) {
        for (RequestListener listener : listeners) {
            Map<String, String> headers;
            try {
                headers = listener.beforeAttempt(event);
            } catch (RuntimeException e) {
                warn(listener, "beforeAttempt", e);
                continue;
            }
            if (headers == null) {
                continue;
            }
            headers.forEach((name, value) -> addHeader(listener, request, name, value));
        }
    }

    private static void addHeader(RequestListener listener, HttpRequest.Builder request, String name, String value) {
        if (name == null || value == null || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            // The value is not logged: a listener may be handing over something sensitive by mistake.
            LOG.warn("request listener {} asked to set header '{}', which calm-sdk sets itself or the JDK forbids;"
                    + " ignored", listener.getClass().getName(), name);
            return;
        }
        try {
            request.header(name, value);
        } catch (IllegalArgumentException e) {
            LOG.warn("request listener {} gave an invalid header '{}'; ignored", listener.getClass().getName(),
                    name.replaceAll("\\p{Cntrl}", "?"));
        }
    }

    void afterAttempt(RequestListener.Event event) {
        for (RequestListener listener : listeners) {
            try {
                listener.afterAttempt(event);
            } catch (RuntimeException e) {
                warn(listener, "afterAttempt", e);
            }
        }
    }

    private static void warn(RequestListener listener, String method, RuntimeException e) {
        // Only the exception's type: its message is the listener's and may hold anything.
        LOG.warn("request listener {} failed in {} ({}); the call goes on", listener.getClass().getName(), method,
                e.getClass().getName());
    }
}
