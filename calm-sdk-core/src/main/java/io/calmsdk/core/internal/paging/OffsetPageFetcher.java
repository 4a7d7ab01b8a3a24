package io.calmsdk.core.internal.paging;

import io.calmsdk.core.paging.Page;

/**
 * Fetches one page of a collection paged by position: REST {@code offset}/{@code limit} or OData
 * {@code $skip}/{@code $top}. Plug it into {@link PagedIterable#ofOffsetLimit(int, OffsetPageFetcher)}
 * or {@link PagedIterable#ofOData(int, OffsetPageFetcher)}, which decide when to stop.
 *
 * <p>The returned page's continuation is read as the server's link to the next page (OData
 * {@code @odata.nextLink}); leave it {@code null} when the server sends none. Report the total
 * (OData {@code @count}) with {@link Page#of(java.util.List, String, Long)} when known: it lets the
 * iteration stop without an extra call.
 *
 * <p>A fetcher must be stateless (or thread-safe): every iteration calls it again from offset 0.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface OffsetPageFetcher<T> {

    /**
     * Fetches the page the request describes.
     *
     * @param request the position and size of the page, or the server's next link to follow
     * @return the page
     * @throws io.calmsdk.core.exception.CalmException if the call fails; it reaches the caller unchanged
     */
    Page<T> fetch(OffsetPageRequest request);
}
