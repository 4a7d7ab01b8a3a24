package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntityReader;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.internal.QueryString;
import io.calmsdk.api.model.Project;
import io.calmsdk.api.model.ProjectCopy;
import io.calmsdk.api.model.ProjectCreateRequest;
import io.calmsdk.api.model.ProjectUpdateRequest;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.api.model.Team;
import io.calmsdk.api.model.Timebox;
import io.calmsdk.api.model.TimeboxCreateRequest;
import io.calmsdk.api.model.TimeboxUpdateRequest;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The Cloud ALM Projects API ({@code /calm-projects/v1}): projects and their timeboxes (listed and created).
 * Obtained from {@link CloudAlmClient#projects()}; reads need scope {@code calm-api.projects.read}, changes
 * {@code calm-api.projects.write}. Immutable and thread-safe.
 */
public final class ProjectsClient {

    private static final PathTemplate PROJECTS = PathTemplate.parse("/calm-projects/v1/projects");
    private static final PathTemplate PROJECT = PathTemplate.parse("/calm-projects/v1/projects/{id}");
    private static final PathTemplate TIMEBOXES = PathTemplate.parse("/calm-projects/v1/projects/{id}/timeboxes");
    private static final PageDecoder<Project> PROJECT_PAGES = PageDecoder.of(Project.class, "projects");
    private static final PathTemplate TIMEBOX = PathTemplate.parse("/calm-projects/v1/timeboxes/{id}");
    private static final PathTemplate TEAMS = PathTemplate.parse("/calm-projects/v1/projects/{id}/teams");
    private static final PathTemplate ROLES = PathTemplate.parse("/calm-projects/v1/teams/{id}/roles");
    private static final PathTemplate ROLE = PathTemplate.parse("/calm-projects/v1/teams/{teamId}/roles/{roleId}");
    private static final PageDecoder<Team> TEAM_PAGES = PageDecoder.of(Team.class, "teams");
    private static final PageDecoder<Team.Role> ROLE_PAGES = PageDecoder.of(Team.Role.class, "team roles");
    private static final PageDecoder<Timebox> TIMEBOX_PAGES = PageDecoder.of(Timebox.class, "timeboxes");

    private final ApiCaller caller;
    /** The copy from a template also writes tasks and scopes, through the clients {@link CloudAlmClient} hands out. */
    private final TasksClient tasks;
    private final ProcessManagementClient processManagement;

    ProjectsClient(ApiCaller caller, TasksClient tasks, ProcessManagementClient processManagement) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.processManagement = Objects.requireNonNull(processManagement, "processManagement");
    }

    /**
     * Lists the projects the key may see. The Projects API answers with one array; it is read lazily,
     * on first iteration.
     *
     * @return the projects, fetched when iterated
     */
    public PagedIterable<Project> list() {
        return caller.single(PROJECTS.expand(), PROJECT_PAGES, "list projects");
    }

    /**
     * Reads a project.
     *
     * @param projectId the project's id
     * @return the project
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such project
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public Project get(String projectId) {
        String path = PROJECT.expand(Checks.notBlank("projectId", projectId));
        return EntityReader.read(caller.send(get(path, "get project").build(), path), Project.class, "project");
    }

    /**
     * Reads a project if it exists.
     *
     * @param projectId the project's id
     * @return the project, or empty when Cloud ALM answers 404
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public Optional<Project> find(String projectId) {
        String path = PROJECT.expand(Checks.notBlank("projectId", projectId));
        TransportResponse response = caller.send(get(path, "find project").accept(404).build(), path);
        return response.status() == 404 ? Optional.empty()
                : Optional.of(EntityReader.read(response, Project.class, "project"));
    }

    /**
     * Reads a project without blocking.
     *
     * @param projectId the project's id
     * @return a future completed with the project, or exceptionally as {@link #get(String)} throws
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public CompletableFuture<Project> getAsync(String projectId) {
        String path = PROJECT.expand(Checks.notBlank("projectId", projectId));
        return caller.sendAsync(get(path, "get project").build(), path)
                .thenApply(r -> EntityReader.read(r, Project.class, "project"));
    }

    /**
     * Creates a project. Not retried once it may have reached Cloud ALM (a repeated create would create
     * a second project): after a timeout, look the project up before creating it again.
     *
     * @param request what to create
     * @return the created project
     * @throws io.calmsdk.core.exception.ForbiddenException if the key lacks {@code calm-api.projects.write}
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public Project create(ProjectCreateRequest request) {
        Objects.requireNonNull(request, "request");
        String path = PROJECTS.expand();
        TransportResponse response = caller.send(TransportRequest.post(caller.uri(path, new QueryString()))
                .jsonBody(request).operation("create project").build(), path);
        return EntityReader.created(response, request, Project.class, "project");
    }

    /**
     * Creates a project from a request built in place: {@code projects.create(p -> p.name("Rollout"))}.
     *
     * @param request fills a {@link ProjectCreateRequest.Builder}
     * @return the created project
     * @throws io.calmsdk.core.exception.CalmException as {@link #create(ProjectCreateRequest)} throws
     */
    public Project create(Consumer<ProjectCreateRequest.Builder> request) {
        return create(Requests.build(ProjectCreateRequest.builder(), request, ProjectCreateRequest.Builder::build));
    }

    /**
     * Creates a project without blocking; see {@link #create(ProjectCreateRequest)}.
     *
     * @param request what to create
     * @return a future completed with the created project, or exceptionally as the sync variant throws
     */
    public CompletableFuture<Project> createAsync(ProjectCreateRequest request) {
        Objects.requireNonNull(request, "request");
        String path = PROJECTS.expand();
        return caller.sendAsync(TransportRequest.post(caller.uri(path, new QueryString()))
                        .jsonBody(request).operation("create project").build(), path)
                .thenApply(r -> EntityReader.created(r, request, Project.class, "project"));
    }

    /**
     * Changes the fields set in the request; the others keep their values.
     *
     * @param projectId the project's id
     * @param request the fields to change
     * @return the project after the change
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such project
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public Project update(String projectId, ProjectUpdateRequest request) {
        Objects.requireNonNull(request, "request");
        String path = PROJECT.expand(Checks.notBlank("projectId", projectId));
        TransportResponse response = caller.send(TransportRequest.patch(caller.uri(path, new QueryString()))
                .jsonBody(request).operation("update project").build(), path);
        // Some APIs answer 204 without the entity: read it back then.
        return response.bodyLength() == 0 ? get(projectId) : EntityReader.read(response, Project.class, "project");
    }

    /**
     * Changes a project with a request built in place: {@code projects.update(id, p -> p.name("New name"))}.
     *
     * @param projectId the project's id
     * @param request fills a {@link ProjectUpdateRequest.Builder}
     * @return the project after the change
     * @throws io.calmsdk.core.exception.CalmException as {@link #update(String, ProjectUpdateRequest)} throws
     */
    public Project update(String projectId, Consumer<ProjectUpdateRequest.Builder> request) {
        return update(projectId, Requests.build(ProjectUpdateRequest.builder(), request, ProjectUpdateRequest.Builder::build));
    }

    /**
     * Deletes a project.
     *
     * @param projectId the project's id
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such project
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public void delete(String projectId) {
        String path = PROJECT.expand(Checks.notBlank("projectId", projectId));
        caller.send(TransportRequest.delete(caller.uri(path, new QueryString())).operation("delete project").build(),
                path);
    }

    /**
     * Lists the timeboxes (phases, sprints) of a project, read lazily on first iteration.
     *
     * @param projectId the project's id
     * @return the timeboxes, fetched when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public PagedIterable<Timebox> listTimeboxes(String projectId) {
        return caller.single(TIMEBOXES.expand(Checks.notBlank("projectId", projectId)), TIMEBOX_PAGES,
                "list timeboxes");
    }

    /**
     * Creates a timebox (milestone, phase or sprint) in a project. Not retried once it may have reached
     * Cloud ALM (a repeated create would create a second timebox).
     *
     * <pre>{@code
     * Timebox sprint = client.projects().createTimebox(projectId,
     *         TimeboxCreateRequest.sprint("Sprint 4", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 14)));
     * }</pre>
     *
     * @param projectId the project's id
     * @param request what to create
     * @return the created timebox
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such project
     * @throws io.calmsdk.core.exception.ForbiddenException if the key lacks {@code calm-api.projects.write}
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public Timebox createTimebox(String projectId, TimeboxCreateRequest request) {
        Objects.requireNonNull(request, "request");
        String path = TIMEBOXES.expand(Checks.notBlank("projectId", projectId));
        TransportResponse response = caller.send(TransportRequest.post(caller.uri(path, new QueryString()))
                .jsonBody(request).operation("create timebox").build(), path);
        return EntityReader.created(response, request, Timebox.class, "timebox");
    }

    /**
     * Creates a timebox from a request built in place:
     * {@code projects.createTimebox(id, t -> t.type(SPRINT).name("Sprint 4").startDate(start).endDate(end))}.
     *
     * @param projectId the project's id
     * @param request fills a {@link TimeboxCreateRequest.Builder}
     * @return the created timebox
     * @throws io.calmsdk.core.exception.CalmException as {@link #createTimebox(String, TimeboxCreateRequest)} throws
     */
    public Timebox createTimebox(String projectId, Consumer<TimeboxCreateRequest.Builder> request) {
        return createTimebox(projectId, Requests.build(TimeboxCreateRequest.builder(), request,
                TimeboxCreateRequest.Builder::build));
    }

    /**
     * Changes a timebox (rename, move its dates, close it), as SAP's project-task notebook does
     * ({@code PATCH /timeboxes/{id}}).
     *
     * @param timeboxId the timebox's id
     * @param request fills a {@link TimeboxUpdateRequest.Builder}, e.g. {@code t -> t.closed(true)}
     * @return the timebox after the change
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such timebox
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank or no field is set
     */
    public Timebox updateTimebox(String timeboxId, Consumer<TimeboxUpdateRequest.Builder> request) {
        TimeboxUpdateRequest built = Requests.build(TimeboxUpdateRequest.builder(), request,
                TimeboxUpdateRequest.Builder::build);
        String path = TIMEBOX.expand(Checks.notBlank("timeboxId", timeboxId));
        TransportResponse response = caller.send(TransportRequest.patch(caller.uri(path, new QueryString()))
                .jsonBody(built).operation("update timebox").build(), path);
        return EntityReader.merged(response, WireMaps.object().put("id", timeboxId).putOthers(built.fields()).build(),
                Timebox.class, "timebox");
    }

    /**
     * Deletes a timebox ({@code DELETE /timeboxes/{id}}). SAP's project-task notebook lists delete among the
     * timebox operations but shows no call; the path is the one its {@code PATCH} uses (UNVERIFIED).
     *
     * @param timeboxId the timebox's id
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such timebox
     * @throws io.calmsdk.core.exception.ForbiddenException if the key lacks {@code calm-api.projects.write}
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public void deleteTimebox(String timeboxId) {
        String path = TIMEBOX.expand(Checks.notBlank("timeboxId", timeboxId));
        caller.send(TransportRequest.delete(caller.uri(path, new QueryString())).operation("delete timebox").build(),
                path);
    }

    /**
     * Lists the teams of a project.
     *
     * @param projectId the project's id
     * @return the teams, fetched when iterated (one request)
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public PagedIterable<Team> listTeams(String projectId) {
        return caller.single(TEAMS.expand(Checks.notBlank("projectId", projectId)), TEAM_PAGES, "list teams");
    }

    /**
     * Lists the roles of a team with the users staffed in each, as SAP's user staffing notebook reads them.
     *
     * @param teamId the team's id
     * @return the roles, fetched when iterated (one request)
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public PagedIterable<Team.Role> listTeamRoles(String teamId) {
        return caller.single(ROLES.expand(Checks.notBlank("teamId", teamId)), ROLE_PAGES, "list team roles");
    }

    /**
     * Staffs a team role: the users given replace the role's members ({@code PATCH /teams/{teamId}/roles/{roleId}}
     * with {@code members: [{userEmail}]}). To add a user, pass the current members' addresses and the new one.
     *
     * @param teamId the team's id
     * @param roleId the role's id ({@link Team.Role#roleId()})
     * @param userEmails the e-mail addresses of the role's users
     * @return the role after the change; a member id of {@code _FORMER_MEMBER_} means the user does not exist
     * @throws io.calmsdk.core.exception.ValidationException if an id or address is blank
     */
    public Team.Role updateTeamRoleMembers(String teamId, String roleId, java.util.List<String> userEmails) {
        java.util.List<Object> members = new java.util.ArrayList<>();
        for (String email : Objects.requireNonNull(userEmails, "userEmails")) {
            members.add(WireMaps.object().put("userEmail", Checks.notBlank("userEmail", email)).build());
        }
        String path = ROLE.expand(Checks.notBlank("teamId", teamId), Checks.notBlank("roleId", roleId));
        java.util.Map<String, Object> body = WireMaps.object().put("members", members).build();
        TransportResponse response = caller.send(TransportRequest.patch(caller.uri(path, new QueryString()))
                .jsonBody(body).operation("update team role").build(), path);
        return EntityReader.merged(response, WireMaps.object().put("roleId", roleId).putOthers(body).build(),
                Team.Role.class, "team role");
    }

    private TransportRequest.Builder get(String path, String operation) {
        return TransportRequest.get(caller.uri(path, new QueryString())).operation(operation);
    }

    /**
     * Copies a template project into a project of another name, as SAP's copy-template notebook does within
     * one tenant: finds the target project by name or creates it, creates the template's scopes (by name) and
     * timeboxes (by name, those with dates), activates each new scope as its template scope is activated (assigns
     * its solution scenario versions and puts in scope the solution processes in scope there, or named by the
     * template's task assignments), then creates the tasks (not roadmap items; each with the template task's id
     * as {@code externalId}), the solution process assignments of those tasks, and the sub-tasks below their new
     * parents. Each step looks before it creates or assigns, so calling again after a failure creates and assigns
     * only what is missing. Processes are only put in scope, never taken out, and their status is not copied.
     * Needs {@code calm-api.projects.read/write}, {@code calm-api.tasks.read/write} and
     * {@code calm-api.processmanagement.read/write}.
     *
     * <pre>{@code
     * ProjectCopy copy = calm.projects().copyFromTemplate(templateId, "S/4HANA rollout FR");
     * copy.taskIds().size();                  // template task id -> new task id
     * copy.scenarioVersionsAssigned();        // new scope id -> solution scenario versions assigned
     * }</pre>
     *
     * @param templateProjectId the template project's id
     * @param targetProjectName the target project's name; an existing project of that name is reused
     * @return what the copy found and created
     * @throws ProjectCopyException naming the step that failed and what was already created
     * @throws io.calmsdk.core.exception.ValidationException if an argument is blank
     */
    public ProjectCopy copyFromTemplate(String templateProjectId, String targetProjectName) {
        Checks.notBlank("templateProjectId", templateProjectId);
        Checks.notBlank("targetProjectName", targetProjectName);
        return new TemplateProjectCopier(this, tasks, processManagement).copy(templateProjectId, targetProjectName);
    }

    @Override
    public String toString() {
        return "ProjectsClient{" + caller.endpoint() + "/calm-projects/v1}";
    }
}
