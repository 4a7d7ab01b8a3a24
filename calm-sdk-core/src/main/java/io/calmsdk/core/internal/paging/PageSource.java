package io.calmsdk.core.internal.paging;

import io.calmsdk.core.paging.Page;
import io.calmsdk.core.paging.PagedIterable;

/**
 * The pages of one iteration, fetched one at a time.
 *
 * @param <T> the item type
 A source is stateful and used by one thread;
 * {@link PagedIterable} makes a fresh one for every iteration.
 */
public interface PageSource<T> {

    /**
     * Fetches the next page.
     *
     * @return the page, or {@code null} when the previous page was the last
     */
    Page<T> next();
}
