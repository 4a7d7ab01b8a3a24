package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntityReader;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.internal.QueryString;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.api.model.Comment;
import io.calmsdk.api.model.SolutionProcessAssignment;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.api.model.TaskListRequest;
import io.calmsdk.api.model.TaskType;
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
    private static final PathTemplate REFERENCES = PathTemplate.parse("/calm-tasks/v1/tasks/{id}/references");
    private static final PathTemplate REFERENCE = PathTemplate.parse("/calm-tasks/v1/tasks/references/{id}");
    private static final String ASSIGNMENTS = PathTemplate.parse("/calm-tasks/v1/tasks/solutionProcessAssignments")
            .expand();
    private static final PageDecoder<Task.Reference> REFERENCE_PAGES = PageDecoder.of(Task.Reference.class,
            "task references");
    private static final PageDecoder<SolutionProcessAssignment> ASSIGNMENT_PAGES = PageDecoder.of(
            SolutionProcessAssignment.class, "solution process assignments");
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
     * Lists the sub-tasks ({@link TaskType#SUB_TASK}, {@code CALMST}) of a task, fetched lazily page by page.
     * The Tasks API filters a project's tasks by type but has no documented parent filter: the task is read
     * once for its project, the project's sub-tasks are listed ({@code GET /tasks?projectId=&type=CALMST},
     * {@code offset}/{@code limit}) and those whose {@code parentId} is the task are kept, page by page.
     *
     * @param taskId the parent task's id
     * @return the sub-tasks, fetched when iterated
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such task (when iterated)
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public PagedIterable<Task> listSubTasks(String taskId) {
        Checks.notBlank("taskId", taskId);
        int limit = TaskListRequest.DEFAULT_PAGE_SIZE;
        return PagedIterable.of(continuation -> {
            String[] state = continuation.map(c -> c.split(" ", 2)).orElse(null);
            String projectId = state != null ? state[1] : get(taskId).projectId().orElseThrow(() ->
                    new io.calmsdk.core.exception.CalmClientException("task " + taskId + " was read without a"
                            + " projectId; its sub-tasks cannot be listed"));
            long offset = state != null ? Long.parseLong(state[0]) : 0;
            QueryString query = new QueryString().add("projectId", projectId).add("type", TaskType.SUB_TASK.value())
                    .add("offset", Long.toString(offset)).add("limit", Integer.toString(limit));
            List<Task> page = caller.fetchDecoded(caller.uri(TASKS.expand(), query), TASK_PAGES, "list sub-tasks")
                    .items();
            List<Task> children = page.stream().filter(t -> t.parentId().filter(taskId::equals).isPresent())
                    .toList();
            String next = page.size() < limit ? null : (offset + page.size()) + " " + projectId;
            return io.calmsdk.core.paging.Page.of(children, next);
        });
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

    /**
     * Lists the references (links to documents) of a task.
     *
     * @param taskId the task's id
     * @return the references, fetched when iterated (one request)
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public PagedIterable<Task.Reference> listReferences(String taskId) {
        return caller.single(REFERENCES.expand(Checks.notBlank("taskId", taskId)), REFERENCE_PAGES,
                "list task references");
    }

    /**
     * Adds a reference (a named link) to a task, as SAP's project-task notebook does.
     *
     * @param taskId the task's id
     * @param name the display name
     * @param url where it points
     * @return the created reference
     * @throws io.calmsdk.core.exception.ValidationException if an argument is blank
     */
    public Task.Reference createReference(String taskId, String name, String url) {
        String path = REFERENCES.expand(Checks.notBlank("taskId", taskId));
        Map<String, Object> body = WireMaps.object().put("name", Checks.notBlank("name", name))
                .put("url", Checks.notBlank("url", url)).build();
        return EntityReader.created(caller.send(post(path, body, "create task reference"), path), body,
                Task.Reference.class, "task reference");
    }

    /**
     * Changes the name and link of a task reference ({@code PATCH /tasks/references/{id}}).
     *
     * @param referenceId the reference's id
     * @param name the new display name
     * @param url the new link
     * @return the reference after the change
     * @throws io.calmsdk.core.exception.ValidationException if an argument is blank
     */
    public Task.Reference updateReference(String referenceId, String name, String url) {
        String path = REFERENCE.expand(Checks.notBlank("referenceId", referenceId));
        Map<String, Object> body = WireMaps.object().put("name", Checks.notBlank("name", name))
                .put("url", Checks.notBlank("url", url)).build();
        TransportResponse response = caller.send(TransportRequest.patch(caller.uri(path, new QueryString()))
                .jsonBody(body).operation("update task reference").build(), path);
        return EntityReader.merged(response, WireMaps.object().put("id", referenceId).putOthers(body).build(),
                Task.Reference.class, "task reference");
    }

    /**
     * Deletes a task reference.
     *
     * @param referenceId the reference's id
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public void deleteReference(String referenceId) {
        String path = REFERENCE.expand(Checks.notBlank("referenceId", referenceId));
        caller.send(TransportRequest.delete(caller.uri(path, new QueryString())).operation("delete task reference")
                .build(), path);
    }

    /**
     * Lists the solution process assignments of the tasks of a project, as SAP's copy-template notebook reads
     * them.
     *
     * @param projectId the project's id
     * @return the assignments, fetched when iterated (one request)
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public PagedIterable<SolutionProcessAssignment> listSolutionProcessAssignments(String projectId) {
        return PagedIterable.of(continuation -> {
            QueryString query = new QueryString().add("projectId", Checks.notBlank("projectId", projectId));
            return io.calmsdk.core.paging.Page.of(caller.fetchDecoded(caller.uri(ASSIGNMENTS, query),
                    ASSIGNMENT_PAGES, "list solution process assignments").items());
        });
    }

    /**
     * Assigns tasks to solution processes in one call ({@code POST /tasks/solutionProcessAssignments} with an
     * array), as SAP's copy-template notebook does.
     *
     * @param assignments the assignments, e.g. {@link SolutionProcessAssignment#of(String, String, String, String)}
     * @throws io.calmsdk.core.exception.ValidationException if the list is empty
     */
    public void assignSolutionProcesses(List<SolutionProcessAssignment> assignments) {
        if (Objects.requireNonNull(assignments, "assignments").isEmpty()) {
            throw new io.calmsdk.core.exception.ValidationException("assignments", "is empty",
                    "at least one assignment");
        }
        caller.send(post(ASSIGNMENTS, List.copyOf(assignments), "assign solution processes"), ASSIGNMENTS);
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
