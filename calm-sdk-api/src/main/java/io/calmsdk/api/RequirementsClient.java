package io.calmsdk.api;

import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.api.model.TaskListRequest;
import io.calmsdk.api.model.TaskType;
import io.calmsdk.api.model.TaskUpdateRequest;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Requirements, as SAP's requirements notebook reads and writes them: tasks of type {@code CALMREQU} of the
 * Tasks API ({@code /calm-tasks/v1/tasks?projectId=...&type=CALMREQU}), with the tasks' paging and scopes
 * ({@code calm-api.tasks.read}, {@code calm-api.tasks.write}). Every call keeps to requirements: lists ask
 * for the type, creates set it, and a task of another type is not returned as a requirement. Obtained from
 * {@link CloudAlmClient#requirements()}. Immutable and thread-safe.
 */
public final class RequirementsClient {

    private final TasksClient tasks;

    RequirementsClient(TasksClient tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /**
     * Lists the requirements of a project, {@value TaskListRequest#DEFAULT_PAGE_SIZE} per request.
     *
     * @param projectId the project
     * @return the requirements, fetched lazily when iterated
     * @throws ValidationException if the project id is blank
     */
    public PagedIterable<Task> list(String projectId) {
        return list(r -> r.projectId(projectId));
    }

    /**
     * Lists the requirements a filter selects (status, assignee, last change, page size); the type is always
     * {@code CALMREQU}.
     *
     * @param request fills a {@link TaskListRequest.Builder}
     * @return the requirements, fetched lazily when iterated
     */
    public PagedIterable<Task> list(Consumer<TaskListRequest.Builder> request) {
        TaskListRequest built = Requests.build(TaskListRequest.builder(), request,
                (TaskListRequest.Builder b) -> b.type(TaskType.REQUIREMENT).build());
        return tasks.list(built);
    }

    /**
     * Reads a requirement.
     *
     * @param id the requirement's task id
     * @return the requirement
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such task, or it is not a requirement
     */
    public Task get(String id) {
        Task task = tasks.get(id);
        if (!task.type().equals(TaskType.REQUIREMENT)) {
            throw new io.calmsdk.core.exception.NotFoundException(io.calmsdk.core.exception.ServiceFailure.builder()
                    .status(404).method("GET").url("/calm-tasks/v1/tasks/" + id).errorMessage("task " + id + " is a "
                            + task.type().value() + ", not a requirement (CALMREQU)").build());
        }
        return task;
    }

    /**
     * Reads a requirement, empty when there is none.
     *
     * @param id the requirement's task id
     * @return the requirement, or empty (also when the task is of another type)
     */
    public Optional<Task> find(String id) {
        return tasks.find(id).filter(t -> t.type().equals(TaskType.REQUIREMENT));
    }

    /**
     * Creates a requirement in a project.
     *
     * @param projectId the project
     * @param title the title
     * @return the created requirement
     * @throws ValidationException if an argument is blank
     */
    public Task create(String projectId, String title) {
        return create(r -> r.projectId(projectId).title(title));
    }

    /**
     * Creates a requirement from a request built in place; the type is set to {@code CALMREQU}.
     *
     * <pre>{@code
     * Task req = calm.requirements().create(r -> r.projectId(projectId).title("Three-way match")
     *         .description("Invoices match order and goods receipt").priorityId(20));
     * }</pre>
     *
     * @param request fills a {@link TaskCreateRequest.Builder}
     * @return the created requirement
     * @throws ValidationException if the request is invalid, or asks for another type
     */
    public Task create(Consumer<TaskCreateRequest.Builder> request) {
        TaskCreateRequest built = Requests.build(TaskCreateRequest.builder().type(TaskType.REQUIREMENT), request,
                TaskCreateRequest.Builder::build);
        if (!built.type().equals(TaskType.REQUIREMENT)) {
            throw new ValidationException("type", "is " + built.type().value(), "CALMREQU (requirements() creates"
                    + " requirements; use tasks() for other types)");
        }
        return tasks.create(built);
    }

    /**
     * Changes a requirement with a request built in place.
     *
     * @param id the requirement's task id
     * @param request fills a {@link TaskUpdateRequest.Builder}
     * @return the requirement after the change
     */
    public Task update(String id, Consumer<TaskUpdateRequest.Builder> request) {
        return tasks.update(Checks.notBlank("id", id), request);
    }

    /**
     * Deletes a requirement.
     *
     * @param id the requirement's task id
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public void delete(String id) {
        tasks.delete(Checks.notBlank("id", id));
    }

    @Override
    public String toString() {
        return "RequirementsClient{type=CALMREQU, " + tasks + "}";
    }
}
