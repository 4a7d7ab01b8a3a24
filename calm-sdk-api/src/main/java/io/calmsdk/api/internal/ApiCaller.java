package io.calmsdk.api.internal;

import io.calmsdk.api.ScopeCatalogue;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ForbiddenException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.paging.OffsetPageRequest;
import io.calmsdk.core.internal.paging.Paging;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.paging.Page;
import io.calmsdk.core.paging.PagedIterable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Cloud ALM requests through the shared transport: builds URLs under {@code endpoints.Api},
 * turns a 403 into a {@link ForbiddenException} that names the missing scope, and pages collections
 * with a streaming decoder. Immutable and thread-safe.
 */
public final class ApiCaller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCaller.class);

    private final HttpTransport transport;
    private final String endpoint;
    private final URI endpointUri;
    private final ScopeCatalogue catalogue;
    private final Supplier<List<String>> grantedScopes;

    /**
     * Creates a caller.
     *
     * @param transport the transport, authenticating every request with the client's tokens
     * @param endpoint the Cloud ALM API root ({@code endpoints.Api}), e.g. {@code https://t.eu10.alm.cloud.sap/api}
     * @param catalogue which scope each call needs
     * @param grantedScopes the scopes of the current token, as the token carries them; asked only after a 403
     */
    public ApiCaller(HttpTransport transport, URI endpoint, ScopeCatalogue catalogue,
                     Supplier<List<String>> grantedScopes) {
        this.transport = Objects.requireNonNull(transport, "transport");
        String e = Objects.requireNonNull(endpoint, "endpoint").toString();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        this.endpoint = e;
        this.endpointUri = URI.create(e);
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.grantedScopes = Objects.requireNonNull(grantedScopes, "grantedScopes");
    }

    /**
     * The API root without a trailing slash.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return endpointUri;
    }

    /**
     * The URL of an encoded path under the API root, with a query.
     *
     * @param encodedPath a path starting with {@code /}, already percent-encoded
     * @param query the query, may be empty
     * @return the absolute URL
     */
    public URI uri(String encodedPath, QueryString query) {
        return URI.create(endpoint + encodedPath + (query.isEmpty() ? "" : "?" + query));
    }

    /**
     * Sends a request and waits for the answer.
     *
     * @param request the request, built on a URL from {@link #uri(String, QueryString)}
     * @param apiPath the path under the API root, for the scope catalogue
     * @return the answer (2xx or an accepted status)
     * @throws io.calmsdk.core.exception.CalmException as the transport throws it, a 403 as a
     *         {@link ForbiddenException} naming the scope the call needs
     */
    public TransportResponse send(TransportRequest request, String apiPath) {
        try {
            return transport.send(request);
        } catch (ForbiddenException e) {
            throw explain(e, request.method(), apiPath);
        }
    }

    /**
     * Sends a request without blocking.
     *
     * @param request the request
     * @param apiPath the path under the API root, for the scope catalogue
     * @return the answer, or the exception {@link #send(TransportRequest, String)} would throw
     */
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request, String apiPath) {
        CompletableFuture<TransportResponse> sent = transport.sendAsync(request);
        CompletableFuture<TransportResponse> result = sent.handle((response, failure) -> {
            if (failure == null) {
                return response;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ForbiddenException) {
                throw new CompletionException(explain((ForbiddenException) cause, request.method(), apiPath));
            }
            throw failure instanceof CompletionException ? (CompletionException) failure : new CompletionException(cause);
        });
        // Cancelling what the caller holds must stop the retries of the transport's call.
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    /**
     * Names the scope a refused call needs and the scopes the token has. When the catalogue does not
     * know the call, or the token already has the scope (so the 403 has another reason, such as
     * project-level restrictions), the exception is returned as it is.
     */
    ForbiddenException explain(ForbiddenException e, String method, String apiPath) {
        Optional<CalmScope> required = catalogue.requiredScope(method, apiPath);
        if (required.isEmpty()) {
            return e;
        }
        List<String> granted = displayGrantedScopes();
        if (granted.contains(required.get().name())) {
            return e;
        }
        ForbiddenException explained = new ForbiddenException(e.failure(), required.get(), granted);
        explained.initCause(e);
        return explained;
    }

    private List<String> displayGrantedScopes() {
        try {
            List<String> raw = grantedScopes.get();
            return raw == null ? List.of()
                    : raw.stream().map(ScopeCatalogue::displayScope).distinct().sorted().collect(Collectors.toList());
        } catch (RuntimeException failure) {
            // The 403 is what the caller needs to see; the scopes only explain it.
            LOG.debug("could not read the token's scopes to explain a 403: {}", failure.getClass().getName());
            return List.of();
        }
    }

    /**
     * A collection read with REST {@code offset}/{@code limit} paging; each page is decoded item by item.
     *
     * @param encodedPath the collection path, percent-encoded
     * @param filters query parameters sent with every page, in order
     * @param limit the page size
     * @param decoder decodes a page
     * @param operation what is listed, for messages and logs
     * @param <T> the item type
     * @return the lazy collection
     */
    public <T> PagedIterable<T> offsetLimit(String encodedPath, List<Map.Entry<String, String>> filters, int limit,
                                            PageDecoder<T> decoder, String operation) {
        List<Map.Entry<String, String>> fixed = List.copyOf(filters);
        return Paging.ofOffsetLimit(limit, request -> {
            QueryString query = new QueryString();
            fixed.forEach(f -> query.add(f.getKey(), f.getValue()));
            query.add("offset", Long.toString(request.offset())).add("limit", Integer.toString(request.limit()));
            return fetchPage(request, encodedPath, query, decoder, operation);
        });
    }

    /**
     * A collection read with OData v4 {@code $skip}/{@code $top} paging, following {@code @odata.nextLink}
     * when the server sends one and asking for {@code $count} on the first page.
     *
     * @param encodedPath the entity set path, percent-encoded
     * @param options the query options
     * @param decoder decodes a page
     * @param operation what is listed, for messages and logs
     * @param <T> the item type
     * @return the lazy collection
     */
    public <T> PagedIterable<T> odata(String encodedPath, ODataQuery options, PageDecoder<T> decoder,
                                      String operation) {
        return Paging.ofOData(options.pageSize(), request -> {
            QueryString query = new QueryString();
            options.parameters().forEach(query::add);
            options.filterExpression().ifPresent(f -> query.add("$filter", f));
            if (!options.select().isEmpty()) {
                query.add("$select", String.join(",", options.select()));
            }
            options.expand().ifPresent(x -> query.add("$expand", x));
            options.orderBy().ifPresent(o -> query.add("$orderby", o));
            query.add("$skip", Long.toString(request.offset())).add("$top", Integer.toString(request.limit()));
            if (request.includeCount()) {
                query.add("$count", "true");
            }
            return fetchPage(request, encodedPath, query, decoder, operation);
        });
    }

    /**
     * A collection the service returns in one answer (a bare array, no paging parameters).
     *
     * @param encodedPath the collection path, percent-encoded
     * @param decoder decodes the answer
     * @param operation what is listed, for messages and logs
     * @param <T> the item type
     * @return the lazy collection of one page
     */
    public <T> PagedIterable<T> single(String encodedPath, PageDecoder<T> decoder, String operation) {
        return PagedIterable.of(continuation -> {
            TransportRequest request = TransportRequest.get(uri(encodedPath, new QueryString()))
                    .operation(operation).decodeWith(decoder.inAttempt()).build();
            TransportResponse response = send(request, encodedPath);
            return Page.of(decoder.decoded(response).items());
        });
    }

    private <T> Page<T> fetchPage(OffsetPageRequest request, String encodedPath, QueryString query,
                                  PageDecoder<T> decoder, String operation) {
        URI target = request.nextLink().map(link -> followable(link, encodedPath))
                .orElseGet(() -> uri(encodedPath, query));
        PageDecoder.DecodedPage<T> page = fetchDecoded(target, decoder, operation);
        if (request.nextLink().isPresent() || page.nextLink().isEmpty() || page.items().size() >= request.limit()) {
            return Page.of(page.items(), page.nextLink().orElse(null), page.count().orElse(null));
        }
        // Server-driven paging inside the window this request asked for ($top): the server capped its page
        // below the limit and linked to the rest of the window. Complete the window here, so that the pager
        // does not mistake the end of the window for the end of the collection.
        List<T> items = new ArrayList<>(page.items());
        Long count = page.count().orElse(null);
        String link = page.nextLink().orElse(null);
        while (link != null && items.size() < request.limit()) {
            PageDecoder.DecodedPage<T> more = fetchDecoded(followable(link, encodedPath), decoder, operation);
            if (more.nextLink().map(link::equals).orElse(false)) {
                throw new CalmClientException("paging " + ServiceFailure.redactUrl(endpoint + encodedPath)
                        + " made no progress: the page behind the server's next link links to itself");
            }
            items.addAll(more.items());
            if (count == null) {
                count = more.count().orElse(null);
            }
            link = more.items().isEmpty() ? null : more.nextLink().orElse(null);
        }
        return Page.of(items, link, count);
    }

    /**
     * One GET of a page, decoded inside the attempt (the decode is also the garbled-answer check).
     *
     * @param target the page's URL
     * @param decoder the page's decoder
     * @param operation the operation named in errors and events
     * @param <T> the items' type
     * @return the decoded page
     */
    public <T> PageDecoder.DecodedPage<T> fetchDecoded(URI target, PageDecoder<T> decoder, String operation) {
        TransportResponse response = send(TransportRequest.get(target).operation(operation)
                .decodeWith(decoder.inAttempt()).build(), apiPathOf(target));
        return decoder.decoded(response);
    }

    /**
     * Resolves a server's next link and refuses one that leaves the API root: the request would carry
     * the client's token to another host.
     */
    URI followable(String link, String encodedPath) {
        URI collection = URI.create(endpoint + encodedPath);
        URI target;
        try {
            target = link.startsWith("?") ? URI.create(endpoint + encodedPath + link) : collection.resolve(link);
        } catch (IllegalArgumentException e) {
            throw new CalmClientException("the next link of " + ServiceFailure.redactUrl(collection.toString())
                    + " is not a valid URL: " + ServiceFailure.redactUrl(link), e);
        }
        boolean sameOrigin = Objects.equals(target.getScheme(), endpointUri.getScheme())
                && Objects.equals(target.getHost(), endpointUri.getHost()) && target.getPort() == endpointUri.getPort()
                && target.getRawPath() != null && target.getRawPath().startsWith(endpointUri.getRawPath() + "/");
        if (!sameOrigin) {
            throw new CalmClientException("refusing to follow the next link " + ServiceFailure.redactUrl(target.toString())
                    + " of " + ServiceFailure.redactUrl(collection.toString()) + ": it leaves " + endpoint
                    + " and would carry the token elsewhere");
        }
        return target;
    }

    private String apiPathOf(URI target) {
        return target.getRawPath().substring(endpointUri.getRawPath().length());
    }

    /** Releases the transport's threads. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "ApiCaller{endpoint=" + endpoint + "}";
    }
}
