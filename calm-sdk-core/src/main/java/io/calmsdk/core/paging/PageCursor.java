package io.calmsdk.core.paging;

import io.calmsdk.core.internal.paging.PageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One iteration's walk over the pages: applies the item limit, stops for good once closed, and logs
 * each page at DEBUG (counts only: continuation values are the service's business). Holds no page:
 * the caller keeps the current one, so memory stays at one page whatever the collection's size.
 * Used by one thread.
 */
final class PageCursor<T> {

    private static final Logger LOG = LoggerFactory.getLogger(PagedIterable.class);

    private final PageSource<T> source;
    private long remaining;
    private boolean closed;
    private int pageNumber;

    PageCursor(PageSource<T> source, long maxItems) {
        this.source = source;
        this.remaining = maxItems;
    }

    /**
     * The next page, truncated to the items still allowed.
     *
     * @return the page, or {@code null} when the collection, the item limit or the cursor is exhausted
     */
    Page<T> nextPage() {
        if (closed) {
            return null;
        }
        if (remaining <= 0) {
            closed = true;
            return null;
        }
        Page<T> page = source.next();
        if (page == null) {
            closed = true;
            return null;
        }
        pageNumber++;
        int size = page.items().size();
        if (size >= remaining) {
            page = page.truncate((int) remaining);
            remaining = 0;
        } else {
            remaining -= size;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Fetched page {} with {} items{}{}", pageNumber, size,
                    page.totalCount().isPresent() ? " of " + page.totalCount().getAsLong() : "",
                    page.continuation().isPresent() ? "" : " (last page)");
        }
        return page;
    }

    /** Stops the walk: no page is fetched any more. */
    void close() {
        closed = true;
    }
}
