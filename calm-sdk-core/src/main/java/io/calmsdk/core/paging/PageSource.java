package io.calmsdk.core.paging;

/**
 * The pages of one iteration, fetched one at a time. A source is stateful and used by one thread;
 * {@link PagedIterable} makes a fresh one for every iteration.
 */
interface PageSource<T> {

    /**
     * Fetches the next page.
     *
     * @return the page, or {@code null} when the previous page was the last
     */
    Page<T> next();
}
