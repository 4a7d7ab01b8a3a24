package io.calmsdk.core.paging;

import io.calmsdk.core.internal.paging.PageSource;
import io.calmsdk.core.internal.paging.Paging;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazily fetched collection that a service hands out page by page. Iterate its items with a
 * for-each loop, {@link #iterator()} or {@link #stream()}, or its pages with {@link #byPage()}.
 *
 * <pre>{@code
 * PagedIterable<ServiceInstance> instances = client.listInstances();
 * for (ServiceInstance instance : instances) { ... }                   // every page, one at a time
 * instances.stream().filter(i -> i.ready()).findFirst();                // stops fetching when found
 * for (Page<ServiceInstance> page : instances.byPage()) { ... }         // page by page
 * }</pre>
 *
 * <h2>Laziness and memory</h2>
 * Nothing is fetched until the first item (or page) is asked for, and the next page only when the
 * current one is used up. Pages are never accumulated: at most one page is held at a time, so
 * iterating a collection of any size needs the memory of one page.
 *
 * <h2>Restarting</h2>
 * Each call to {@link #iterator()}, {@link #stream()}, {@link #byPage()}'s iterator or
 * {@link #streamByPage()} starts again from the first page and calls the service again; the items may
 * differ between iterations if the collection changed. Collect into a list yourself to iterate a
 * snapshot more than once.
 *
 * <h2>Errors</h2>
 * An exception thrown while fetching a page (a {@link io.calmsdk.core.exception.CalmException}
 * subclass) reaches the caller unchanged from {@code hasNext()}, {@code next()} or the stream
 * operation that needed the page. A service whose paging makes no progress (it returns the token it
 * was given, or ignores {@code offset}/{@code $skip} and returns the same page again) ends the
 * iteration with a {@link io.calmsdk.core.exception.CalmClientException} rather than an endless loop.
 *
 * <h2>Thread-safety</h2>
 * A {@code PagedIterable} is immutable and thread-safe: several threads may iterate it at once, each
 * getting its own independent iteration (provided the page fetcher is thread-safe, as SDK clients'
 * fetchers are). An iterator, spliterator or stream is for one thread at a time.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

    private static final PagedIterable<?> EMPTY = new PagedIterable<>(() -> () -> null, Long.MAX_VALUE);

    static {
        Paging.register(PagedIterable::fromSources);
    }

    private final Supplier<? extends PageSource<T>> sources;
    private final long maxItems;

    @SuppressWarnings("unchecked")
    private static PagedIterable<?> fromSources(Supplier<? extends PageSource<?>> sources) {
        return new PagedIterable<>((Supplier<? extends PageSource<Object>>) sources, Long.MAX_VALUE);
    }

    private PagedIterable(Supplier<? extends PageSource<T>> sources, long maxItems) {
        this.sources = sources;
        this.maxItems = maxItems;
    }

    /**
     * A collection paged by continuation token, such as Service Manager's lists: the first page is
     * fetched without a token, every next page with the previous page's token, until a page has none.
     * Empty pages that carry a token are followed, so no page is ever assumed to be the last one.
     *
     * <pre>{@code
     * PagedIterable.of(token -> {
     *     SmList<Instance> list = get("/v1/service_instances", "max_items", 100, "token", token);
     *     return Page.of(list.items(), list.token(), list.numItems());
     * });
     * }</pre>
     *
     * @param fetcher fetches the page for a continuation; called again on every iteration
     * @param <T> the item type
     * @return the collection; nothing has been fetched yet
     * @throws NullPointerException if {@code fetcher} is {@code null}
     */
    public static <T> PagedIterable<T> of(PageFetcher<T> fetcher) {
        Objects.requireNonNull(fetcher, "fetcher");
        return new PagedIterable<>(() -> new TokenPageSource<>(fetcher), Long.MAX_VALUE);
    }

    /**
     * A collection without items; iterating it fetches nothing.
     *
     * @param <T> the item type
     * @return the empty collection
     */
    @SuppressWarnings("unchecked")
    public static <T> PagedIterable<T> empty() {
        return (PagedIterable<T>) EMPTY;
    }

    /**
     * The same collection, ending after at most {@code maxItems} items. No page is fetched once the
     * limit is reached, and with {@link #byPage()} the page that reaches it is cut short (it keeps its
     * continuation, which tells that the collection has more).
     *
     * @param maxItems the largest number of items to yield, zero or more
     * @return a new collection with the limit; this one is unchanged
     * @throws IllegalArgumentException if {@code maxItems} is negative
     */
    public PagedIterable<T> withMaxItems(long maxItems) {
        if (maxItems < 0) {
            throw new IllegalArgumentException("maxItems must not be negative, was " + maxItems);
        }
        return new PagedIterable<>(sources, maxItems);
    }

    /**
     * The item limit set with {@link #withMaxItems(long)}.
     *
     * @return the limit, or empty when every item is yielded
     */
    public OptionalLong maxItems() {
        return maxItems == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(maxItems);
    }

    /**
     * The same collection with each item converted, page by page, as it is fetched. Exceptions thrown
     * by {@code mapper} reach the caller unchanged.
     *
     * @param mapper converts one item; called once per item per iteration
     * @param <R> the converted item type
     * @return the converted collection, with the same item limit
     * @throws NullPointerException if {@code mapper} is {@code null}
     */
    public <R> PagedIterable<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        Supplier<? extends PageSource<T>> upstream = sources;
        return new PagedIterable<R>(() -> {
            PageSource<T> source = upstream.get();
            return () -> {
                Page<T> page = source.next();
                return page == null ? null : mapPage(page, mapper);
            };
        }, maxItems);
    }

    private static <T, R> Page<R> mapPage(Page<T> page, Function<? super T, ? extends R> mapper) {
        List<R> mapped = new ArrayList<>(page.items().size());
        for (T item : page.items()) {
            mapped.add(mapper.apply(item));
        }
        return Page.of(mapped, page.continuation().orElse(null),
                page.totalCount().isPresent() ? page.totalCount().getAsLong() : null);
    }

    /**
     * Iterates the items from the first page on. The first page is fetched by the first
     * {@code hasNext()} or {@code next()} call.
     *
     * @return a new iterator, for one thread; it does not support {@code remove()}
     */
    @Override
    public Iterator<T> iterator() {
        return Spliterators.iterator(spliterator());
    }

    /**
     * A sequential, ordered spliterator over the items from the first page on; it never splits.
     *
     * @return a new spliterator, for one thread
     */
    @Override
    public Spliterator<T> spliterator() {
        return new ItemSpliterator<>(cursor());
    }

    /**
     * A sequential, lazy stream of the items from the first page on. Short-circuiting operations
     * ({@code findFirst}, {@code limit}, {@code anyMatch}) stop fetching as soon as they are
     * satisfied, and closing the stream stops it for good. Asking for a parallel stream gains
     * nothing: pages are fetched one after the other.
     *
     * @return a new stream
     */
    public Stream<T> stream() {
        ItemSpliterator<T> spliterator = new ItemSpliterator<>(cursor());
        return StreamSupport.stream(spliterator, false).onClose(spliterator::close);
    }

    /**
     * The pages, from the first on, each fetched when the iteration reaches it.
     *
     * @return an iterable whose every iterator starts from the first page
     */
    public Iterable<Page<T>> byPage() {
        return () -> Spliterators.iterator(new PageSpliterator<>(cursor()));
    }

    /**
     * A sequential, lazy stream of the pages from the first on; closing it stops fetching.
     *
     * @return a new stream
     */
    public Stream<Page<T>> streamByPage() {
        PageSpliterator<T> spliterator = new PageSpliterator<>(cursor());
        return StreamSupport.stream(spliterator, false).onClose(spliterator::close);
    }

    private PageCursor<T> cursor() {
        return new PageCursor<>(sources.get(), maxItems);
    }

    /**
     * Describes the collection without fetching anything.
     *
     * @return e.g. {@code PagedIterable{maxItems=50}}
     */
    @Override
    public String toString() {
        return "PagedIterable{" + (maxItems == Long.MAX_VALUE ? "all items" : "maxItems=" + maxItems) + "}";
    }

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
}
