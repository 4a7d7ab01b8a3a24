package io.calmsdk.core.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why an attempt got no answer, which decides whether the request may have reached the service.
 */
enum FailureKind {
    /** The connection could not be opened: the request provably never left, so any method may be retried. */
    CONNECT_FAILED,
    /** No (complete) answer within the attempt timeout: the request may have been processed. */
    ATTEMPT_TIMEOUT,
    /** TLS handshake refused: retrying does not help. */
    TLS_FAILURE,
    /** The connection broke while the request or answer was in flight: the request may have been processed. */
    IO_FAILURE,
    /** The answer is larger than {@code ClientOptions.maxResponseBodySize}: not retried, it would be again. */
    BODY_TOO_LARGE,
    /** Anything else, e.g. a bug or a refused request: not retried. */
    OTHER;

    private static final int MAX_MESSAGE = 120;

    static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyLimit.TooLarge) {
                return BODY_TOO_LARGE;
            }
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return CONNECT_FAILED;
        }
        if (failure instanceof HttpTimeoutException || failure instanceof TimeoutException) {
            return ATTEMPT_TIMEOUT;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return TLS_FAILURE;
            }
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException || failure instanceof UnresolvedAddressException
                || unresolved(failure)) {
            return CONNECT_FAILED;
        }
        if (failure instanceof IOException) {
            return IO_FAILURE;
        }
        return OTHER;
    }

    /** HttpClient.send wraps the failure of its exchange once more than sendAsync: look down the chain. */
    private static boolean unresolved(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short description of the failure: the exception's simple class name and the first message found
     * in its cause chain. JDK networking messages hold no request content.
     */
    String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer in time";
        }
        String message = null;
        for (Throwable t = failure; t != null && message == null; t = t.getCause()) {
            message = t.getMessage();
        }
        if (this == CONNECT_FAILED && unresolved(failure)) {
            message = "host name not resolved";
        }
        String name = failure == null ? "unknown" : failure.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return this == CONNECT_FAILED ? name + " (connection refused or host unreachable)" : name;
        }
        // Some JDK messages quote what the server sent (a garbled status line): keep them short.
        String oneLine = message.replaceAll("\\s+", " ");
        return name + ": " + (oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "..." : oneLine);
    }
}
