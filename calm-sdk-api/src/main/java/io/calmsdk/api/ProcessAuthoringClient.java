package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.model.BusinessProcess;
import io.calmsdk.api.model.BusinessProcessCreateRequest;
import io.calmsdk.api.model.BusinessProcessUpdateRequest;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.SolutionProcess;
import io.calmsdk.api.model.SolutionProcessCreateRequest;
import io.calmsdk.api.model.SolutionProcessUpdateRequest;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Cloud ALM process authoring API ({@code /calm-processauthoring/v1}): business processes and the
 * solution processes below them, as SAP's process authoring notebook calls them. Changes and deletes send the
 * entity's ETag (from the {@code ETag} header of the last answer) as {@code If-Match}; a stale one answers 412,
 * a {@link io.calmsdk.core.exception.PreconditionFailedException}. Obtained from
 * {@link CloudAlmClient#processAuthoring()}; reads need {@code calm-api.processauthoring.read}, changes
 * {@code calm-api.processauthoring.write} (UNVERIFIED name). Immutable and thread-safe.
 */
public final class ProcessAuthoringClient {

    private final EntitySet<BusinessProcess> businessProcesses;
    private final EntitySet<SolutionProcess> solutionProcesses;
    private final EntitySet<SolutionProcess.Flow> flows;
    private final ApiCaller caller;

    ProcessAuthoringClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.businessProcesses = new EntitySet<>(caller, "/calm-processauthoring/v1/businessProcesses",
                BusinessProcess.class, "business process", "id");
        this.solutionProcesses = new EntitySet<>(caller, "/calm-processauthoring/v1/solutionProcesses",
                SolutionProcess.class, "solution process", "id");
        this.flows = new EntitySet<>(caller, "/calm-processauthoring/v1/solutionProcessFlows",
                SolutionProcess.Flow.class, "solution process flow", "id");
    }

    /**
     * Lists the business processes a query selects.
     *
     * @param query the filter, order and paging
     * @return the business processes, fetched lazily when iterated
     */
    public PagedIterable<BusinessProcess> listBusinessProcesses(ODataQuery query) {
        return businessProcesses.list(query);
    }

    /**
     * Reads a business process, with its ETag.
     *
     * @param id the business process's id
     * @return the business process
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public BusinessProcess getBusinessProcess(String id) {
        return businessProcesses.get(id);
    }

    /**
     * Creates a business process.
     *
     * @param request what to create
     * @return the created business process, with its ETag
     */
    public BusinessProcess createBusinessProcess(BusinessProcessCreateRequest request) {
        return businessProcesses.create(Objects.requireNonNull(request, "request"));
    }

    /**
     * Creates a business process from a request built in place.
     *
     * @param request fills a {@link BusinessProcessCreateRequest.Builder}
     * @return the created business process
     */
    public BusinessProcess createBusinessProcess(Consumer<BusinessProcessCreateRequest.Builder> request) {
        return createBusinessProcess(Requests.build(BusinessProcessCreateRequest.builder(), request,
                BusinessProcessCreateRequest.Builder::build));
    }

    /**
     * Changes a business process if it still has the ETag given.
     *
     * @param id the business process's id
     * @param etag its ETag as last read, {@link BusinessProcess#etag()}
     * @param request the fields to change
     * @return the business process after the change
     * @throws io.calmsdk.core.exception.PreconditionFailedException if it changed since it was read
     */
    public BusinessProcess updateBusinessProcess(String id, String etag, BusinessProcessUpdateRequest request) {
        return businessProcesses.update(id, Objects.requireNonNull(request, "request"), Checks.notBlank("etag", etag));
    }

    /**
     * Changes a business process with a request built in place.
     *
     * @param id the business process's id
     * @param etag its ETag as last read
     * @param request fills a {@link BusinessProcessUpdateRequest.Builder}
     * @return the business process after the change
     */
    public BusinessProcess updateBusinessProcess(String id, String etag,
                                                 Consumer<BusinessProcessUpdateRequest.Builder> request) {
        return updateBusinessProcess(id, etag, Requests.build(BusinessProcessUpdateRequest.builder(), request,
                BusinessProcessUpdateRequest.Builder::build));
    }

    /**
     * Deletes a business process if it still has the ETag given.
     *
     * @param id the business process's id
     * @param etag its ETag as last read
     * @throws io.calmsdk.core.exception.PreconditionFailedException if it changed since it was read
     */
    public void deleteBusinessProcess(String id, String etag) {
        businessProcesses.delete(id, Checks.notBlank("etag", etag));
    }

    /**
     * Lists the solution processes a query selects; {@code parameter("externalId", ...)} finds those linked to an
     * external id, as SAP's notebook does.
     *
     * @param query the filter, order and paging
     * @return the solution processes, fetched lazily when iterated
     */
    public PagedIterable<SolutionProcess> listSolutionProcesses(ODataQuery query) {
        return solutionProcesses.list(query);
    }

    /**
     * Reads a solution process, with its ETag.
     *
     * @param id the solution process's id
     * @return the solution process
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public SolutionProcess getSolutionProcess(String id) {
        return solutionProcesses.get(id);
    }

    /**
     * Creates a solution process below a business process.
     *
     * @param request what to create
     * @return the created solution process, with its ETag
     */
    public SolutionProcess createSolutionProcess(SolutionProcessCreateRequest request) {
        return solutionProcesses.create(Objects.requireNonNull(request, "request"));
    }

    /**
     * Creates a solution process from a request built in place.
     *
     * @param request fills a {@link SolutionProcessCreateRequest.Builder}
     * @return the created solution process
     */
    public SolutionProcess createSolutionProcess(Consumer<SolutionProcessCreateRequest.Builder> request) {
        return createSolutionProcess(Requests.build(SolutionProcessCreateRequest.builder(), request,
                SolutionProcessCreateRequest.Builder::build));
    }

    /**
     * Changes a solution process if it still has the ETag given.
     *
     * @param id the solution process's id
     * @param etag its ETag as last read, {@link SolutionProcess#etag()}
     * @param request the fields to change
     * @return the solution process after the change
     * @throws io.calmsdk.core.exception.PreconditionFailedException if it changed since it was read
     */
    public SolutionProcess updateSolutionProcess(String id, String etag, SolutionProcessUpdateRequest request) {
        return solutionProcesses.update(id, Objects.requireNonNull(request, "request"), Checks.notBlank("etag", etag));
    }

    /**
     * Changes a solution process with a request built in place.
     *
     * @param id the solution process's id
     * @param etag its ETag as last read
     * @param request fills a {@link SolutionProcessUpdateRequest.Builder}
     * @return the solution process after the change
     */
    public SolutionProcess updateSolutionProcess(String id, String etag,
                                                 Consumer<SolutionProcessUpdateRequest.Builder> request) {
        return updateSolutionProcess(id, etag, Requests.build(SolutionProcessUpdateRequest.builder(), request,
                SolutionProcessUpdateRequest.Builder::build));
    }

    /**
     * Deletes a solution process if it still has the ETag given.
     *
     * @param id the solution process's id
     * @param etag its ETag as last read
     * @throws io.calmsdk.core.exception.PreconditionFailedException if it changed since it was read
     */
    public void deleteSolutionProcess(String id, String etag) {
        solutionProcesses.delete(id, Checks.notBlank("etag", etag));
    }

    /**
     * Lists the flows of a solution process ({@code GET /solutionProcesses/{id}/solutionProcessFlows}), as SAP's
     * test management notebook reads them to link a test case to a flow.
     *
     * @param solutionProcessId the solution process's id
     * @return the flows, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the id is blank
     */
    public PagedIterable<SolutionProcess.Flow> listSolutionProcessFlows(String solutionProcessId) {
        return flows.listAt(solutionProcesses.entityPath(solutionProcessId) + "/solutionProcessFlows",
                ODataQuery.all());
    }

    /**
     * Reads a solution process flow.
     *
     * @param id the flow's id
     * @return the flow
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public SolutionProcess.Flow getSolutionProcessFlow(String id) {
        return flows.get(id);
    }

    @Override
    public String toString() {
        return "ProcessAuthoringClient{" + caller.endpoint() + "/calm-processauthoring/v1}";
    }
}
