package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.model.BusinessProcess;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.ProcessMonitoringObject;
import io.calmsdk.api.model.SolutionProcess;
import io.calmsdk.api.model.SolutionProcessFlow;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;

/**
 * The Cloud ALM process monitoring API ({@code /calm-processmonitoring/v1}, OData v4, read-only): business processes,
 * solution processes, solution process flows, solution value flow diagrams and assets, paged with
 * {@code $skip}/{@code $top}. Path, entity sets and the scope {@code calm-api.processmonitoring.read} are UNVERIFIED
 * (consetto/sap-cloud-alm-odata-mcp; SAP's samples show none of them); the business processes, solution processes
 * and flows are read with the models of {@link ProcessAuthoringClient}, whose entity sets carry the same names.
 * Obtained from {@link CloudAlmClient#processMonitoring()}. Immutable and thread-safe.
 */
public final class ProcessMonitoringClient {

    private static final String BASE = "/calm-processmonitoring/v1";

    private final ApiCaller caller;
    private final EntitySet<BusinessProcess> businessProcesses;
    private final EntitySet<SolutionProcess> solutionProcesses;
    private final EntitySet<SolutionProcessFlow> flows;
    private final EntitySet<ProcessMonitoringObject> diagrams;
    private final EntitySet<ProcessMonitoringObject> assets;

    ProcessMonitoringClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.businessProcesses = new EntitySet<>(caller, BASE + "/businessProcesses", BusinessProcess.class,
                "business process", "id");
        this.solutionProcesses = new EntitySet<>(caller, BASE + "/solutionProcesses", SolutionProcess.class,
                "solution process", "id");
        this.flows = new EntitySet<>(caller, BASE + "/solutionProcessFlows", SolutionProcessFlow.class,
                "solution process flow", "id");
        this.diagrams = new EntitySet<>(caller, BASE + "/solutionValueFlowDiagrams", ProcessMonitoringObject.class,
                "solution value flow diagram", "id");
        this.assets = new EntitySet<>(caller, BASE + "/assets", ProcessMonitoringObject.class, "asset", "id");
    }

    /**
     * Lists the business processes a query selects.
     *
     * @param query the filter, order, selection and page size
     * @return the business processes, fetched lazily when iterated
     */
    public PagedIterable<BusinessProcess> listBusinessProcesses(ODataQuery query) {
        return businessProcesses.list(query);
    }

    /**
     * Reads a business process.
     *
     * @param id its id
     * @return the business process
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public BusinessProcess getBusinessProcess(String id) {
        return businessProcesses.get(id);
    }

    /**
     * Lists the solution processes a query selects.
     *
     * @param query the filter, order, selection and page size
     * @return the solution processes, fetched lazily when iterated
     */
    public PagedIterable<SolutionProcess> listSolutionProcesses(ODataQuery query) {
        return solutionProcesses.list(query);
    }

    /**
     * Reads a solution process.
     *
     * @param id its id
     * @return the solution process
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public SolutionProcess getSolutionProcess(String id) {
        return solutionProcesses.get(id);
    }

    /**
     * Lists the solution process flows a query selects.
     *
     * @param query the filter, order, selection and page size
     * @return the flows, fetched lazily when iterated
     */
    public PagedIterable<SolutionProcessFlow> listSolutionProcessFlows(ODataQuery query) {
        return flows.list(query);
    }

    /**
     * Lists the solution value flow diagrams a query selects.
     *
     * @param query the filter, order, selection and page size
     * @return the diagrams, fetched lazily when iterated
     */
    public PagedIterable<ProcessMonitoringObject> listSolutionValueFlowDiagrams(ODataQuery query) {
        return diagrams.list(query);
    }

    /**
     * Lists the assets a query selects.
     *
     * @param query the filter, order, selection and page size
     * @return the assets, fetched lazily when iterated
     */
    public PagedIterable<ProcessMonitoringObject> listAssets(ODataQuery query) {
        return assets.list(query);
    }

    @Override
    public String toString() {
        return "ProcessMonitoringClient{" + caller.endpoint() + BASE + "}";
    }
}
