package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.model.HierarchyNode;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;

/**
 * The Cloud ALM Process Hierarchy API ({@code /calm-processhierarchy/v1}, OData v4). Obtained from
 * {@link CloudAlmClient#processHierarchy()}; needs scope {@code calm-api.processhierarchy.read}.
 * Immutable and thread-safe.
 */
public final class ProcessHierarchyClient {

    private static final String NODES = PathTemplate.parse("/calm-processhierarchy/v1/HierarchyNodes").expand();
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
     * {@link io.calmsdk.core.paging.Page#totalCount()}.
     *
     * <pre>{@code
     * client.processHierarchy().listNodes(ODataQuery.builder()
     *         .filter("parentNodeUuid eq null").orderBy("sequence").build())
     *       .forEach(root -> System.out.println(root.title().orElse(root.uuid())));
     * }</pre>
     *
     * @param query the filter, order and page size
     * @return the nodes, fetched when iterated
     */
    public PagedIterable<HierarchyNode> listNodes(ODataQuery query) {
        return caller.odata(NODES, Objects.requireNonNull(query, "query"), NODE_PAGES, "list hierarchy nodes");
    }

    @Override
    public String toString() {
        return "ProcessHierarchyClient{" + caller.endpoint() + "/calm-processhierarchy/v1}";
    }
}
