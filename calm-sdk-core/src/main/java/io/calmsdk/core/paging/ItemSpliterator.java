package io.calmsdk.core.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;

/**
 * Yields the items of the pages one by one, fetching a page only when an item is asked for and the
 * current page is used up. Sequential: it never splits.
 */
final class ItemSpliterator<T> implements Spliterator<T> {

    private final PageCursor<T> cursor;
    private Iterator<T> current = Collections.emptyIterator();

    ItemSpliterator(PageCursor<T> cursor) {
        this.cursor = cursor;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        while (!current.hasNext()) {
            Page<T> page = cursor.nextPage();
            if (page == null) {
                current = Collections.emptyIterator();
                return false;
            }
            current = page.items().iterator();
        }
        action.accept(current.next());
        return true;
    }

    /** Drops the current page and fetches nothing more. */
    void close() {
        cursor.close();
        current = Collections.emptyIterator();
    }

    @Override
    public Spliterator<T> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED;
    }
}
