package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.internal.QueryString;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static final PathTemplate SCOPE_VERSIONS = PathTemplate.parse(
            "/calm-processmanagement/v1/scopes/{id}/solutionScenarioVersions");
    private static final String SCOPE_ASSIGNMENTS = PathTemplate.parse(
            "/calm-processmanagement/v1/solutionProcesses/scopeAssignments").expand();
    private static final PageDecoder<SolutionScenarioVersion> VERSION_PAGES = PageDecoder.of(
            SolutionScenarioVersion.class, "solution scenario versions");
    private static final PageDecoder<ScopedSolutionProcess> PROCESS_PAGES = PageDecoder.of(
            ScopedSolutionProcess.class, "solution processes");

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

    /**
     * Lists the solution scenario versions assigned to a scope.
     *
     * @param scopeId the scope's id
     * @return the versions, fetched when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public PagedIterable<SolutionScenarioVersion> listScopeSolutionScenarioVersions(String scopeId) {
        return versions.listAt(SCOPE_VERSIONS.expand(Checks.notBlank("scopeId", scopeId)), ODataQuery.all());
    }

    /**
     * Assigns solution scenario versions (content release versions) to a scope, as SAP's process scopes notebook
     * does ({@code POST /scopes/{id}/solutionScenarioVersions} with {@code {"value": [{"id"}]}}).
     *
     * @param scopeId the scope's id
     * @param versionIds the ids of the versions, at least one
     * @return the versions the scope has after the call
     * @throws io.calmsdk.core.exception.ValidationException if an id is blank or none is given
     */
    public List<SolutionScenarioVersion> assignSolutionScenarioVersions(String scopeId, List<String> versionIds) {
        List<Object> value = new ArrayList<>();
        for (String id : Objects.requireNonNull(versionIds, "versionIds")) {
            value.add(WireMaps.object().put("id", Checks.notBlank("versionId", id)).build());
        }
        if (value.isEmpty()) {
            throw new io.calmsdk.core.exception.ValidationException("versionIds", "is empty", "at least one id");
        }
        String path = SCOPE_VERSIONS.expand(Checks.notBlank("scopeId", scopeId));
        TransportResponse response = caller.send(TransportRequest.post(caller.uri(path, new QueryString()))
                .jsonBody(Map.of("value", value)).operation("assign solution scenario versions").build(), path);
        return VERSION_PAGES.decode(response.body(), "POST " + path).items();
    }

    /**
     * Sets solution processes in or out of a scope ({@code PATCH /solutionProcesses/scopeAssignments}, sent as
     * {@code application/merge-patch+json} as SAP's notebook sends it), e.g. the processes
     * {@link #listSolutionProcesses(String, String)} returned.
     *
     * @param scopeId the scope's id
     * @param processes the processes; each needs its {@code solutionProcessVersionId}
     * @param scoped {@code true} to put them in scope, {@code false} to take them out
     * @return the processes after the change
     * @throws io.calmsdk.core.exception.ValidationException if the scope id is blank, no process is given, or a
     *         process has no version id
     */
    public List<ScopedSolutionProcess> setScoped(String scopeId, List<ScopedSolutionProcess> processes,
                                                 boolean scoped) {
        Checks.notBlank("scopeId", scopeId);
        List<Object> value = new ArrayList<>();
        for (ScopedSolutionProcess p : Objects.requireNonNull(processes, "processes")) {
            value.add(WireMaps.object().put("scopeId", scopeId)
                    .put("solutionScenarioVersionId", p.solutionScenarioVersionId())
                    .put("solutionProcessVersionId", p.solutionProcessVersionId().orElseThrow(() ->
                            new io.calmsdk.core.exception.ValidationException("solutionProcessVersionId",
                                    "is missing for " + p.solutionProcessId(), "the version id the list returned")))
                    .put("isScoped", scoped).build());
        }
        if (value.isEmpty()) {
            throw new io.calmsdk.core.exception.ValidationException("processes", "is empty", "at least one process");
        }
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(Map.of("value", value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new io.calmsdk.core.exception.CalmClientException("could not write the scope assignments", e);
        }
        TransportResponse response = caller.send(TransportRequest.patch(caller.uri(SCOPE_ASSIGNMENTS,
                new QueryString())).body(body, "application/merge-patch+json").operation("set scope assignments")
                .build(), SCOPE_ASSIGNMENTS);
        return PROCESS_PAGES.decode(response.body(), "PATCH " + SCOPE_ASSIGNMENTS).items();
    }

    @Override
    public String toString() {
        return "ProcessManagementClient{" + caller.endpoint() + "/calm-processmanagement/v1}";
    }
}
