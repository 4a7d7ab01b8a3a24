package io.calmsdk.core.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a paged collection: its items, the continuation that leads to the next page and, when
 * the service reported it, the total number of items in the collection.
 *
 * <p>A page handed out by {@link PagedIterable#byPage()} has a continuation when the collection goes on
 * after it. For Service Manager lists it is the service's {@code token}; for offset paging it is the
 * server's next link or the next offset. Treat it as opaque.
 *
 * <p>Instances are immutable and thread-safe when their items are.
 *
 * @param <T> the item type
 */
public final class Page<T> {

    private final List<T> items;
    private final String continuation;
    private final Long totalCount;

    /** Takes {@code items} as they are: callers pass a list nobody else can change. */
    private Page(List<T> items, String continuation, Long totalCount) {
        if (totalCount != null && totalCount < 0) {
            throw new IllegalArgumentException("totalCount must not be negative, was " + totalCount);
        }
        this.items = items;
        this.continuation = continuation == null || continuation.isBlank() ? null : continuation;
        this.totalCount = totalCount;
    }

    /**
     * A copy, so a fetcher that reuses its buffer cannot change a page already handed out. Null items
     * are kept: a service may send them and dropping them would hide data.
     */
    private static <T> List<T> copy(List<? extends T> items) {
        Objects.requireNonNull(items, "items");
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    /**
     * A page without a continuation and without a total: the shape of a plain JSON array answer.
     *
     * @param items the items, copied
     * @param <T> the item type
     * @return the page
     * @throws NullPointerException if {@code items} is {@code null}
     */
    public static <T> Page<T> of(List<? extends T> items) {
        return new Page<>(copy(items), null, null);
    }

    /**
     * A page with a continuation; {@code null} or blank means there is no next page.
     *
     * @param items the items, copied
     * @param continuation the service's pointer to the next page, e.g. Service Manager's {@code token}
     *     or OData's {@code @odata.nextLink}; {@code null} or blank on the last page
     * @param <T> the item type
     * @return the page
     * @throws NullPointerException if {@code items} is {@code null}
     */
    public static <T> Page<T> of(List<? extends T> items, String continuation) {
        return new Page<>(copy(items), continuation, null);
    }

    /**
     * A page with a continuation and the total number of items in the whole collection.
     *
     * @param items the items, copied
     * @param continuation the service's pointer to the next page; {@code null} or blank on the last page
     * @param totalCount the collection's size as the service reported it (OData {@code @count},
     *     Service Manager {@code num_items}); {@code null} when not reported
     * @param <T> the item type
     * @return the page
     * @throws NullPointerException if {@code items} is {@code null}
     * @throws IllegalArgumentException if {@code totalCount} is negative
     */
    public static <T> Page<T> of(List<? extends T> items, String continuation, Long totalCount) {
        return new Page<>(copy(items), continuation, totalCount);
    }

    /**
     * The items of this page, in the service's order.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<T> items() {
        return items;
    }

    /**
     * The pointer to the next page.
     *
     * @return the continuation, or empty on the last page
     */
    public Optional<String> continuation() {
        return Optional.ofNullable(continuation);
    }

    /**
     * The number of items in the whole collection, when the service reported it. It is the service's
     * figure at the time of the call: items added or removed while iterating can make it differ from
     * the number of items the iteration yields.
     *
     * @return the total, or empty when unknown
     */
    public OptionalLong totalCount() {
        return totalCount == null ? OptionalLong.empty() : OptionalLong.of(totalCount);
    }

    /**
     * A page holding the first {@code count} items of this one, with the same continuation and total.
     */
    Page<T> truncate(int count) {
        return count >= items.size() ? this : new Page<>(copy(items.subList(0, count)), continuation, totalCount);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Page)) {
            return false;
        }
        Page<?> other = (Page<?>) o;
        return items.equals(other.items) && Objects.equals(continuation, other.continuation)
                && Objects.equals(totalCount, other.totalCount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, continuation, totalCount);
    }

    /**
     * Describes the page by its size; the items and the continuation value are left out because a
     * page may be large and a continuation is the service's business.
     *
     * @return e.g. {@code Page{items=100, continuation=present, totalCount=250}}
     */
    @Override
    public String toString() {
        return "Page{items=" + items.size() + ", continuation=" + (continuation == null ? "none" : "present")
                + (totalCount == null ? "" : ", totalCount=" + totalCount) + "}";
    }
}
