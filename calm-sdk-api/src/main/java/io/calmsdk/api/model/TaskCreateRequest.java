package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.core.exception.ValidationException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What to send to create a Cloud ALM task ({@code POST /calm-tasks/v1/tasks}). Immutable and
 * thread-safe.
 */
public final class TaskCreateRequest {

    private final String projectId;
    private final String title;
    private final TaskType type;
    private final String description;
    private final String assigneeId;
    private final LocalDate dueDate;
    private final Integer priorityId;
    private final String parentId;
    private final String externalId;

    private TaskCreateRequest(Builder b) {
        this.projectId = Checks.notBlank("projectId", b.projectId);
        this.title = Checks.notBlank("title", b.title);
        this.type = b.type == null ? TaskType.TASK : b.type;
        if (TaskType.SUB_TASK.equals(type) && (b.parentId == null || b.parentId.isBlank())) {
            throw new ValidationException("parentId", "is missing for a sub-task (CALMST)",
                    "the id of the task the sub-task belongs to");
        }
        if (b.priorityId != null) {
            TaskUpdateRequest.checkPriority(b.priorityId);
        }
        this.description = b.description;
        this.assigneeId = b.assigneeId;
        this.dueDate = b.dueDate;
        this.priorityId = b.priorityId;
        this.parentId = b.parentId;
        this.externalId = b.externalId;
    }

    /**
     * A request that creates a plain task ({@link TaskType#TASK}) with this title in this project.
     *
     * @param projectId the project's id
     * @param title the task's title
     * @return the request
     * @throws ValidationException if an argument is blank
     */
    public static TaskCreateRequest of(String projectId, String title) {
        return builder().projectId(projectId).title(title).build();
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
     * The project the task is created in.
     *
     * @return the project id
     */
    public String projectId() {
        return projectId;
    }

    /**
     * The task's title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The task's type.
     *
     * @return the type, {@link TaskType#TASK} unless set
     */
    public TaskType type() {
        return type;
    }

    /**
     * The task's description.
     *
     * @return the description, if set
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The user to assign the task to.
     *
     * @return the assignee id, if set
     */
    public Optional<String> assigneeId() {
        return Optional.ofNullable(assigneeId);
    }

    /**
     * The due date.
     *
     * @return the due date, if set
     */
    public Optional<LocalDate> dueDate() {
        return Optional.ofNullable(dueDate);
    }

    /**
     * The priority.
     *
     * @return 10, 20, 30 or 40, if set
     */
    public Optional<Integer> priorityId() {
        return Optional.ofNullable(priorityId);
    }

    /**
     * The parent task of a sub-task.
     *
     * @return the parent id, if set
     */
    public Optional<String> parentId() {
        return Optional.ofNullable(parentId);
    }

    /**
     * The id of the task in an external system.
     *
     * @return the external id, if set
     */
    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("projectId", projectId).put("title", title).put("type", type.value())
                .put("description", description).put("assigneeId", assigneeId)
                .put("dueDate", dueDate == null ? null : dueDate.toString()).put("priorityId", priorityId)
                .put("parentId", parentId).put("externalId", externalId).build();
    }

    @Override
    public String toString() {
        return "TaskCreateRequest" + toWire();
    }

    /** Builds a {@link TaskCreateRequest}. Not thread-safe. */
    public static final class Builder {
        private String projectId;
        private String title;
        private TaskType type;
        private String description;
        private String assigneeId;
        private LocalDate dueDate;
        private Integer priorityId;
        private String parentId;
        private String externalId;

        private Builder() {
        }

        /**
         * Sets the project to create the task in (required).
         *
         * @param projectId the project's id
         * @return this builder
         */
        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /**
         * Sets the title (required).
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the type; default {@link TaskType#TASK}.
         *
         * @param type the type
         * @return this builder
         */
        public Builder type(TaskType type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Assigns the task to a user.
         *
         * @param assigneeId the user's id
         * @return this builder
         */
        public Builder assigneeId(String assigneeId) {
            this.assigneeId = assigneeId;
            return this;
        }

        /**
         * Sets the due date.
         *
         * @param dueDate the due date
         * @return this builder
         */
        public Builder dueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        /**
         * Sets the priority: 10 very high, 20 high, 30 medium, 40 low.
         *
         * @param priorityId the priority
         * @return this builder
         */
        public Builder priorityId(int priorityId) {
            this.priorityId = priorityId;
            return this;
        }

        /**
         * Sets the parent task; required for {@link TaskType#SUB_TASK}.
         *
         * @param parentId the parent task's id
         * @return this builder
         */
        public Builder parentId(String parentId) {
            this.parentId = parentId;
            return this;
        }

        /**
         * Sets the id of the task in an external system.
         *
         * @param externalId the external id
         * @return this builder
         */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if the project id or title is missing, a sub-task has no parent,
         *         or the priority is not 10, 20, 30 or 40
         */
        public TaskCreateRequest build() {
            return new TaskCreateRequest(this);
        }
    }
}
