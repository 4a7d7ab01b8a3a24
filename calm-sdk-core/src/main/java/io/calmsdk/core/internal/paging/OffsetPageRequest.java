package io.calmsdk.core.internal.paging;

import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link OffsetPageFetcher} is asked to fetch: either the page at {@link #offset()} of at
 * most {@link #limit()} items, or, when {@link #nextLink()} is present, the page behind the link the
 * server sent with the previous page.
 *
 * <p>For REST APIs send {@code offset} and {@code limit}; for OData send {@code $skip=offset},
 * {@code $top=limit} and, when {@link #includeCount()} is true, {@code $count=true}. A next link
 * already carries the server's own query: request it as it is (resolved against the request URL when
 * relative) and add nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class OffsetPageRequest {

    private final long offset;
    private final int limit;
    private final String nextLink;
    private final boolean includeCount;

    /**
     * Creates the request of one page.
     *
     * @param offset the index of the first item
     * @param limit the page size
     * @param nextLink the service's link to the page, or {@code null}
     * @param includeCount whether to ask for the total count
     */
    public OffsetPageRequest(long offset, int limit, String nextLink, boolean includeCount) {
        this.offset = offset;
        this.limit = limit;
        this.nextLink = nextLink;
        this.includeCount = includeCount;
    }

    /**
     * The number of items already returned by earlier pages: the {@code offset} or {@code $skip}.
     *
     * @return zero for the first page
     */
    public long offset() {
        return offset;
    }

    /**
     * The page size to ask for: the {@code limit} or {@code $top}.
     *
     * @return at least 1
     */
    public int limit() {
        return limit;
    }

    /**
     * The server's link to this page (OData {@code @odata.nextLink} of the previous page). When
     * present, fetch it instead of building a URL from offset and limit.
     *
     * @return the link, possibly relative, or empty
     */
    public Optional<String> nextLink() {
        return Optional.ofNullable(nextLink);
    }

    /**
     * Whether to ask the server for the collection's total ({@code $count=true}). True only on the
     * first page of an OData iteration: one count is enough to know when to stop.
     *
     * @return whether to request the total
     */
    public boolean includeCount() {
        return includeCount;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OffsetPageRequest)) {
            return false;
        }
        OffsetPageRequest other = (OffsetPageRequest) o;
        return offset == other.offset && limit == other.limit && includeCount == other.includeCount
                && Objects.equals(nextLink, other.nextLink);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, limit, nextLink, includeCount);
    }

    /**
     * Describes the request.
     *
     * @return e.g. {@code OffsetPageRequest{offset=200, limit=100}}
     */
    @Override
    public String toString() {
        return "OffsetPageRequest{offset=" + offset + ", limit=" + limit
                + (nextLink == null ? "" : ", nextLink=" + nextLink)
                + (includeCount ? ", includeCount=true" : "") + "}";
    }
}
