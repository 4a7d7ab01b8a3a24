package io.calmsdk.btp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Filters for Service Manager lists: a {@code fieldQuery} and a {@code labelQuery}, built from
 * equality conditions (string literals quoted and escaped as Service Manager expects) or given as raw
 * expressions, and the page size. Immutable and thread-safe.
 *
 * <pre>{@code
 * ListQuery q = ListQuery.builder().field("name", "calm-api").label("team", "alm").build();
 * // fieldQuery=name eq 'calm-api'   labelQuery=team eq 'alm'
 * }</pre>
 */
public final class ListQuery {

    private static final ListQuery ALL = builder().build();

    private final String fieldQuery;
    private final String labelQuery;
    private final int maxItems;

    private ListQuery(Builder b) {
        this.fieldQuery = b.fields.isEmpty() ? null : String.join(" and ", b.fields);
        this.labelQuery = b.labels.isEmpty() ? null : String.join(" and ", b.labels);
        this.maxItems = b.maxItems;
    }

    /**
     * No filter: every item, in pages of the default size.
     *
     * @return the query
     */
    public static ListQuery all() {
        return ALL;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a query from what a caller sets on a builder, for the {@code Consumer<ListQuery.Builder>} overloads. */
    static ListQuery of(Consumer<Builder> query) {
        Objects.requireNonNull(query, "query");
        Builder b = builder();
        query.accept(b);
        return b.build();
    }

    /**
     * Quotes a string literal for a query: wrapped in single quotes, a quote doubled.
     *
     * @param value the value
     * @return e.g. {@code 'it''s'}
     */
    public static String literal(String value) {
        return "'" + Objects.requireNonNull(value, "value").replace("'", "''") + "'";
    }

    /**
     * The field query.
     *
     * @return e.g. {@code name eq 'calm-api' and service_plan_id eq '...'}, empty when none
     */
    public Optional<String> fieldQuery() {
        return Optional.ofNullable(fieldQuery);
    }

    /**
     * The label query.
     *
     * @return e.g. {@code team eq 'alm'}, empty when none
     */
    public Optional<String> labelQuery() {
        return Optional.ofNullable(labelQuery);
    }

    /**
     * The page size asked for.
     *
     * @return the {@code max_items} value, 0 for the service default
     */
    public int maxItems() {
        return maxItems;
    }

    @Override
    public String toString() {
        return "ListQuery{fieldQuery=" + fieldQuery + ", labelQuery=" + labelQuery + ", maxItems=" + maxItems + "}";
    }

    /** Builds a {@link ListQuery}; conditions are joined with {@code and}. Not thread-safe. */
    public static final class Builder {
        private final List<String> fields = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private int maxItems;

        private Builder() {
        }

        /**
         * Adds {@code <field> eq '<value>'} to the field query.
         *
         * @param field e.g. {@code name}
         * @param value the value, quoted and escaped here
         * @return this builder
         */
        public Builder field(String field, String value) {
            fields.add(Objects.requireNonNull(field, "field") + " eq " + literal(value));
            return this;
        }

        /**
         * Adds a raw expression to the field query, e.g. {@code name in ('a','b')}.
         *
         * @param expression the expression, used as given
         * @return this builder
         */
        public Builder fieldExpression(String expression) {
            fields.add(Objects.requireNonNull(expression, "expression"));
            return this;
        }

        /**
         * Adds {@code <key> eq '<value>'} to the label query.
         *
         * @param key the label key
         * @param value the value, quoted and escaped here
         * @return this builder
         */
        public Builder label(String key, String value) {
            labels.add(Objects.requireNonNull(key, "key") + " eq " + literal(value));
            return this;
        }

        /**
         * Adds a raw expression to the label query.
         *
         * @param expression the expression, used as given
         * @return this builder
         */
        public Builder labelExpression(String expression) {
            labels.add(Objects.requireNonNull(expression, "expression"));
            return this;
        }

        /**
         * Sets the page size; checked by {@link #build()}.
         *
         * @param maxItems 1 or more; 0 for the service default
         * @return this builder
         */
        public Builder maxItems(int maxItems) {
            this.maxItems = maxItems;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws IllegalStateException if {@code maxItems} is negative
         */
        public ListQuery build() {
            if (maxItems < 0) {
                throw new IllegalStateException("maxItems must not be negative, was " + maxItems);
            }
            return new ListQuery(this);
        }
    }
}
