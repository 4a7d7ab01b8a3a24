package io.calmsdk.core.internal.paging;

import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds {@link PagedIterable}s over offset paging (offset/limit and OData {@code $skip/$top}), which only
 * calm-sdk's own clients need. {@code PagedIterable} hands over its constructor when its class is
 * initialised (the JDK's "shared secrets" pattern), so it need not be public.
 */
public final class Paging {

    private static volatile Function<Supplier<? extends PageSource<?>>, PagedIterable<?>> factory;

    static {
        // Initialising PagedIterable registers the factory.
        PagedIterable.empty();
    }

    private Paging() {
    }

    /**
     * Called once by {@link PagedIterable}.
     *
     * @param pagedIterables makes a paged iterable from a supplier of page sources
     */
    public static void register(Function<Supplier<? extends PageSource<?>>, PagedIterable<?>> pagedIterables) {
        factory = Objects.requireNonNull(pagedIterables, "pagedIterables");
    }

    /**
     * A collection paged with {@code offset} and {@code limit}.
     *
     * @param <T> the item type
     * @param limit the page size, at least 1
     * @param fetcher fetches one page
     * @return the lazy collection
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public static <T> PagedIterable<T> ofOffsetLimit(int limit, OffsetPageFetcher<T> fetcher) {
        return ofOffset("limit", limit, fetcher, false, "offset/limit");
    }

    /**
     * A collection paged with OData {@code $skip} and {@code $top}, asking for {@code $count} on the first
     * page and following {@code @odata.nextLink} when the service sends one.
     *
     * @param <T> the item type
     * @param top the page size, at least 1
     * @param fetcher fetches one page
     * @return the lazy collection
     * @throws IllegalArgumentException if {@code top} is below 1
     */
    public static <T> PagedIterable<T> ofOData(int top, OffsetPageFetcher<T> fetcher) {
        return ofOffset("top", top, fetcher, true, "$skip/$top");
    }

    @SuppressWarnings("unchecked")
    private static <T> PagedIterable<T> ofOffset(String sizeName, int size, OffsetPageFetcher<T> fetcher,
            boolean count, String parameterNames) {
        if (size < 1) {
            throw new IllegalArgumentException(sizeName + " must be at least 1, was " + size);
        }
        Objects.requireNonNull(fetcher, "fetcher");
        Supplier<PageSource<T>> sources = () -> new OffsetPageSource<>(fetcher, size, count, parameterNames);
        return (PagedIterable<T>) factory.apply(sources);
    }
}
