package io.calmsdk.core.paging;

import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.internal.paging.PageSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Token paging: the first page is fetched without a continuation, each next page with the previous
 * page's continuation, until a page comes without one. Empty pages that carry a token are followed:
 * only a missing token ends the collection.
 */
final class TokenPageSource<T> implements PageSource<T> {

    private final PagedIterable.PageFetcher<T> fetcher;
    private String continuation;
    private boolean started;
    private boolean done;
    private int pageNumber;

    TokenPageSource(PagedIterable.PageFetcher<T> fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public Page<T> next() {
        if (done) {
            return null;
        }
        Optional<String> request = started ? Optional.of(continuation) : Optional.empty();
        started = true;
        pageNumber++;
        Page<T> page = Objects.requireNonNull(fetcher.fetch(request),
                () -> "the page fetcher returned null for page " + pageNumber);
        String next = page.continuation().orElse(null);
        if (next == null) {
            done = true;
        } else if (next.equals(continuation)) {
            // The same token again would fetch the same page again, forever.
            throw new CalmClientException("paging made no progress: page " + pageNumber
                    + " came back with the continuation token it was requested with, so the next"
                    + " request would return the same page again; stopped instead of looping forever"
                    + " (the service does not advance its paging token)");
        }
        continuation = next;
        return page;
    }
}
