package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.model.BusinessProcess;
import io.calmsdk.api.model.BusinessProcessCreateRequest;
import io.calmsdk.api.model.BusinessProcessUpdateRequest;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.ProcessDiagramRequest;
import io.calmsdk.api.model.SolutionProcess;
import io.calmsdk.api.model.SolutionProcessCreateRequest;
import io.calmsdk.api.model.SolutionProcessUpdateRequest;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.paging.PagedIterable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Cloud ALM process authoring API ({@code /calm-processauthoring/v1}): business processes and the
 * solution processes below them, as SAP's process authoring notebook calls them. Changes and deletes send the
 * entity's ETag (from the {@code ETag} header of the last answer) as {@code If-Match}; a stale one answers 412,
 * a {@link io.calmsdk.core.exception.PreconditionFailedException}. Obtained from
 * {@link CloudAlmClient#processAuthoring()}; reads need {@code calm-api.processauthoring.read}, changes
 * {@code calm-api.processauthoring.write} (as SAP's CustomProcessUpload sample names it). Immutable and thread-safe.
 */
public final class ProcessAuthoringClient {

    private static final PathTemplate PUBLISH = PathTemplate.parse(
            "/calm-processauthoring/v1/publishSolutionProcess/{id}");
    private static final PathTemplate CREATE_DRAFT = PathTemplate.parse(
            "/calm-processauthoring/v1/createDraftSolutionProcess/{id}");

    private final EntitySet<BusinessProcess> businessProcesses;
    private final EntitySet<SolutionProcess> solutionProcesses;
    private final EntitySet<SolutionProcess.Flow> flows;
    private final EntitySet<SolutionProcess.Asset> assets;
    private final EntitySet<SolutionProcess.Diagram> flowDiagrams;
    private final EntitySet<SolutionProcess.Diagram> valueFlowDiagrams;
    private final ApiCaller caller;

    ProcessAuthoringClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.businessProcesses = new EntitySet<>(caller, "/calm-processauthoring/v1/businessProcesses",
                BusinessProcess.class, "business process", "id");
        this.solutionProcesses = new EntitySet<>(caller, "/calm-processauthoring/v1/solutionProcesses",
                SolutionProcess.class, "solution process", "id");
        this.flows = new EntitySet<>(caller, "/calm-processauthoring/v1/solutionProcessFlows",
                SolutionProcess.Flow.class, "solution process flow", "id");
        this.assets = new EntitySet<>(caller, "/calm-processauthoring/v1/assets", SolutionProcess.Asset.class,
                "asset", "id");
        this.flowDiagrams = new EntitySet<>(caller, "/calm-processauthoring/v1/solutionProcessFlowDiagrams",
                SolutionProcess.Diagram.class, "solution process flow diagram", "id");
        this.valueFlowDiagrams = new EntitySet<>(caller, "/calm-processauthoring/v1/solutionValueFlowDiagrams",
                SolutionProcess.Diagram.class, "solution value flow diagram", "id");
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

    /**
     * Publishes a solution process ({@code POST /publishSolutionProcess/{id}}). Publishing a draft replaces the
     * published process it was made from, which keeps its id.
     *
     * @param id the solution process's id
     * @param etag its ETag ({@link SolutionProcess#etag()})
     * @return the published solution process, with its new ETag
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public SolutionProcess publishSolutionProcess(String id, String etag) {
        return solutionProcesses.action(PUBLISH.expand(Checks.notBlank("id", id)), etag, "publish solution process");
    }

    /**
     * Makes a draft of a published solution process ({@code POST /createDraftSolutionProcess/{id}}): a new
     * solution process with its own id, which replaces the published one when it is published.
     *
     * @param id the published solution process's id
     * @param etag its ETag
     * @return the draft, with its ETag
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public SolutionProcess createDraftSolutionProcess(String id, String etag) {
        return solutionProcesses.action(CREATE_DRAFT.expand(Checks.notBlank("id", id)), etag,
                "create draft solution process");
    }

    /**
     * Changes a solution process flow's name or description ({@code PATCH /solutionProcessFlows/{id}}).
     *
     * @param id the flow's id
     * @param etag its ETag ({@link SolutionProcess.Flow#etag()})
     * @param name the new name, or {@code null} to keep it
     * @param description the new description, or {@code null} to keep it
     * @return the flow after the change, with its new ETag
     * @throws io.calmsdk.core.exception.ValidationException if both are {@code null} or the name is blank
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public SolutionProcess.Flow updateSolutionProcessFlow(String id, String etag, String name, String description) {
        if (name == null && description == null) {
            throw new ValidationException("update", "sets no field",
                    "a name or a description");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", Checks.notBlank("name", name));
        }
        if (description != null) {
            body.put("description", description);
        }
        return flows.update(id, body, Checks.notBlank("etag", etag));
    }

    /**
     * Lists the assets a query selects, of every solution process ({@code GET /assets}).
     *
     * @param query the filter, order and paging
     * @return the assets, fetched lazily when iterated
     */
    public PagedIterable<SolutionProcess.Asset> listAssets(ODataQuery query) {
        return assets.list(query);
    }

    /**
     * Lists the assets of a solution process ({@code GET /solutionProcesses/{id}/assets}).
     *
     * @param solutionProcessId the solution process's id
     * @return the assets, fetched lazily when iterated
     */
    public PagedIterable<SolutionProcess.Asset> listAssets(String solutionProcessId) {
        return assets.listAt(solutionProcesses.entityPath(solutionProcessId) + "/assets", ODataQuery.all());
    }

    /**
     * Reads an asset, with its ETag.
     *
     * @param id the asset's id
     * @return the asset
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public SolutionProcess.Asset getAsset(String id) {
        return assets.get(id);
    }

    /**
     * Adds an asset to a solution process ({@code POST /solutionProcesses/{id}/assets}).
     *
     * @param solutionProcessId the solution process's id
     * @param name the name, at most 500 characters
     * @param urls the links by two-letter country code, in order ({@code ""} for a link without a country)
     * @return the asset, with its ETag
     * @throws io.calmsdk.core.exception.ValidationException if the name or a URL is blank
     */
    public SolutionProcess.Asset createAsset(String solutionProcessId, String name, Map<String, String> urls) {
        return assets.createAt(solutionProcesses.entityPath(solutionProcessId) + "/assets", assetBody(name, urls));
    }

    /**
     * Replaces an asset's name and links ({@code PATCH /assets/{id}}); the links sent replace all links.
     *
     * @param id the asset's id
     * @param etag its ETag
     * @param name the name
     * @param urls every link the asset keeps, by country code
     * @return the asset after the change, with its new ETag
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public SolutionProcess.Asset updateAsset(String id, String etag, String name, Map<String, String> urls) {
        return assets.update(id, assetBody(name, urls), Checks.notBlank("etag", etag));
    }

    private static Map<String, Object> assetBody(String name, Map<String, String> urls) {
        List<Map<String, Object>> countryUrl = new ArrayList<>();
        Objects.requireNonNull(urls, "urls").forEach((country, url) -> {
            Map<String, Object> link = new LinkedHashMap<>();
            if (country != null && !country.isEmpty()) {
                link.put("country", country);
            }
            link.put("url", Checks.notBlank("url", url));
            countryUrl.add(link);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Checks.notBlank("name", name));
        body.put("countryUrl", countryUrl);
        return body;
    }

    /**
     * Deletes an asset.
     *
     * @param id the asset's id
     * @param etag its ETag
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public void deleteAsset(String id, String etag) {
        assets.delete(id, Checks.notBlank("etag", etag));
    }

    /**
     * Lists the flow diagrams a query selects, of every flow ({@code GET /solutionProcessFlowDiagrams}).
     *
     * @param query the filter, order and paging
     * @return the diagrams, fetched lazily when iterated
     */
    public PagedIterable<SolutionProcess.Diagram> listFlowDiagrams(ODataQuery query) {
        return flowDiagrams.list(query);
    }

    /**
     * Lists the diagrams of a solution process flow
     * ({@code GET /solutionProcessFlows/{id}/solutionProcessFlowDiagrams}).
     *
     * @param flowId the flow's id
     * @return the diagrams, fetched lazily when iterated
     */
    public PagedIterable<SolutionProcess.Diagram> listFlowDiagrams(String flowId) {
        return flowDiagrams.listAt(flows.entityPath(flowId) + "/solutionProcessFlowDiagrams", ODataQuery.all());
    }

    /**
     * Reads a flow diagram, with its ETag.
     *
     * @param id the diagram's id
     * @return the diagram
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public SolutionProcess.Diagram getFlowDiagram(String id) {
        return flowDiagrams.get(id);
    }

    /**
     * Adds a diagram to a solution process flow, drawn as SVG.
     *
     * @param flowId the flow's id
     * @param request name, description and SVG
     * @return the diagram, with its ETag
     */
    public SolutionProcess.Diagram createFlowDiagram(String flowId, ProcessDiagramRequest request) {
        return flowDiagrams.createAt(flows.entityPath(flowId) + "/solutionProcessFlowDiagrams",
                Objects.requireNonNull(request, "request"));
    }

    /**
     * Adds a diagram to a solution process flow from a BPMN 2.0 document ({@code POST
     * .../solutionProcessFlowDiagrams/bpmn}); Cloud ALM draws it.
     *
     * @param flowId the flow's id
     * @param name the diagram's name
     * @param bpmn the BPMN 2.0 XML
     * @return the diagram, with its ETag
     * @throws io.calmsdk.core.exception.ValidationException if the name or the BPMN is blank
     */
    public SolutionProcess.Diagram createFlowDiagramFromBpmn(String flowId, String name, String bpmn) {
        return flowDiagrams.createAt(flows.entityPath(flowId) + "/solutionProcessFlowDiagrams/bpmn",
                Map.of("name", Checks.notBlank("name", name), "bpmn", Checks.notBlank("bpmn", bpmn)));
    }

    /**
     * Changes a flow diagram: only the fields the request sets.
     *
     * @param id the diagram's id
     * @param etag its ETag
     * @param request the fields to change
     * @return the diagram after the change, with its new ETag
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public SolutionProcess.Diagram updateFlowDiagram(String id, String etag, ProcessDiagramRequest request) {
        return flowDiagrams.update(id, Objects.requireNonNull(request, "request"), Checks.notBlank("etag", etag));
    }

    /**
     * Deletes a flow diagram.
     *
     * @param id the diagram's id
     * @param etag its ETag
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public void deleteFlowDiagram(String id, String etag) {
        flowDiagrams.delete(id, Checks.notBlank("etag", etag));
    }

    /**
     * Lists the value-flow diagrams a query selects ({@code GET /solutionValueFlowDiagrams}); each solution
     * process has one, made with it.
     *
     * @param query the filter, order and paging
     * @return the diagrams, fetched lazily when iterated
     */
    public PagedIterable<SolutionProcess.Diagram> listValueFlowDiagrams(ODataQuery query) {
        return valueFlowDiagrams.list(query);
    }

    /**
     * Reads a value-flow diagram by its own id, with its ETag.
     *
     * @param id the diagram's id
     * @return the diagram
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public SolutionProcess.Diagram getValueFlowDiagram(String id) {
        return valueFlowDiagrams.get(id);
    }

    /**
     * Reads the value-flow diagram of a solution process
     * ({@code GET /solutionProcesses/{id}/solutionValueFlowDiagram}).
     *
     * @param solutionProcessId the solution process's id
     * @return the diagram, with its ETag
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such solution process
     */
    public SolutionProcess.Diagram getValueFlowDiagramOf(String solutionProcessId) {
        return valueFlowDiagrams.getAt(solutionProcesses.entityPath(solutionProcessId) + "/solutionValueFlowDiagram");
    }

    /**
     * Changes a value-flow diagram: only the fields the request sets (its solution process cannot change).
     *
     * @param id the diagram's id
     * @param etag its ETag
     * @param request the fields to change
     * @return the diagram after the change, with its new ETag
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public SolutionProcess.Diagram updateValueFlowDiagram(String id, String etag, ProcessDiagramRequest request) {
        return valueFlowDiagrams.update(id, Objects.requireNonNull(request, "request"), Checks.notBlank("etag", etag));
    }

    @Override
    public String toString() {
        return "ProcessAuthoringClient{" + caller.endpoint() + "/calm-processauthoring/v1}";
    }
}
