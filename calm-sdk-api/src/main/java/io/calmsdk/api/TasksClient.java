package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntityReader;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.internal.QueryString;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.api.model.Comment;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.api.model.TaskListRequest;
import io.calmsdk.api.model.TaskUpdateRequest;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.paging.PagedIterable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The Cloud ALM Tasks API ({@code /calm-tasks/v1}): tasks, user stories, sub-tasks, requirements,
 * defects and risks, and their comments. Obtained from {@link CloudAlmClient#tasks()}; reads need scope
 * {@code calm-api.tasks.read}, changes {@code calm-api.tasks.write}. Immutable and thread-safe.
 */
public final class TasksClient {

    private static final PathTemplate TASKS = PathTemplate.parse("/calm-tasks/v1/tasks");
    private static final PathTemplate TASK = PathTemplate.parse("/calm-tasks/v1/tasks/{id}");
    private static final PathTemplate COMMENTS = PathTemplate.parse("/calm-tasks/v1/tasks/{id}/comments");
    private static final PageDecoder<Task> TASK_PAGES = PageDecoder.of(Task.class, "tasks");
    private static final PageDecoder<Comment> COMMENT_PAGES = PageDecoder.of(Comment.class, "comments");

    private final ApiCaller caller;

    TasksClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * Lists the tasks of a project that match the request's filters, fetched lazily page by page
     * ({@code offset}/{@code limit}): only one page is held in memory at a time, so any number of tasks
     * can be iterated. Each iteration starts again from the first page.
     *
     * <pre>{@code
     * for (Task task : client.tasks().list(TaskListRequest.builder()
     *         .projectId(projectId).type(TaskType.USER_STORY).lastChangedAfter(LocalDate.now().minusDays(7))
     *         .build())) { ... }
     * }</pre>
     *
     * @param request the project, filters and page size
     * @return the tasks, fetched when iterated
     */
    public PagedIterable<Task> list(TaskListRequest request) {
        Objects.requireNonNull(request, "request");
        List<Map.Entry<String, String>> filters = new ArrayList<>();
        filters.add(Map.entry("projectId", request.projectId()));
        request.type().ifPresent(t -> filters.add(Map.entry("type", t.value())));
        request.assigneeId().ifPresent(a -> filters.add(Map.entry("assigneeId", a)));
        request.status().ifPresent(s -> filters.add(Map.entry("status", s)));
        request.lastChangedAfter().ifPresent(d -> filters.add(Map.entry("lastChangedDate", "gt:" + d)));
        return caller.offsetLimit(TASKS.expand(), filters, request.pageSize(), TASK_PAGES, "list tasks");
    }

    /**
     * Lists tasks with a filter built in place: {@code tasks.list(f -> f.projectId(id).status("OPEN"))}.
     *
     * @param request fills a {@link TaskListRequest.Builder}
     * @return the tasks, fetched lazily page by page
     * @throws io.calmsdk.core.exception.CalmException as {@link #list(TaskListRequest)} throws
     */
    public PagedIterable<Task> list(Consumer<TaskListRequest.Builder> request) {
        return list(Requests.build(TaskListRequest.builder(), request, TaskListRequest.Builder::build));
    }

    /**
     * Lists all tasks of a project, {@value TaskListRequest#DEFAULT_PAGE_SIZE} per request.
     *
     * @param projectId the project's id
     * @return the tasks, fetched when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public PagedIterable<Task> list(String projectId) {
        return list(TaskListRequest.forProject(projectId));
    }

    /**
     * Reads a task.
     *
     * @param taskId the task's id
     * @return the task
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such task
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public Task get(String taskId) {
        String path = TASK.expand(Checks.notBlank("taskId", taskId));
        return EntityReader.read(caller.send(get(path, "get task").build(), path), Task.class, "task");
    }

    /**
     * Reads a task if it exists.
     *
     * @param taskId the task's id
     * @return the task, or empty when Cloud ALM answers 404
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public Optional<Task> find(String taskId) {
        String path = TASK.expand(Checks.notBlank("taskId", taskId));
        TransportResponse response = caller.send(get(path, "find task").accept(404).build(), path);
        return response.status() == 404 ? Optional.empty() : Optional.of(EntityReader.read(response, Task.class, "task"));
    }

    /**
     * Reads a task without blocking.
     *
     * @param taskId the task's id
     * @return a future completed with the task, or exceptionally as {@link #get(String)} throws
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public CompletableFuture<Task> getAsync(String taskId) {
        String path = TASK.expand(Checks.notBlank("taskId", taskId));
        return caller.sendAsync(get(path, "get task").build(), path)
                .thenApply(r -> EntityReader.read(r, Task.class, "task"));
    }

    /**
     * Creates a task. Not retried once it may have reached Cloud ALM (a repeated create would create a
     * second task): after a timeout, look for the task (e.g. by title or external id) before creating
     * it again.
     *
     * @param request what to create
     * @return the created task
     * @throws io.calmsdk.core.exception.ForbiddenException if the key lacks {@code calm-api.tasks.write}
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public Task create(TaskCreateRequest request) {
        Objects.requireNonNull(request, "request");
        String path = TASKS.expand();
        TransportResponse response = caller.send(post(path, request, "create task"), path);
        return EntityReader.created(response, request, Task.class, "task");
    }

    /**
     * Creates a task from a request built in place:
     * {@code tasks.create(t -> t.projectId(id).title("Prepare cutover"))}.
     *
     * @param request fills a {@link TaskCreateRequest.Builder}
     * @return the created task
     * @throws io.calmsdk.core.exception.CalmException as {@link #create(TaskCreateRequest)} throws
     */
    public Task create(Consumer<TaskCreateRequest.Builder> request) {
        return create(Requests.build(TaskCreateRequest.builder(), request, TaskCreateRequest.Builder::build));
    }

    /**
     * Creates a task without blocking; see {@link #create(TaskCreateRequest)}.
     *
     * @param request what to create
     * @return a future completed with the created task, or exceptionally as the sync variant throws
     */
    public CompletableFuture<Task> createAsync(TaskCreateRequest request) {
        Objects.requireNonNull(request, "request");
        String path = TASKS.expand();
        return caller.sendAsync(post(path, request, "create task"), path)
                .thenApply(r -> EntityReader.created(r, request, Task.class, "task"));
    }

    /**
     * Changes the fields set in the request; the others keep their values.
     *
     * @param taskId the task's id
     * @param request the fields to change
     * @return the task after the change
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such task
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public Task update(String taskId, TaskUpdateRequest request) {
        Objects.requireNonNull(request, "request");
        String path = TASK.expand(Checks.notBlank("taskId", taskId));
        TransportResponse response = caller.send(TransportRequest.patch(caller.uri(path, new QueryString()))
                .jsonBody(request).operation("update task").build(), path);
        // Some APIs answer 204 without the entity: read it back then.
        return response.bodyLength() == 0 ? get(taskId) : EntityReader.read(response, Task.class, "task");
    }

    /**
     * Changes a task with a request built in place: {@code tasks.update(id, t -> t.status("CLOSED"))}.
     *
     * @param taskId the task's id
     * @param request fills a {@link TaskUpdateRequest.Builder}
     * @return the task after the change
     * @throws io.calmsdk.core.exception.CalmException as {@link #update(String, TaskUpdateRequest)} throws
     */
    public Task update(String taskId, Consumer<TaskUpdateRequest.Builder> request) {
        return update(taskId, Requests.build(TaskUpdateRequest.builder(), request, TaskUpdateRequest.Builder::build));
    }

    /**
     * Changes a task without blocking; see {@link #update(String, TaskUpdateRequest)}.
     *
     * @param taskId the task's id
     * @param request the fields to change
     * @return a future completed with the task after the change, or exceptionally as the sync variant throws
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public CompletableFuture<Task> updateAsync(String taskId, TaskUpdateRequest request) {
        Objects.requireNonNull(request, "request");
        String path = TASK.expand(Checks.notBlank("taskId", taskId));
        return caller.sendAsync(TransportRequest.patch(caller.uri(path, new QueryString()))
                        .jsonBody(request).operation("update task").build(), path)
                .thenCompose(r -> r.bodyLength() == 0 ? getAsync(taskId)
                        : CompletableFuture.completedFuture(EntityReader.read(r, Task.class, "task")));
    }

    /**
     * Deletes a task.
     *
     * @param taskId the task's id
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such task
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public void delete(String taskId) {
        String path = TASK.expand(Checks.notBlank("taskId", taskId));
        caller.send(TransportRequest.delete(caller.uri(path, new QueryString())).operation("delete task").build(), path);
    }

    /**
     * Deletes a task without blocking.
     *
     * @param taskId the task's id
     * @return a future completed when the task is deleted, or exceptionally as {@link #delete(String)} throws
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public CompletableFuture<Void> deleteAsync(String taskId) {
        String path = TASK.expand(Checks.notBlank("taskId", taskId));
        return caller.sendAsync(TransportRequest.delete(caller.uri(path, new QueryString()))
                .operation("delete task").build(), path).thenApply(r -> null);
    }

    /**
     * Lists the comments of a task, read lazily on first iteration.
     *
     * @param taskId the task's id
     * @return the comments, fetched when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public PagedIterable<Comment> listComments(String taskId) {
        return caller.single(COMMENTS.expand(Checks.notBlank("taskId", taskId)), COMMENT_PAGES, "list task comments");
    }

    /**
     * Adds a comment to a task. Not retried once it may have reached Cloud ALM.
     *
     * @param taskId the task's id
     * @param text the comment's text
     * @return the created comment
     * @throws io.calmsdk.core.exception.ValidationException if an argument is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public Comment createComment(String taskId, String text) {
        String path = COMMENTS.expand(Checks.notBlank("taskId", taskId));
        Map<String, Object> body = WireMaps.object().put("text", Checks.notBlank("text", text)).build();
        TransportResponse response = caller.send(post(path, body, "create task comment"), path);
        return EntityReader.merged(response, body, Comment.class, "comment");
    }

    private TransportRequest post(String path, Object body, String operation) {
        return TransportRequest.post(caller.uri(path, new QueryString())).jsonBody(body).operation(operation).build();
    }

    private TransportRequest.Builder get(String path, String operation) {
        return TransportRequest.get(caller.uri(path, new QueryString())).operation(operation);
    }

    @Override
    public String toString() {
        return "TasksClient{" + caller.endpoint() + "/calm-tasks/v1}";
    }
}
