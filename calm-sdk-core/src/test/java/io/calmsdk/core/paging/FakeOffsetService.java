package io.calmsdk.core.paging;

import io.calmsdk.core.internal.paging.OffsetPageFetcher;
import io.calmsdk.core.internal.paging.OffsetPageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A collection of the integers 0 .. total-1 served by offset and limit, with switches for the ways
 * real services deviate: a page-size cap, ignoring the offset or the limit, reporting a count, and
 * server-driven paging with next links ({@code "next?skip=<n>"}). Records every request.
 */
final class FakeOffsetService {

    final List<OffsetPageRequest> requests = new CopyOnWriteArrayList<>();
    private final int total;
    private int pageSizeCap = Integer.MAX_VALUE;
    private boolean ignoreOffset;
    private boolean ignoreLimit;
    private boolean countAlways;
    private boolean countWhenAsked;
    private int serverDrivenPageSize;

    FakeOffsetService(int total) {
        this.total = total;
    }

    FakeOffsetService capPageSizeAt(int cap) {
        this.pageSizeCap = cap;
        return this;
    }

    FakeOffsetService ignoringOffset() {
        this.ignoreOffset = true;
        return this;
    }

    FakeOffsetService ignoringLimit() {
        this.ignoreLimit = true;
        return this;
    }

    /** Reports the total on every page. */
    FakeOffsetService countingAlways() {
        this.countAlways = true;
        return this;
    }

    /** Reports the total only when the request asks for it ($count=true). */
    FakeOffsetService countingWhenAsked() {
        this.countWhenAsked = true;
        return this;
    }

    /** Answers with at most {@code size} items and a next link while more remain (OData server-driven paging). */
    FakeOffsetService withNextLinks(int size) {
        this.serverDrivenPageSize = size;
        return this;
    }

    int fetches() {
        return requests.size();
    }

    OffsetPageFetcher<Integer> fetcher() {
        return request -> {
            requests.add(request);
            long start = request.nextLink().map(l -> Long.parseLong(l.substring(l.indexOf('=') + 1)))
                    .orElse(request.offset());
            if (ignoreOffset) {
                start = 0;
            }
            long size = ignoreLimit ? Integer.MAX_VALUE : request.limit();
            size = Math.min(size, pageSizeCap);
            if (serverDrivenPageSize > 0) {
                size = Math.min(size, serverDrivenPageSize);
            }
            List<Integer> items = new ArrayList<>();
            for (long i = start; i < total && i < start + size; i++) {
                items.add((int) i);
            }
            long end = start + items.size();
            String nextLink = serverDrivenPageSize > 0 && end < total ? "next?skip=" + end : null;
            boolean count = countAlways || (countWhenAsked && request.includeCount());
            return Page.of(items, nextLink, count ? (long) total : null);
        };
    }
}
