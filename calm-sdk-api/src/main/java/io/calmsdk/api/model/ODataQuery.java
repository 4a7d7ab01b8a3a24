package io.calmsdk.api.model;

import io.calmsdk.api.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The system query options of an OData v4 collection read: {@code $filter}, {@code $select},
 * {@code $expand}, {@code $orderby} and the page size ({@code $top} per request). The SDK adds
 * {@code $skip} while paging, and {@code $count=true} on the first page so that paging can stop at the
 * total the server reports (see {@link io.calmsdk.core.paging.Page#totalCount()}). Immutable and
 * thread-safe.
 */
public final class ODataQuery {

    /** The page size used unless {@link Builder#pageSize(int)} says otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** The largest page size accepted. */
    public static final int MAX_PAGE_SIZE = 5000;

    private static final ODataQuery ALL = builder().build();

    private final String filter;
    private final List<String> select;
    private final String expand;
    private final String orderBy;
    private final int pageSize;

    private ODataQuery(Builder b) {
        if (b.filter != null && b.filter.isBlank()) {
            throw new io.calmsdk.core.exception.ValidationException("filter", "is blank",
                    "an OData $filter expression such as \"parentNodeUuid eq null\", or leave it unset");
        }
        this.filter = b.filter;
        this.select = List.copyOf(b.select);
        this.expand = b.expand;
        this.orderBy = b.orderBy;
        this.pageSize = Checks.inRange("pageSize", b.pageSize, 1, MAX_PAGE_SIZE);
    }

    /**
     * Every entity of the collection, {@value #DEFAULT_PAGE_SIZE} per request.
     *
     * @return the query
     */
    public static ODataQuery all() {
        return ALL;
    }

    /**
     * Only entities matching an OData {@code $filter} expression.
     *
     * @param filter the expression, e.g. {@code parentNodeUuid eq null}
     * @return the query
     * @throws io.calmsdk.core.exception.ValidationException if the expression is blank
     */
    public static ODataQuery filter(String filter) {
        return builder().filter(filter).build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code $filter} expression.
     *
     * @return the expression, if set
     */
    public Optional<String> filterExpression() {
        return Optional.ofNullable(filter);
    }

    /**
     * The properties to return ({@code $select}).
     *
     * @return the property names, empty for all
     */
    public List<String> select() {
        return select;
    }

    /**
     * The {@code $expand} expression.
     *
     * @return the expression, if set
     */
    public Optional<String> expand() {
        return Optional.ofNullable(expand);
    }

    /**
     * The {@code $orderby} expression.
     *
     * @return the expression, if set
     */
    public Optional<String> orderBy() {
        return Optional.ofNullable(orderBy);
    }

    /**
     * How many entities to ask for per request ({@code $top}).
     *
     * @return 1 to {@link #MAX_PAGE_SIZE}
     */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ODataQuery)) {
            return false;
        }
        ODataQuery q = (ODataQuery) o;
        return Objects.equals(filter, q.filter) && select.equals(q.select) && Objects.equals(expand, q.expand)
                && Objects.equals(orderBy, q.orderBy) && pageSize == q.pageSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(filter, select, expand, orderBy, pageSize);
    }

    @Override
    public String toString() {
        return "ODataQuery{filter=" + filter + ", select=" + select + ", expand=" + expand + ", orderBy=" + orderBy
                + ", pageSize=" + pageSize + "}";
    }

    /** Builds an {@link ODataQuery}. Not thread-safe. */
    public static final class Builder {
        private String filter;
        private List<String> select = List.of();
        private String expand;
        private String orderBy;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /**
         * Sets the {@code $filter} expression, sent as written (the SDK encodes it for the URL).
         *
         * @param filter e.g. {@code parentNodeUuid eq null}
         * @return this builder
         */
        public Builder filter(String filter) {
            this.filter = filter;
            return this;
        }

        /**
         * Sets the properties to return ({@code $select}).
         *
         * @param properties the property names
         * @return this builder
         */
        public Builder select(String... properties) {
            this.select = List.of(properties);
            return this;
        }

        /**
         * Sets the {@code $expand} expression.
         *
         * @param expand e.g. {@code toParentNode}
         * @return this builder
         */
        public Builder expand(String expand) {
            this.expand = expand;
            return this;
        }

        /**
         * Sets the {@code $orderby} expression. A stable order keeps {@code $skip} paging consistent
         * while the collection changes.
         *
         * @param orderBy e.g. {@code sequence asc}
         * @return this builder
         */
        public Builder orderBy(String orderBy) {
            this.orderBy = orderBy;
            return this;
        }

        /**
         * Sets how many entities to ask for per request; default {@value ODataQuery#DEFAULT_PAGE_SIZE}.
         *
         * @param pageSize 1 to {@value ODataQuery#MAX_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws io.calmsdk.core.exception.ValidationException if the page size is out of range or the
         *         filter is blank
         */
        public ODataQuery build() {
            return new ODataQuery(this);
        }
    }
}
