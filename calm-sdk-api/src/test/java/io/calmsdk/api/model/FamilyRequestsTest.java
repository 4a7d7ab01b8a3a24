package io.calmsdk.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The request types of the API families and the shared OData query: what they write and what they refuse. */
class FamilyRequestsTest {

    private static String json(Object request) {
        return Json.mapper().<JsonNode>valueToTree(request).toString();
    }

    @Test
    void odataQuery_typedCriteria_areQuotedEscapedAndJoined() {
        ODataQuery q = ODataQuery.builder().where("projectId", "p'1").where("priorityCode", 10)
                .whereNot("isPrepared", true).where("parentUuid", null).filter("title ne 'x'")
                .parameter("scopeId", "s1").build();
        assertThat(q.filterExpression()).contains("projectId eq 'p''1' and priorityCode eq 10 and isPrepared ne true"
                + " and parentUuid eq null and (title ne 'x')");
        assertThat(q.parameters()).containsExactly(Map.entry("scopeId", "s1"));
        assertThat(ODataQuery.literal(UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo("'00000000-0000-0000-0000-000000000001'");
        assertThat(ODataQuery.literal(LocalDate.of(2025, 6, 1))).isEqualTo("'2025-06-01'");
        assertThat(ODataQuery.filter("a eq 1").filterExpression()).contains("a eq 1");
        assertThat(ODataQuery.all().parameters()).isEmpty();
    }

    @Test
    void odataQuery_toBuilder_keepsEverything_andEqualityCoversCriteria() {
        ODataQuery q = ODataQuery.builder().where("a", "1").select("x", "y").expand("toItems").orderBy("x desc")
                .pageSize(7).parameter("p", "v").build();
        assertThat(q.toBuilder().build()).isEqualTo(q).hasSameHashCodeAs(q);
        assertThat(q.toBuilder().where("b", 2).build()).isNotEqualTo(q);
        assertThat(q.toString()).contains("criteria=[a eq '1']").contains("parameters={p=v}");
    }

    @Test
    void odataQuery_badPropertyValueOrParameter_namesIt() {
        assertThatThrownBy(() -> ODataQuery.builder().where("a eq 1 or b", 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("property");
        assertThatThrownBy(() -> ODataQuery.builder().where("a", new Object())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> ODataQuery.builder().parameter("$top", "1")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("parameter");
    }

    @Test
    void createRequests_missingRequiredField_nameTheField() {
        assertThatThrownBy(() -> FeatureCreateRequest.builder().title("t").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("projectId");
        assertThatThrownBy(() -> FeatureCreateRequest.builder().projectId("p").title("t").priorityCode(0).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorityCode");
        assertThatThrownBy(() -> DocumentCreateRequest.of(" ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("title");
        assertThatThrownBy(() -> ManualTestCaseCreateRequest.builder().projectId("p").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> TestActivityRequest.builder().title("t").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> SolutionProcessCreateRequest.builder().name("n").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("businessProcessId");
        assertThatThrownBy(() -> ProcessScopeCreateRequest.of("p", "")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> ManualTestCaseCreateRequest.builder().reference("n", " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("url");
    }

    @Test
    void updateRequests_noFieldOrBlankTitle_refused_andOnlySetFieldsSent() {
        assertThatThrownBy(() -> FeatureUpdateRequest.builder().build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("sets no field");
        assertThatThrownBy(() -> DocumentUpdateRequest.builder().title(" ").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> BusinessProcessUpdateRequest.builder().name("").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThat(json(ManualTestCaseUpdateRequest.builder().isPrepared(true).build())).isEqualTo("{\"isPrepared\":true}");
        assertThat(json(ProcessScopeUpdateRequest.builder().description("d").build())).isEqualTo("{\"description\":\"d\"}");
        assertThat(json(SolutionProcessUpdateRequest.builder().status("ACTIVE").countries("").build()))
                .isEqualTo("{\"status\":\"ACTIVE\",\"countries\":\"\"}");
        assertThat(json(FeatureUpdateRequest.builder().priorityCode(10).releaseId("r").scopeId("s").responsibleId("u")
                .description("d").build())).contains("\"priorityCode\":10").contains("\"responsibleId\":\"u\"");
        assertThat(json(BusinessProcessCreateRequest.of("BP"))).isEqualTo("{\"name\":\"BP\"}");
        assertThat(BusinessProcessCreateRequest.of("BP").name()).isEqualTo("BP");
        assertThat(DocumentUpdateRequest.builder().content("c").statusCode("s").priorityCode(1)
                .documentTypeCode("t").build().toString()).contains("content=c");
    }

    @Test
    void requests_areImmutable_afterTheBuilderChanges() {
        TestActivityRequest.Builder activity = TestActivityRequest.builder().sequence(1).title("A")
                .action(TestActionRequest.of(1, "Step"));
        TestActivityRequest first = activity.build();
        activity.action(TestActionRequest.of(2, "Another"));
        assertThat((List<?>) first.fields().get("toActions")).hasSize(1);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.title()).isEqualTo("A");
        assertThatThrownBy(() -> first.fields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        FeatureCreateRequest feature = FeatureCreateRequest.of("p", "t");
        assertThat(feature.projectId()).isEqualTo("p");
        assertThat(feature.title()).isEqualTo("t");
        assertThat(feature.toString()).contains("title=t");
    }
}
