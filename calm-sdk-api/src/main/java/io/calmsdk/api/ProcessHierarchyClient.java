package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntityReader;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.internal.QueryString;
import io.calmsdk.api.model.HierarchyNode;
import io.calmsdk.api.model.HierarchyNodeCreateRequest;
import io.calmsdk.api.model.HierarchyNodeUpdateRequest;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Cloud ALM Process Hierarchy API ({@code /calm-processhierarchy/v1}, OData v4): lists, creates,
 * changes and deletes hierarchy nodes, with SAP's field names ({@code uuid}, {@code parentNodeUUID},
 * {@code toExternalReferences}) as SAP's process-hierarchy sample uses them. Obtained from
 * {@link CloudAlmClient#processHierarchy()}; reads need scope {@code calm-api.processhierarchy.read},
 * changes {@code calm-api.processhierarchy.write} (the scope names are not documented by SAP). Immutable
 * and thread-safe.
 */
public final class ProcessHierarchyClient {

    private static final String NODES = PathTemplate.parse("/calm-processhierarchy/v1/HierarchyNodes").expand();
    private static final PathTemplate NODE = PathTemplate.parse("/calm-processhierarchy/v1/HierarchyNodes/{uuid}");
    private static final PageDecoder<HierarchyNode> NODE_PAGES = PageDecoder.of(HierarchyNode.class, "hierarchy nodes");

    private final ApiCaller caller;

    ProcessHierarchyClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * Lists every hierarchy node, {@value ODataQuery#DEFAULT_PAGE_SIZE} per request.
     *
     * @return the nodes, fetched lazily page by page when iterated
     */
    public PagedIterable<HierarchyNode> listNodes() {
        return listNodes(ODataQuery.all());
    }

    /**
     * Lists the hierarchy nodes a query selects, fetched lazily with {@code $skip}/{@code $top}; the
     * first page asks for {@code $count}, which {@code byPage()} pages report as
     * {@link io.calmsdk.core.paging.Page#totalCount()} (read from {@code @count} or {@code @odata.count}).
     * Filters name SAP's properties, e.g. {@code parentNodeUUID}; external references come with
     * {@code expand("toExternalReferences")}.
     *
     * <pre>{@code
     * client.processHierarchy().listNodes(ODataQuery.builder()
     *         .filter("parentNodeUUID eq null").orderBy("sequence").build())
     *       .forEach(root -> System.out.println(root.title().orElse(root.uuid())));
     * }</pre>
     *
     * @param query the filter, order and page size
     * @return the nodes, fetched when iterated
     */
    public PagedIterable<HierarchyNode> listNodes(ODataQuery query) {
        return caller.odata(NODES, Objects.requireNonNull(query, "query"), NODE_PAGES, "list hierarchy nodes");
    }

    /**
     * Creates a node: a root node, or a child node when the request names a parent. Not retried once it
     * may have reached Cloud ALM (a repeated create would create a second node): after a timeout, look the
     * node up before creating it again.
     *
     * <pre>{@code
     * HierarchyNode root = client.processHierarchy().create(HierarchyNodeCreateRequest.root("Order to Cash"));
     * HierarchyNode child = client.processHierarchy().create(n -> n.parentNodeUuid(root.uuid())
     *         .title("Sell from Stock").externalReference(ExternalReference.of("Spec", "https://example.com/spec")));
     * }</pre>
     *
     * @param request what to create
     * @return the created node
     * @throws io.calmsdk.core.exception.ForbiddenException if the key may not change the process hierarchy
     * @throws io.calmsdk.core.exception.CalmException for other failures, e.g. a parent that does not exist
     */
    public HierarchyNode create(HierarchyNodeCreateRequest request) {
        Objects.requireNonNull(request, "request");
        TransportResponse response = caller.send(TransportRequest.post(caller.uri(NODES, new QueryString()))
                .jsonBody(request).operation("create hierarchy node").build(), NODES);
        return EntityReader.created(response, request, HierarchyNode.class, "hierarchy node", "uuid");
    }

    /**
     * Creates a node from a request built in place: {@code processHierarchy.create(n -> n.title("Plan to Fulfil"))}.
     *
     * @param request fills a {@link HierarchyNodeCreateRequest.Builder}
     * @return the created node
     * @throws io.calmsdk.core.exception.CalmException as {@link #create(HierarchyNodeCreateRequest)} throws
     */
    public HierarchyNode create(Consumer<HierarchyNodeCreateRequest.Builder> request) {
        return create(Requests.build(HierarchyNodeCreateRequest.builder(), request,
                HierarchyNodeCreateRequest.Builder::build));
    }

    /**
     * Changes the fields set in the request; the others keep their values. A new parent moves the node
     * with the nodes below it; new external references replace the node's references.
     *
     * @param uuid the node's uuid
     * @param request the fields to change
     * @return the node after the change
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such node
     * @throws io.calmsdk.core.exception.ValidationException if the uuid is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public HierarchyNode update(String uuid, HierarchyNodeUpdateRequest request) {
        Objects.requireNonNull(request, "request");
        String path = NODE.expand(Checks.notBlank("uuid", uuid));
        TransportResponse response = caller.send(TransportRequest.patch(caller.uri(path, new QueryString()))
                .jsonBody(request).operation("update hierarchy node").build(), path);
        // An OData service may answer 204 without the entity: it is then read back.
        return response.bodyLength() == 0 ? read(uuid) : EntityReader.read(response, HierarchyNode.class,
                "hierarchy node");
    }

    /**
     * Changes a node with a request built in place: {@code processHierarchy.update(uuid, n -> n.sequence(3))}.
     *
     * @param uuid the node's uuid
     * @param request fills a {@link HierarchyNodeUpdateRequest.Builder}
     * @return the node after the change
     * @throws io.calmsdk.core.exception.CalmException as {@link #update(String, HierarchyNodeUpdateRequest)} throws
     */
    public HierarchyNode update(String uuid, Consumer<HierarchyNodeUpdateRequest.Builder> request) {
        return update(uuid, Requests.build(HierarchyNodeUpdateRequest.builder(), request,
                HierarchyNodeUpdateRequest.Builder::build));
    }

    /**
     * Deletes a node; Cloud ALM deletes the nodes below it with it.
     *
     * @param uuid the node's uuid
     * @throws io.calmsdk.core.exception.NotFoundException if there is no such node
     * @throws io.calmsdk.core.exception.ValidationException if the uuid is blank
     * @throws io.calmsdk.core.exception.CalmException for other failures
     */
    public void delete(String uuid) {
        String path = NODE.expand(Checks.notBlank("uuid", uuid));
        caller.send(TransportRequest.delete(caller.uri(path, new QueryString())).operation("delete hierarchy node")
                .build(), path);
    }

    private HierarchyNode read(String uuid) {
        String path = NODE.expand(uuid);
        return EntityReader.read(caller.send(TransportRequest.get(caller.uri(path, new QueryString()))
                .operation("get hierarchy node").build(), path), HierarchyNode.class, "hierarchy node");
    }

    @Override
    public String toString() {
        return "ProcessHierarchyClient{" + caller.endpoint() + "/calm-processhierarchy/v1}";
    }
}
