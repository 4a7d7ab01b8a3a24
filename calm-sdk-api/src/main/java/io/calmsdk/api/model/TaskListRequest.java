package io.calmsdk.api.model;

import io.calmsdk.api.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tasks to list ({@code GET /calm-tasks/v1/tasks}): the tasks of one project, optionally only of
 * one type, one assignee, one status, or changed after a date, fetched {@link #pageSize()} at a time. Immutable and
 * thread-safe.
 */
public final class TaskListRequest {

    /** The page size used unless {@link Builder#pageSize(int)} says otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** The largest page size accepted. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final String projectId;
    private final TaskType type;
    private final String assigneeId;
    private final String status;
    private final LocalDate lastChangedAfter;
    private final int pageSize;

    private TaskListRequest(Builder b) {
        this.projectId = Checks.notBlank("projectId", b.projectId);
        this.type = b.type;
        this.assigneeId = b.assigneeId;
        this.status = b.status;
        this.lastChangedAfter = b.lastChangedAfter;
        this.pageSize = Checks.inRange("pageSize", b.pageSize, 1, MAX_PAGE_SIZE);
    }

    /**
     * Lists all tasks of a project.
     *
     * @param projectId the project's id
     * @return the request
     * @throws io.calmsdk.core.exception.ValidationException if the project id is blank
     */
    public static TaskListRequest forProject(String projectId) {
        return builder().projectId(projectId).build();
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
     * The project whose tasks are listed.
     *
     * @return the project id
     */
    public String projectId() {
        return projectId;
    }

    /**
     * Only tasks of this type.
     *
     * @return the type, if filtered
     */
    public Optional<TaskType> type() {
        return Optional.ofNullable(type);
    }

    /**
     * Only tasks assigned to this user.
     *
     * @return the assignee id, if filtered
     */
    public Optional<String> assigneeId() {
        return Optional.ofNullable(assigneeId);
    }

    /**
     * Only tasks with this status code.
     *
     * @return the status, if filtered
     */
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    /**
     * Only tasks changed after this day (sent as {@code lastChangedDate=gt:YYYY-MM-DD}).
     *
     * @return the day, if filtered
     */
    public Optional<LocalDate> lastChangedAfter() {
        return Optional.ofNullable(lastChangedAfter);
    }

    /**
     * How many tasks to fetch per request.
     *
     * @return 1 to {@link #MAX_PAGE_SIZE}
     */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TaskListRequest)) {
            return false;
        }
        TaskListRequest r = (TaskListRequest) o;
        return projectId.equals(r.projectId) && Objects.equals(type, r.type)
                && Objects.equals(assigneeId, r.assigneeId) && Objects.equals(status, r.status) && Objects.equals(lastChangedAfter, r.lastChangedAfter)
                && pageSize == r.pageSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(projectId, type, assigneeId, status, lastChangedAfter, pageSize);
    }

    @Override
    public String toString() {
        return "TaskListRequest{projectId=" + projectId + ", type=" + type + ", assigneeId=" + assigneeId
                + ", status=" + status + ", lastChangedAfter=" + lastChangedAfter + ", pageSize=" + pageSize + "}";
    }

    /** Builds a {@link TaskListRequest}. Not thread-safe. */
    public static final class Builder {
        private String projectId;
        private TaskType type;
        private String assigneeId;
        private String status;
        private LocalDate lastChangedAfter;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /**
         * Sets the project whose tasks are listed (required).
         *
         * @param projectId the project's id
         * @return this builder
         */
        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /**
         * Lists only tasks of this type.
         *
         * @param type the type
         * @return this builder
         */
        public Builder type(TaskType type) {
            this.type = type;
            return this;
        }

        /**
         * Lists only tasks assigned to this user.
         *
         * @param assigneeId the user's id
         * @return this builder
         */
        public Builder assigneeId(String assigneeId) {
            this.assigneeId = assigneeId;
            return this;
        }

        /**
         * Lists only tasks with this status code, as Cloud ALM spells it.
         *
         * @param status the status code
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * Lists only tasks changed after this day.
         *
         * @param day the day; tasks changed on it are not included
         * @return this builder
         */
        public Builder lastChangedAfter(LocalDate day) {
            this.lastChangedAfter = day;
            return this;
        }

        /**
         * Sets how many tasks to fetch per request; default {@value TaskListRequest#DEFAULT_PAGE_SIZE}.
         *
         * @param pageSize 1 to {@value TaskListRequest#MAX_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws io.calmsdk.core.exception.ValidationException if the project id is missing or the page
         *         size is out of range
         */
        public TaskListRequest build() {
            return new TaskListRequest(this);
        }
    }
}
