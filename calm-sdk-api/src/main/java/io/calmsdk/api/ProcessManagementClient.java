package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.ProcessScope;
import io.calmsdk.api.model.ProcessScopeCreateRequest;
import io.calmsdk.api.model.ProcessScopeUpdateRequest;
import io.calmsdk.api.model.ScopedSolutionProcess;
import io.calmsdk.api.model.SolutionScenarioVersion;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Cloud ALM process management (process scopes) API ({@code /calm-processmanagement/v1}): scopes, solution
 * scenario versions and the solution processes of a scope, as SAP's process scopes notebook calls them (REST
 * resources paged with the OData options {@code $top}/{@code $skip}/{@code $count}, answering
 * {@code {"value": [...]}}). Obtained from {@link CloudAlmClient#processManagement()}; reads need
 * {@code calm-api.processmanagement.read}, creates and changes {@code .write}, deletes {@code .delete}.
 * Immutable and thread-safe.
 */
public final class ProcessManagementClient {

    private final EntitySet<ProcessScope> scopes;
    private final EntitySet<SolutionScenarioVersion> versions;
    private final EntitySet<ScopedSolutionProcess> processes;
    private final ApiCaller caller;

    ProcessManagementClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.scopes = new EntitySet<>(caller, "/calm-processmanagement/v1/scopes", ProcessScope.class, "scope", "id");
        this.versions = new EntitySet<>(caller, "/calm-processmanagement/v1/solutionScenarioVersions",
                SolutionScenarioVersion.class, "solution scenario version", "id");
        this.processes = new EntitySet<>(caller, "/calm-processmanagement/v1/solutionProcesses",
                ScopedSolutionProcess.class, "solution process", "solutionProcessId");
    }

    /**
     * Lists the scopes of a project ({@code GET /scopes?projectId=...}).
     *
     * @param projectId the project
     * @return the scopes, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the project id is blank
     */
    public PagedIterable<ProcessScope> listScopes(String projectId) {
        return listScopes(ODataQuery.builder().parameter("projectId", Checks.notBlank("projectId", projectId)).build());
    }

    /**
     * Lists the scopes a query selects, e.g. every scope of the tenant with {@link ODataQuery#all()}.
     *
     * @param query the paging and options; {@code parameter("projectId", ...)} narrows to a project
     * @return the scopes, fetched when iterated
     */
    public PagedIterable<ProcessScope> listScopes(ODataQuery query) {
        return scopes.list(query);
    }

    /**
     * Reads a scope.
     *
     * @param id the scope's id
     * @return the scope
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public ProcessScope getScope(String id) {
        return scopes.get(id);
    }

    /**
     * Reads a scope, empty when there is none.
     *
     * @param id the scope's id
     * @return the scope, or empty
     */
    public Optional<ProcessScope> findScope(String id) {
        return scopes.find(id);
    }

    /**
     * Creates a scope in a project. Not retried once it may have reached Cloud ALM.
     *
     * @param request what to create
     * @return the created scope
     */
    public ProcessScope createScope(ProcessScopeCreateRequest request) {
        return scopes.create(Objects.requireNonNull(request, "request"));
    }

    /**
     * Creates a scope from a request built in place: {@code createScope(s -> s.projectId(p).name("Wave 1"))}.
     *
     * @param request fills a {@link ProcessScopeCreateRequest.Builder}
     * @return the created scope
     */
    public ProcessScope createScope(Consumer<ProcessScopeCreateRequest.Builder> request) {
        return createScope(Requests.build(ProcessScopeCreateRequest.builder(), request,
                ProcessScopeCreateRequest.Builder::build));
    }

    /**
     * Changes the name or description of a scope.
     *
     * @param id the scope's id
     * @param request the fields to change
     * @return the scope after the change
     */
    public ProcessScope updateScope(String id, ProcessScopeUpdateRequest request) {
        return scopes.update(id, Objects.requireNonNull(request, "request"), null);
    }

    /**
     * Changes a scope with a request built in place.
     *
     * @param id the scope's id
     * @param request fills a {@link ProcessScopeUpdateRequest.Builder}
     * @return the scope after the change
     */
    public ProcessScope updateScope(String id, Consumer<ProcessScopeUpdateRequest.Builder> request) {
        return updateScope(id, Requests.build(ProcessScopeUpdateRequest.builder(), request,
                ProcessScopeUpdateRequest.Builder::build));
    }

    /**
     * Deletes a scope; needs {@code calm-api.processmanagement.delete}.
     *
     * @param id the scope's id
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public void deleteScope(String id) {
        scopes.delete(id, null);
    }

    /**
     * Lists the solution scenario versions (content release versions) a query selects.
     *
     * @param query the filter and paging
     * @return the versions, fetched when iterated
     */
    public PagedIterable<SolutionScenarioVersion> listSolutionScenarioVersions(ODataQuery query) {
        return versions.list(query);
    }

    /**
     * Lists the solution processes of a scope in a project, in scope or not ({@link ScopedSolutionProcess#isScoped()}).
     *
     * @param projectId the project
     * @param scopeId the scope
     * @return the processes, fetched when iterated
     * @throws io.calmsdk.core.exception.ValidationException if an id is blank
     */
    public PagedIterable<ScopedSolutionProcess> listSolutionProcesses(String projectId, String scopeId) {
        return listSolutionProcesses(ODataQuery.builder().parameter("projectId", Checks.notBlank("projectId", projectId))
                .parameter("scopeId", Checks.notBlank("scopeId", scopeId)).build());
    }

    /**
     * Lists the solution processes a query selects; custom options {@code projectId}, {@code scopeId} and
     * {@code solutionScenarioId} (e.g. {@code CUSTOM}) narrow it, as in SAP's notebooks.
     *
     * @param query the options and paging
     * @return the processes, fetched when iterated
     */
    public PagedIterable<ScopedSolutionProcess> listSolutionProcesses(ODataQuery query) {
        return processes.list(query);
    }

    @Override
    public String toString() {
        return "ProcessManagementClient{" + caller.endpoint() + "/calm-processmanagement/v1}";
    }
}
