package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.core.exception.ValidationException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What to send to create a timebox in a project ({@code POST /calm-projects/v1/projects/{id}/timeboxes}),
 * shaped as in SAP's project and task sample:
 * {@code {"type": 2, "name": "Sprint 4", "startDate": "2022-02-07", "endDate": "2022-02-18", "closed": false}}.
 * Immutable and thread-safe.
 */
public final class TimeboxCreateRequest {

    /** The kind of a timebox, sent as Cloud ALM's number code. */
    public enum Type {
        /** A milestone, code 0. */
        MILESTONE(0),
        /** A phase, code 1. */
        PHASE(1),
        /** A sprint, code 2. */
        SPRINT(2);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        /**
         * The code Cloud ALM uses for this kind.
         *
         * @return 0, 1 or 2
         */
        public int code() {
            return code;
        }
    }

    private final String name;
    private final Type type;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final Boolean closed;

    private TimeboxCreateRequest(Builder b) {
        this.name = Checks.notBlank("name", b.name);
        this.type = Checks.notNull("type", b.type, "MILESTONE, PHASE or SPRINT");
        this.startDate = Checks.notNull("startDate", b.startDate, "the timebox's first day");
        this.endDate = Checks.notNull("endDate", b.endDate, "the timebox's last day, not before startDate");
        if (endDate.isBefore(startDate)) {
            throw new ValidationException("endDate", "is " + endDate + ", before startDate " + startDate,
                    "a day on or after startDate");
        }
        this.closed = b.closed;
    }

    /**
     * A request that creates an open sprint.
     *
     * @param name the sprint's name
     * @param startDate its first day
     * @param endDate its last day
     * @return the request
     * @throws ValidationException if the name is blank, a date is missing or the end is before the start
     */
    public static TimeboxCreateRequest sprint(String name, LocalDate startDate, LocalDate endDate) {
        return builder().type(Type.SPRINT).name(name).startDate(startDate).endDate(endDate).build();
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
     * The timebox's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The timebox's kind.
     *
     * @return the type
     */
    public Type type() {
        return type;
    }

    /**
     * The timebox's first day.
     *
     * @return the start date
     */
    public LocalDate startDate() {
        return startDate;
    }

    /**
     * The timebox's last day.
     *
     * @return the end date
     */
    public LocalDate endDate() {
        return endDate;
    }

    /**
     * Whether the timebox is created closed (no longer offered for assigning tasks).
     *
     * @return the flag, if set
     */
    public Optional<Boolean> closed() {
        return Optional.ofNullable(closed);
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("type", type.code()).put("name", name).put("startDate", startDate.toString())
                .put("endDate", endDate.toString()).put("closed", closed).build();
    }

    @Override
    public String toString() {
        return "TimeboxCreateRequest" + toWire();
    }

    /** Builds a {@link TimeboxCreateRequest}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private Type type;
        private LocalDate startDate;
        private LocalDate endDate;
        private Boolean closed;

        private Builder() {
        }

        /**
         * Sets the name (required).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the kind (required).
         *
         * @param type milestone, phase or sprint
         * @return this builder
         */
        public Builder type(Type type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the first day (required).
         *
         * @param startDate the start date
         * @return this builder
         */
        public Builder startDate(LocalDate startDate) {
            this.startDate = startDate;
            return this;
        }

        /**
         * Sets the last day (required, not before the first).
         *
         * @param endDate the end date
         * @return this builder
         */
        public Builder endDate(LocalDate endDate) {
            this.endDate = endDate;
            return this;
        }

        /**
         * Creates the timebox closed or open; Cloud ALM's default is open.
         *
         * @param closed whether it is closed
         * @return this builder
         */
        public Builder closed(boolean closed) {
            this.closed = closed;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if the name is blank, the type or a date is missing, or the end is
         *         before the start
         */
        public TimeboxCreateRequest build() {
            return new TimeboxCreateRequest(this);
        }
    }
}
