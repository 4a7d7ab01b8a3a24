package io.calmsdk.core.paging;

import java.util.Optional;

/**
 * Fetches one page of a collection that is paged by a continuation token, such as Service Manager's
 * {@code token}/{@code max_items} lists. Plug it into {@link PagedIterable#of(PageFetcher)}.
 *
 * <p>A fetcher must be stateless (or thread-safe): every iteration of the {@link PagedIterable} calls
 * it again from the first page, possibly from several threads at once.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

    /**
     * Fetches the page the continuation points to.
     *
     * @param continuation empty for the first page, else the continuation of the previous page
     * @return the page; its continuation is the service's token for the next page, absent on the last
     * @throws io.calmsdk.core.exception.CalmException if the call fails; it reaches the caller unchanged
     */
    Page<T> fetch(Optional<String> continuation);
}
