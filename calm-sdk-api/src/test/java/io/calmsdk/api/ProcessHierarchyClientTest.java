package io.calmsdk.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.calmsdk.api.model.ExternalReference;
import io.calmsdk.api.model.HierarchyNode;
import io.calmsdk.api.model.HierarchyNodeCreateRequest;
import io.calmsdk.api.model.HierarchyNodeUpdateRequest;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.testing.CalmStubs;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.paging.Page;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProcessHierarchyClientTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CalmStubs stubs;

    @BeforeEach
    void setUp() {
        stubs = new CalmStubs(wm);
        stubs.stubToken();
    }

    private static String nodes(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"uuid\":\"n" + i + "\",\"title\":\"Node " + i + "\"}")
                .collect(Collectors.joining(","));
    }

    @Test
    void listNodes_severalPages_usesSkipTopAndStopsAtCount() {
        String path = "/api/calm-processhierarchy/v1/HierarchyNodes";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("0")).withQueryParam("$top", equalTo("3"))
                .withQueryParam("$count", equalTo("true")).withQueryParam("$filter", equalTo("parentNodeUUID eq null"))
                .withQueryParam("$orderby", equalTo("sequence"))
                .willReturn(okJson("{\"@odata.count\":7,\"value\":[" + nodes(0, 3) + "]}")));
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("3")).withQueryParam("$top", equalTo("3"))
                .withQueryParam("$count", absent()).withQueryParam("$filter", equalTo("parentNodeUUID eq null"))
                .willReturn(okJson("{\"value\":[" + nodes(3, 6) + "]}")));
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("6")).withQueryParam("$top", equalTo("3"))
                .willReturn(okJson("{\"value\":[" + nodes(6, 7) + "]}")));
        ODataQuery roots = ODataQuery.builder().filter("parentNodeUUID eq null").orderBy("sequence").pageSize(3).build();
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.processHierarchy().listNodes(roots).stream().map(HierarchyNode::uuid))
                    .containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6");
            Page<HierarchyNode> first = client.processHierarchy().listNodes(roots).byPage().iterator().next();
            assertThat(first.totalCount()).hasValue(7);
        }
        // A full last page would need a fourth request without a count; the count ends it after three.
        wm.verify(3 + 1, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void listNodes_countFullyConsumed_doesNotAskForAnotherPage() {
        String path = "/api/calm-processhierarchy/v1/HierarchyNodes";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("0"))
                .willReturn(okJson("{\"@count\":2,\"value\":[" + nodes(0, 2) + "]}")));
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("2"))
                .willReturn(okJson("{\"value\":[" + nodes(2, 4) + "]}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.processHierarchy().listNodes(ODataQuery.builder().pageSize(2).build())).hasSize(2);
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void listNodes_serverDrivenPaging_followsNextLink() {
        String path = "/api/calm-processhierarchy/v1/HierarchyNodes";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("0")).willReturn(okJson(
                "{\"value\":[" + nodes(0, 2) + "],\"@odata.nextLink\":\"HierarchyNodes?$skiptoken=abc\"}")));
        wm.stubFor(get(urlEqualTo(path + "?$skiptoken=abc")).willReturn(okJson("{\"value\":[" + nodes(2, 3) + "]}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.processHierarchy().listNodes().stream().map(HierarchyNode::uuid))
                    .containsExactly("n0", "n1", "n2");
        }
        wm.verify(getRequestedFor(urlEqualTo(path + "?$skiptoken=abc")));
    }

    @Test
    void listNodes_serverCapsPageBelowTop_completesEachWindowAndGoesOn() {
        String path = "/api/calm-processhierarchy/v1/HierarchyNodes";
        // We ask $top=4; the server answers at most 2 and links to the rest of the window ($top shrinks).
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("0")).withQueryParam("$top", equalTo("4"))
                .willReturn(okJson("{\"@odata.count\":6,\"value\":[" + nodes(0, 2) + "],"
                        + "\"@odata.nextLink\":\"HierarchyNodes?$skip=2&$top=2\"}")));
        wm.stubFor(get(urlEqualTo(path + "?$skip=2&$top=2")).willReturn(okJson("{\"value\":[" + nodes(2, 4) + "]}")));
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("4")).withQueryParam("$top", equalTo("4"))
                .willReturn(okJson("{\"value\":[" + nodes(4, 6) + "]}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.processHierarchy().listNodes(ODataQuery.builder().pageSize(4).build()).stream()
                    .map(HierarchyNode::uuid)).containsExactly("n0", "n1", "n2", "n3", "n4", "n5");
        }
    }

    @Test
    void listOData_anyEntitySet_pagesJsonTrees() {
        String path = "/api/calm-testmanagement/v1/ManualTestCases";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("0")).withQueryParam("$select", equalTo("id,title"))
                .willReturn(okJson("{\"@odata.count\":3,\"value\":[{\"id\":\"a\"},{\"id\":\"b\"}]}")));
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("2"))
                .willReturn(okJson("{\"value\":[{\"id\":\"c\"}]}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.listOData("/calm-testmanagement/v1/ManualTestCases", JsonNode.class,
                    ODataQuery.builder().select("id", "title").pageSize(2).build()).stream().map(n -> n.path("id").asText()))
                    .containsExactly("a", "b", "c");
        }
    }

    @Test
    void listOffsetLimit_anyRestCollection_pagesWithFilters() {
        String path = "/api/calm-analytics/v1/requirements";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("provider", equalTo("X")).withQueryParam("offset", equalTo("0"))
                .withQueryParam("limit", equalTo("2")).willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("provider", equalTo("X")).withQueryParam("offset", equalTo("2"))
                .withQueryParam("limit", equalTo("2")).willReturn(okJson("[{\"id\":3}]")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.listOffsetLimit("/calm-analytics/v1/requirements", JsonNode.class, Map.of("provider", "X"), 2)
                    .stream().map(n -> n.path("id").asInt())).containsExactly(1, 2, 3);
        }
    }

    @Test
    void listNodes_sapSpelling_childrenHaveTheirParent_andAtCountIsTheTotal() {
        String path = "/api/calm-processhierarchy/v1/HierarchyNodes";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skip", equalTo("0")).willReturn(okJson(
                "{\"@count\":2,\"value\":[{\"uuid\":\"r\",\"parentNodeUUID\":null,\"title\":\"Root\"},"
                        + "{\"uuid\":\"c\",\"parentNodeUUID\":\"r\",\"title\":\"Child\"}]}")));
        try (CloudAlmClient client = stubs.client()) {
            Page<HierarchyNode> page = client.processHierarchy().listNodes().byPage().iterator().next();

            assertThat(page.totalCount()).hasValue(2);
            assertThat(page.items()).extracting(HierarchyNode::isRoot).containsExactly(true, false);
            assertThat(page.items().get(1).parentNodeUuid()).contains("r");
        }
    }

    @Test
    void create_postsSapFieldNames_andReadsTheNodeFromThe201() {
        String path = "/api/calm-processhierarchy/v1/HierarchyNodes";
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"uuid\":\"c1\",\"parentNodeUUID\":\"r1\","
                        + "\"rootNodeUUID\":\"r1\",\"title\":\"Child\",\"level\":2,\"sequence\":1,"
                        + "\"toExternalReferences\":[{\"name\":\"Spec\",\"url\":\"https://sap.com\"}]}")));
        try (CloudAlmClient client = stubs.client()) {
            HierarchyNode node = client.processHierarchy().create(n -> n.title("Child").parentNodeUuid("r1")
                    .externalReference(ExternalReference.of("Spec", "https://sap.com")));

            assertThat(node.uuid()).isEqualTo("c1");
            assertThat(node.parentNodeUuid()).contains("r1");
            assertThat(node.hierarchyLevel()).contains(2);
            assertThat(node.externalReferences()).containsExactly(ExternalReference.of("Spec", "https://sap.com"));
        }
        wm.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"title\":\"Child\","
                + "\"parentNodeUUID\":\"r1\",\"toExternalReferences\":[{\"name\":\"Spec\",\"url\":\"https://sap.com\"}]}")));
    }

    @Test
    void create_locationOnly_takesTheUuidFromTheODataKey() {
        wm.stubFor(post(urlPathEqualTo("/api/calm-processhierarchy/v1/HierarchyNodes")).willReturn(aResponse()
                .withStatus(201).withHeader("Location", "HierarchyNodes(9a1c)")));
        try (CloudAlmClient client = stubs.client()) {
            HierarchyNode node = client.processHierarchy().create(HierarchyNodeCreateRequest.root("Root"));

            assertThat(node.uuid()).isEqualTo("9a1c");
            assertThat(node.title()).contains("Root");
            assertThat(node.isRoot()).isTrue();
        }
    }

    @Test
    void update_patchesTheNodePath_andDeleteDeletesIt() {
        String node = "/api/calm-processhierarchy/v1/HierarchyNodes/c%201";
        wm.stubFor(patch(urlPathEqualTo(node)).willReturn(okJson("{\"uuid\":\"c 1\",\"parentNodeUUID\":\"r2\","
                + "\"title\":\"Moved\"}")));
        wm.stubFor(delete(urlPathEqualTo(node)).willReturn(aResponse().withStatus(204)));
        try (CloudAlmClient client = stubs.client()) {
            HierarchyNode moved = client.processHierarchy().update("c 1", n -> n.parentNodeUuid("r2").title("Moved"));
            client.processHierarchy().delete("c 1");

            assertThat(moved.parentNodeUuid()).contains("r2");
        }
        wm.verify(patchRequestedFor(urlPathEqualTo(node)).withRequestBody(equalToJson(
                "{\"title\":\"Moved\",\"parentNodeUUID\":\"r2\"}")));
        wm.verify(1, deleteRequestedFor(urlPathEqualTo(node)));
    }

    @Test
    void update_noContent_readsTheNodeBack() {
        String node = "/api/calm-processhierarchy/v1/HierarchyNodes/n1";
        wm.stubFor(patch(urlPathEqualTo(node)).willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlPathEqualTo(node)).willReturn(okJson("{\"uuid\":\"n1\",\"sequence\":3}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThat(client.processHierarchy().update("n1", HierarchyNodeUpdateRequest.builder().sequence(3).build())
                    .sequence()).contains(3);
        }
    }

    @Test
    void delete_missingNode_throwsNotFound() {
        wm.stubFor(delete(urlPathEqualTo("/api/calm-processhierarchy/v1/HierarchyNodes/none")).willReturn(
                aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"404\",\"message\":\"Not found\"}}")));
        try (CloudAlmClient client = stubs.client()) {
            assertThatThrownBy(() -> client.processHierarchy().delete("none")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> client.processHierarchy().delete(" ")).isInstanceOf(ValidationException.class);
        }
    }
}
