package io.calmsdk.api.model;

import io.calmsdk.api.internal.Checks;
import io.calmsdk.core.exception.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The system query options of an OData v4 collection read: {@code $filter}, {@code $select},
 * {@code $expand}, {@code $orderby} and the page size ({@code $top} per request). The SDK adds
 * {@code $skip} while paging, and {@code $count=true} on the first page so that paging can stop at the
 * total the server reports (see {@link io.calmsdk.core.paging.Page#totalCount()}). One query type serves
 * every OData family of the SDK (process hierarchy, features, documents, test management, process
 * management, process authoring, analytics, landscape).
 *
 * <p>Typed criteria ({@link Builder#where(String, Object)}) are quoted and escaped by the SDK and joined with
 * {@code and} to the free {@link Builder#filter(String) filter}; custom query options
 * ({@link Builder#parameter(String, String)}, e.g. {@code projectId}) are sent beside the system options.
 *
 * <pre>{@code
 * ODataQuery q = ODataQuery.builder().where("projectId", projectId).where("statusCode", "CIPTKOPEN")
 *         .select("uuid", "title").orderBy("modifiedAt desc").pageSize(200).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
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
    private final List<String> criteria;
    private final Map<String, String> parameters;

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private ODataQuery(Builder b) {
        if (b.filter != null && b.filter.isBlank()) {
            throw new ValidationException("filter", "is blank",
                    "an OData $filter expression such as \"parentNodeUuid eq null\", or leave it unset");
        }
        this.filter = b.filter;
        this.criteria = List.copyOf(b.criteria);
        this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
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
        if (criteria.isEmpty()) {
            return Optional.ofNullable(filter);
        }
        List<String> parts = new ArrayList<>(criteria);
        if (filter != null) {
            parts.add("(" + filter + ")");
        }
        return Optional.of(String.join(" and ", parts));
    }

    /**
     * The custom query options sent with every page, e.g. {@code projectId}.
     *
     * @return the options by name
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * Starts a builder holding this query's settings, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.filter = filter;
        b.select = select;
        b.expand = expand;
        b.orderBy = orderBy;
        b.pageSize = pageSize;
        b.criteria.addAll(criteria);
        b.parameters.putAll(parameters);
        return b;
    }

    /**
     * Writes a value as an OData literal: text in single quotes with {@code '} doubled, numbers and booleans
     * as they are, {@code null} as {@code null}.
     *
     * @param value the value
     * @return the literal
     * @throws ValidationException if the value is of another type
     */
    public static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof java.util.UUID
                || value instanceof java.time.temporal.TemporalAccessor) {
            return "'" + value.toString().replace("'", "''") + "'";
        }
        throw new ValidationException("value", "is a " + value.getClass().getName(),
                "text, a number, a boolean, a UUID, a date or time, or null");
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
                && Objects.equals(orderBy, q.orderBy) && pageSize == q.pageSize && criteria.equals(q.criteria)
                && parameters.equals(q.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filter, select, expand, orderBy, pageSize, criteria, parameters);
    }

    @Override
    public String toString() {
        return "ODataQuery{filter=" + filter + ", select=" + select + ", expand=" + expand + ", orderBy=" + orderBy
                + ", pageSize=" + pageSize + ", criteria=" + criteria + ", parameters=" + parameters + "}";
    }

    /** Builds an {@link ODataQuery}. Not thread-safe. */
    public static final class Builder {
        private String filter;
        private List<String> select = List.of();
        private String expand;
        private String orderBy;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private final List<String> criteria = new ArrayList<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds the criterion {@code property eq value}, the value written as an OData literal (text quoted
         * and escaped); criteria are joined with {@code and}, to each other and to {@link #filter(String)}.
         *
         * @param property the property, e.g. {@code projectId}
         * @param value text, a number, a boolean, a UUID, a date or time, or {@code null}
         * @return this builder
         * @throws ValidationException if the property is not an OData property name or the value is of
         *         another type
         */
        public Builder where(String property, Object value) {
            return where(property, "eq", value);
        }

        /**
         * Adds the criterion {@code property ne value}; see {@link #where(String, Object)}.
         *
         * @param property the property, e.g. {@code statusCode}
         * @param value the value it must not have
         * @return this builder
         * @throws ValidationException if the property is not an OData property name or the value is of
         *         another type
         */
        public Builder whereNot(String property, Object value) {
            return where(property, "ne", value);
        }

        private Builder where(String property, String operator, Object value) {
            if (property == null || !PROPERTY.matcher(property).matches()) {
                throw new ValidationException("property", "is '" + property + "'",
                        "an OData property name such as projectId or toParent/uuid");
            }
            criteria.add(property + " " + operator + " " + literal(value));
            return this;
        }

        /**
         * Adds a custom query option sent with every page, e.g. {@code projectId} of the process management
         * API, or replaces it.
         *
         * @param name the option name, not starting with {@code $}
         * @param value the value, sent URL-encoded
         * @return this builder
         * @throws ValidationException if the name is not a plain option name or the value is {@code null}
         */
        public Builder parameter(String name, String value) {
            if (name == null || !PARAMETER.matcher(name).matches()) {
                throw new ValidationException("parameter", "is '" + name + "'",
                        "a custom query option name such as projectId (system options have their own setters)");
            }
            parameters.put(name, Checks.notNull(name, value, "a value"));
            return this;
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
