package io.calmsdk.core.internal.paging;

import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.paging.Page;
import java.util.List;
import java.util.Objects;

/**
 * Offset paging (REST {@code offset}/{@code limit}, OData {@code $skip}/{@code $top}).
 *
 * <p>After each page the next offset is the old offset plus the number of items received. The next
 * page is fetched when:
 * <ol>
 *   <li>the server sent a next link: it is followed, whatever the counts say;</li>
 *   <li>otherwise, a page reached through a next link without a new one was the server's last page;</li>
 *   <li>otherwise, an empty page ends the collection;</li>
 *   <li>otherwise, when a total is known, the offset must still be below it (a short page does not
 *       end the collection then: the server may cap the page size below the limit asked for);</li>
 *   <li>otherwise, a page shorter than the limit was the last.</li>
 * </ol>
 * A server that ignores the paging parameters answers every offset with the same page; two
 * consecutive non-empty pages with equal items, or the same next link twice, stop the iteration with
 * a {@link CalmClientException} instead of looping forever.
 */
final class OffsetPageSource<T> implements PageSource<T> {

    private final OffsetPageFetcher<T> fetcher;
    private final int limit;
    private final boolean countOnFirstPage;
    private final String parameterNames;

    private long offset;
    private String nextLink;
    private Long total;
    private PageFingerprint previous;
    private long previousOffset;
    private boolean first = true;
    private boolean done;

    OffsetPageSource(OffsetPageFetcher<T> fetcher, int limit, boolean countOnFirstPage, String parameterNames) {
        this.fetcher = fetcher;
        this.limit = limit;
        this.countOnFirstPage = countOnFirstPage;
        this.parameterNames = parameterNames;
    }

    @Override
    public Page<T> next() {
        if (done) {
            return null;
        }
        boolean viaLink = nextLink != null;
        OffsetPageRequest request = new OffsetPageRequest(offset, limit, nextLink, first && countOnFirstPage);
        first = false;
        Page<T> page = Objects.requireNonNull(fetcher.fetch(request),
                () -> "the page fetcher returned null for " + request);
        List<T> items = page.items();
        if (page.totalCount().isPresent()) {
            total = page.totalCount().getAsLong();
        }
        // Hashing every item costs about as much as a tenth of decoding them: only when there is a page to
        // compare with, or (below) one may follow. A one-page list is never hashed.
        PageFingerprint fingerprint = previous == null || items.isEmpty() ? null : PageFingerprint.of(items);
        if (fingerprint != null && fingerprint.sameItemsAs(previous)) {
            throw new CalmClientException("paging by " + parameterNames + " made no progress: the page at offset "
                    + offset + " has the same " + items.size() + " items as the page at offset " + previousOffset
                    + ", so the service seems to ignore " + parameterNames
                    + "; stopped instead of looping forever (check that this API supports " + parameterNames
                    + " paging)");
        }
        PageFingerprint current = fingerprint;
        long currentOffset = offset;
        offset += items.size();

        String link = page.continuation().orElse(null);
        if (link != null) {
            if (link.equals(nextLink)) {
                throw new CalmClientException("paging by " + parameterNames + " made no progress: the page behind"
                        + " the server's next link links to itself; stopped instead of looping forever");
            }
            nextLink = link;
        } else {
            nextLink = null;
            done = viaLink || items.isEmpty() || (total != null ? offset >= total : items.size() < limit);
        }
        if (!done) {
            previous = current != null ? current : PageFingerprint.of(items);
            previousOffset = currentOffset;
        }
        String continuation = done ? null : nextLink != null ? nextLink : Long.toString(offset);
        return Page.of(page.items(), continuation, total);
    }
}
