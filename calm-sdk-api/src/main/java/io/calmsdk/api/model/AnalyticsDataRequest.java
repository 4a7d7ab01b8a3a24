package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A query of the Cloud ALM analytics REST data interface ({@code POST /calm-analytics/v1/analytics/providers/data}),
 * written exactly as SAP's analytics Postman collection writes it: {@code format} ({@code table} or
 * {@code time_series}), {@code tableType}, {@code timeRange.semantic} (e.g. {@code L6M}), {@code resolution},
 * {@code offset}/{@code limit} (sent as text, as SAP's samples send them), {@code timezone} and one or more
 * {@linkplain Query queries} naming a provider, its dimensions, measures and filters. Immutable and thread-safe.
 *
 * <pre>{@code
 * AnalyticsDataRequest request = AnalyticsDataRequest.builder().format("table").tableType("snapshot")
 *         .period("L6M").resolution("M").limit(10)
 *         .query(AnalyticsDataRequest.Query.builder().name("legend1").provider("DP_TASKS")
 *                 .dimensions("project", "name", "type", "status").measures("count")
 *                 .filter("project", projectId).build())
 *         .build();
 * }</pre>
 */
public final class AnalyticsDataRequest {

    private final Map<String, Object> fields;

    private AnalyticsDataRequest(Builder b) {
        if (b.queries.isEmpty()) {
            throw new ValidationException("queries", "is empty", "at least one query naming a provider");
        }
        Map<String, Object> copy = new LinkedHashMap<>(b.fields.freeze());
        List<Object> queries = new ArrayList<>();
        b.queries.forEach(q -> queries.add(q.fields()));
        copy.put("queries", List.copyOf(queries));
        this.fields = Collections.unmodifiableMap(copy);
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
     * The JSON fields sent, by SAP's names.
     *
     * @return the fields, unmodifiable
     */
    @JsonValue
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return "AnalyticsDataRequest" + fields;
    }

    /** Builds an {@link AnalyticsDataRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.create();
        private final List<Query> queries = new ArrayList<>();

        private Builder() {
        }

        private Builder set(String name, Object value) {
            return fields.set(this, name, value);
        }

        /**
         * Sets the answer's shape: {@code table} or {@code time_series}.
         *
         * @param format the value
         * @return this builder
         */
        public Builder format(String format) {
            return set("format", format);
        }

        /**
         * Sets the table type of a {@code table} answer: {@code snapshot} or {@code raw}.
         *
         * @param tableType the value
         * @return this builder
         */
        public Builder tableType(String tableType) {
            return set("tableType", tableType);
        }

        /**
         * Sets the time range as a semantic period, e.g. {@code L6M} (last six months), {@code L24H}, {@code C1D}.
         *
         * @param semantic the period
         * @return this builder
         */
        public Builder period(String semantic) {
            return set("timeRange", Map.of("semantic", Objects.requireNonNull(semantic, "semantic")));
        }

        /**
         * Sets the time resolution, e.g. {@code M} (month), {@code D}, {@code H}, {@code W}.
         *
         * @param resolution the value
         * @return this builder
         */
        public Builder resolution(String resolution) {
            return set("resolution", resolution);
        }

        /**
         * Sets the first row to return (sent as text, as SAP's collection sends it).
         *
         * @param offset 0 or more
         * @return this builder
         */
        public Builder offset(int offset) {
            return set("offset", Integer.toString(Checks.inRange("offset", offset, 0, Integer.MAX_VALUE)));
        }

        /**
         * Sets the maximum number of rows (sent as text, as SAP's collection sends it).
         *
         * @param limit 1 or more
         * @return this builder
         */
        public Builder limit(int limit) {
            return set("limit", Integer.toString(Checks.inRange("limit", limit, 1, Integer.MAX_VALUE)));
        }

        /**
         * Sets the time zone the buckets are computed in, e.g. {@code +01:00}.
         *
         * @param timezone the offset
         * @return this builder
         */
        public Builder timezone(String timezone) {
            return set("timezone", timezone);
        }

        /**
         * Sets the format of timestamps in the answer, e.g. {@code unix}.
         *
         * @param timestampFormat the value
         * @return this builder
         */
        public Builder timestampFormat(String timestampFormat) {
            return set("timestampFormat", timestampFormat);
        }

        /**
         * Adds a query.
         *
         * @param query the query
         * @return this builder
         */
        public Builder query(Query query) {
            queries.add(Objects.requireNonNull(query, "query"));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no query was added
         */
        public AnalyticsDataRequest build() {
            return new AnalyticsDataRequest(this);
        }
    }

    /**
     * One query of a data request: a provider, optionally its version, the dimensions and measures to return
     * ({@code columns}) and filters ({@code {"key": ..., "values": [...]}}). Immutable and thread-safe.
     */
    public static final class Query {

        private final Map<String, Object> fields;

        private Query(Builder b) {
            Map<String, Object> copy = new LinkedHashMap<>(b.fields.freeze());
            if (!b.dimensions.isEmpty() || !b.measures.isEmpty()) {
                List<Object> metrics = new ArrayList<>();
                b.measures.forEach(m -> metrics.add(Map.of("measure", m)));
                Map<String, Object> columns = new LinkedHashMap<>();
                columns.put("dimensions", List.copyOf(b.dimensions));
                columns.put("metrics", List.copyOf(metrics));
                copy.put("columns", Collections.unmodifiableMap(columns));
            }
            if (b.filters != null) {
                copy.put("filters", List.copyOf(b.filters));
            }
            this.fields = Collections.unmodifiableMap(copy);
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
         * A query of a provider with no columns or filters, e.g. {@code Query.of("DP_PROJECTS")}.
         *
         * @param provider the provider
         * @return the query
         * @throws ValidationException if the provider is blank
         */
        public static Query of(String provider) {
            return builder().provider(provider).build();
        }

        /**
         * The provider queried.
         *
         * @return e.g. {@code DP_TASKS}
         */
        public String provider() {
            return (String) fields.get("provider");
        }

        /**
         * The JSON fields sent, by SAP's names.
         *
         * @return the fields, unmodifiable
         */
        @JsonValue
        public Map<String, Object> fields() {
            return fields;
        }

        @Override
        public String toString() {
            return "Query" + fields;
        }

        /** Builds a {@link Query}. Not thread-safe. */
        public static final class Builder {
            private final RequestFields fields = RequestFields.create().required("provider");
            private final List<String> dimensions = new ArrayList<>();
            private final List<String> measures = new ArrayList<>();
            private List<Object> filters;

            private Builder() {
            }

            private Builder set(String name, Object value) {
                return fields.set(this, name, value);
            }

            /**
             * Sets the query's name (the legend of its series), e.g. {@code legend1}.
             *
             * @param name the value
             * @return this builder
             */
            public Builder name(String name) {
                return set("name", name);
            }

            /**
             * Sets the provider, e.g. {@code DP_TASKS}.
             *
             * @param provider the value
             * @return this builder
             */
            public Builder provider(String provider) {
                return set("provider", provider);
            }

            /**
             * Sets the provider's version, e.g. {@code V1}.
             *
             * @param version the value
             * @return this builder
             */
            public Builder version(String version) {
                return set("version", version);
            }

            /**
             * Adds dimensions to return, e.g. {@code project}, {@code status}.
             *
             * @param names the dimensions
             * @return this builder
             */
            public Builder dimensions(String... names) {
                for (String n : names) {
                    dimensions.add(Objects.requireNonNull(n, "dimension"));
                }
                return this;
            }

            /**
             * Adds measures to return, e.g. {@code count}, {@code counter}.
             *
             * @param names the measures
             * @return this builder
             */
            public Builder measures(String... names) {
                for (String n : names) {
                    measures.add(Objects.requireNonNull(n, "measure"));
                }
                return this;
            }

            /**
             * Adds a filter: rows whose dimension {@code key} has one of the values.
             *
             * @param key the dimension, e.g. {@code project}
             * @param values the accepted values
             * @return this builder
             */
            public Builder filter(String key, String... values) {
                Map<String, Object> filter = new LinkedHashMap<>();
                filter.put("key", Objects.requireNonNull(key, "key"));
                filter.put("values", List.of(values));
                if (filters == null) {
                    filters = new ArrayList<>();
                }
                filters.add(Collections.unmodifiableMap(filter));
                return this;
            }

            /**
             * Sends an empty filter list ({@code "filters": []}), as SAP's collection does for unfiltered queries.
             *
             * @return this builder
             */
            public Builder noFilters() {
                if (filters == null) {
                    filters = new ArrayList<>();
                }
                return this;
            }

            /**
             * Builds the query.
             *
             * @return the query
             * @throws ValidationException if the provider is blank
             */
            public Query build() {
                return new Query(this);
            }
        }
    }
}
