package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.core.exception.ValidationException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields to change on a Cloud ALM task ({@code PATCH /calm-tasks/v1/tasks/{id}}): only the fields
 * set here are sent, the others keep their values. Immutable and thread-safe.
 */
public final class TaskUpdateRequest {

    private static final Set<Integer> PRIORITIES = Set.of(10, 20, 30, 40);

    private final String title;
    private final String description;
    private final String status;
    private final String assigneeId;
    private final LocalDate dueDate;
    private final Integer priorityId;

    private TaskUpdateRequest(Builder b) {
        if (b.title != null && b.title.isBlank()) {
            throw new ValidationException("title", "is blank", "a non-blank text, or leave it unset");
        }
        if (b.priorityId != null) {
            checkPriority(b.priorityId);
        }
        if (b.title == null && b.description == null && b.status == null && b.assigneeId == null
                && b.dueDate == null && b.priorityId == null) {
            throw new ValidationException("update", "sets no field",
                    "at least one of title, description, status, assigneeId, dueDate, priorityId");
        }
        this.title = b.title;
        this.description = b.description;
        this.status = b.status;
        this.assigneeId = b.assigneeId;
        this.dueDate = b.dueDate;
        this.priorityId = b.priorityId;
    }

    static void checkPriority(int priorityId) {
        if (!PRIORITIES.contains(priorityId)) {
            throw new ValidationException("priorityId", "is " + priorityId,
                    "10 (very high), 20 (high), 30 (medium) or 40 (low)");
        }
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
     * The new title.
     *
     * @return the title, if it changes
     */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /**
     * The new description.
     *
     * @return the description, if it changes
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The new status code.
     *
     * @return the status, if it changes
     */
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    /**
     * The new assignee.
     *
     * @return the assignee id, if it changes
     */
    public Optional<String> assigneeId() {
        return Optional.ofNullable(assigneeId);
    }

    /**
     * The new due date.
     *
     * @return the due date, if it changes
     */
    public Optional<LocalDate> dueDate() {
        return Optional.ofNullable(dueDate);
    }

    /**
     * The new priority.
     *
     * @return 10, 20, 30 or 40, if it changes
     */
    public Optional<Integer> priorityId() {
        return Optional.ofNullable(priorityId);
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("title", title).put("description", description).put("status", status)
                .put("assigneeId", assigneeId).put("dueDate", dueDate == null ? null : dueDate.toString())
                .put("priorityId", priorityId).build();
    }

    @Override
    public String toString() {
        return "TaskUpdateRequest" + toWire();
    }

    /** Builds a {@link TaskUpdateRequest}. Not thread-safe. */
    public static final class Builder {
        private String title;
        private String description;
        private String status;
        private String assigneeId;
        private LocalDate dueDate;
        private Integer priorityId;

        private Builder() {
        }

        /**
         * Changes the title.
         *
         * @param title the new title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Changes the description.
         *
         * @param description the new description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Changes the status code as Cloud ALM spells it.
         *
         * @param status the new status code
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * Assigns the task to another user.
         *
         * @param assigneeId the user's id
         * @return this builder
         */
        public Builder assigneeId(String assigneeId) {
            this.assigneeId = assigneeId;
            return this;
        }

        /**
         * Changes the due date.
         *
         * @param dueDate the new due date
         * @return this builder
         */
        public Builder dueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        /**
         * Changes the priority: 10 very high, 20 high, 30 medium, 40 low.
         *
         * @param priorityId the new priority
         * @return this builder
         */
        public Builder priorityId(int priorityId) {
            this.priorityId = priorityId;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set, the title is blank or the priority is not
         *         10, 20, 30 or 40
         */
        public TaskUpdateRequest build() {
            return new TaskUpdateRequest(this);
        }
    }
}
