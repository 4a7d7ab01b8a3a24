package io.calmsdk.btp.internal;

import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import java.net.URI;
import java.util.Objects;

/**
 * Sends requests through one {@link HttpTransport} and counts them on the current
 * {@link RequestStats}, so every BTP client reports its traffic the same way. Thread-safe.
 */
public final class Wire {

    private final HttpTransport transport;
    private final URI base;

    /**
     * Creates the wire.
     *
     * @param transport the transport, owned by the caller
     * @param base the service's base URL, e.g. the Service Manager {@code sm_url}
     */
    public Wire(HttpTransport transport, URI base) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.base = withoutTrailingSlash(Objects.requireNonNull(base, "base"));
    }

    /**
     * The service's base URL, without a trailing slash.
     *
     * @return the base URL
     */
    public URI base() {
        return base;
    }

    /**
     * Resolves a path (or an absolute URL, e.g. a {@code Location} header) against the base URL.
     *
     * @param pathOrUrl e.g. {@code /v1/service_instances}
     * @return the absolute URL
     */
    public URI uri(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return URI.create(pathOrUrl);
        }
        return URI.create(base + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl);
    }

    /**
     * Sends a request and counts it.
     *
     * @param request the request
     * @return the answer (2xx or accepted status)
     * @throws io.calmsdk.core.exception.CalmException as {@link HttpTransport#send} does
     */
    public TransportResponse send(TransportRequest request) {
        try {
            TransportResponse response = transport.send(request);
            RequestStats.record(request.method(), response.attempts());
            return response;
        } catch (CalmServiceException e) {
            RequestStats.record(request.method(), e.attempts());
            throw e;
        } catch (RuntimeException e) {
            RequestStats.record(request.method(), 1);
            throw e;
        }
    }

    /**
     * The transport, for callers that build their own requests.
     *
     * @return the transport
     */
    public HttpTransport transport() {
        return transport;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }
}
