package io.calmsdk.core.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * An answer taken straight from the body handler on the asynchronous path (status and headers from the
 * handler's {@code ResponseInfo}, the body from its subscriber), so that it reaches the transport on the
 * HTTP client's own thread instead of through the future {@code sendAsync} returns.
 */
final class Answer implements HttpResponse<byte[]> {

    private final HttpResponse.ResponseInfo info;
    private final HttpRequest request;
    private final byte[] body;

    Answer(HttpResponse.ResponseInfo info, HttpRequest request, byte[] body) {
        this.info = info;
        this.request = request;
        this.body = body;
    }

    @Override
    public int statusCode() {
        return info.statusCode();
    }

    @Override
    public HttpRequest request() {
        return request;
    }

    @Override
    public Optional<HttpResponse<byte[]>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return info.headers();
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return request.uri();
    }

    @Override
    public HttpClient.Version version() {
        return info.version();
    }
}
