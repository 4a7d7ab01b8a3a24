package io.calmsdk.core.internal.paging;

import java.util.List;
import java.util.Objects;

/**
 * A constant-size summary of a page's items (size, hash, first and last item), so that a page can be
 * compared with the previous one without keeping the previous page in memory. Relies on the items'
 * {@code equals}/{@code hashCode}, which SDK models, records and JSON trees provide.
 */
final class PageFingerprint {

    private final int size;
    private final int hash;
    private final Object first;
    private final Object last;

    private PageFingerprint(int size, int hash, Object first, Object last) {
        this.size = size;
        this.hash = hash;
        this.first = first;
        this.last = last;
    }

    static PageFingerprint of(List<?> items) {
        return items.isEmpty()
                ? new PageFingerprint(0, 1, null, null)
                : new PageFingerprint(items.size(), items.hashCode(), items.get(0), items.get(items.size() - 1));
    }

    /** Whether the fingerprinted page had no items. */
    boolean isEmpty() {
        return size == 0;
    }

    /** Whether the two pages have the same items, up to a hash collision that also agrees on both ends. */
    boolean sameItemsAs(PageFingerprint other) {
        return other != null && size == other.size && hash == other.hash
                && Objects.equals(first, other.first) && Objects.equals(last, other.last);
    }
}
