package io.calmsdk.core.paging;

import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;

/** Yields the pages one by one, fetching each only when asked for. Sequential: it never splits. */
final class PageSpliterator<T> implements Spliterator<Page<T>> {

    private final PageCursor<T> cursor;

    PageSpliterator(PageCursor<T> cursor) {
        this.cursor = cursor;
    }

    @Override
    public boolean tryAdvance(Consumer<? super Page<T>> action) {
        Objects.requireNonNull(action, "action");
        Page<T> page = cursor.nextPage();
        if (page == null) {
            return false;
        }
        action.accept(page);
        return true;
    }

    /** Fetches nothing more. */
    void close() {
        cursor.close();
    }

    @Override
    public Spliterator<Page<T>> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED | NONNULL;
    }
}
