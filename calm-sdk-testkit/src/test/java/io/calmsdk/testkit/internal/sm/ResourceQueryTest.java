package io.calmsdk.testkit.internal.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceQueryTest {

    private static final Set<String> FIELDS = Set.of("name", "id", "ready", "num");

    private static ObjectNode resource(String name, String id) {
        ObjectNode node = JsonSupport.object();
        node.put("name", name);
        node.put("id", id);
        node.put("ready", true);
        node.put("num", 7);
        return node;
    }

    @Test
    void field_eqWithEscapedQuote_matchesExactName() {
        ResourceQuery q = ResourceQuery.field("name eq 'it''s mine'", FIELDS);

        assertThat(q.matchesFields(resource("it's mine", "1"))).isTrue();
        assertThat(q.matchesFields(resource("its mine", "1"))).isFalse();
    }

    @Test
    void field_andOfEqAndNe_needsBoth() {
        ResourceQuery q = ResourceQuery.field("name eq 'a' and id ne '2'", FIELDS);

        assertThat(q.matchesFields(resource("a", "1"))).isTrue();
        assertThat(q.matchesFields(resource("a", "2"))).isFalse();
        assertThat(q.matchesFields(resource("b", "1"))).isFalse();
    }

    @Test
    void field_inAndNotin_testMembership() {
        assertThat(ResourceQuery.field("name in ('a', 'b')", FIELDS).matchesFields(resource("b", "1"))).isTrue();
        assertThat(ResourceQuery.field("name in ('a','b')", FIELDS).matchesFields(resource("c", "1"))).isFalse();
        assertThat(ResourceQuery.field("name notin ('a','b')", FIELDS).matchesFields(resource("c", "1"))).isTrue();
    }

    @Test
    void field_booleanAndNumberLiterals_compareAsText() {
        assertThat(ResourceQuery.field("ready eq true", FIELDS).matchesFields(resource("a", "1"))).isTrue();
        assertThat(ResourceQuery.field("num gt 5", FIELDS).matchesFields(resource("a", "1"))).isTrue();
        assertThat(ResourceQuery.field("num lt 5", FIELDS).matchesFields(resource("a", "1"))).isFalse();
    }

    @Test
    void field_blank_matchesEverything() {
        assertThat(ResourceQuery.field("  ", FIELDS).matchesFields(resource("a", "1"))).isTrue();
        assertThat(ResourceQuery.field(null, FIELDS).matchesFields(resource("a", "1"))).isTrue();
    }

    @Test
    void field_unterminatedString_isInvalidFieldQuery() {
        assertThatThrownBy(() -> ResourceQuery.field("name eq 'abc", FIELDS))
                .isInstanceOf(ApiError.class)
                .hasMessageContaining("unterminated")
                .extracting(e -> ((ApiError) e).code(), e -> ((ApiError) e).status())
                .containsExactly("InvalidFieldQuery", 400);
    }

    @Test
    void field_unquotedString_isRejected() {
        assertThatThrownBy(() -> ResourceQuery.field("name eq abc", FIELDS))
                .isInstanceOf(ApiError.class).hasMessageContaining("single quotes");
    }

    @Test
    void field_unknownOperator_isRejected() {
        assertThatThrownBy(() -> ResourceQuery.field("name like 'a'", FIELDS))
                .isInstanceOf(ApiError.class).hasMessageContaining("unsupported operator 'like'");
    }

    @Test
    void field_unknownField_isRejected() {
        assertThatThrownBy(() -> ResourceQuery.field("colour eq 'red'", FIELDS))
                .isInstanceOf(ApiError.class).hasMessageContaining("unsupported field query key: colour");
    }

    @Test
    void field_missingAnd_isRejected() {
        assertThatThrownBy(() -> ResourceQuery.field("name eq 'a' id eq 'b'", FIELDS))
                .isInstanceOf(ApiError.class).hasMessageContaining("expected 'and'");
    }

    @Test
    void field_inWithoutList_isRejected() {
        assertThatThrownBy(() -> ResourceQuery.field("name in 'a'", FIELDS))
                .isInstanceOf(ApiError.class).hasMessageContaining("expected '('");
    }

    @Test
    void label_eqAndNe_testLabelValues() {
        Map<String, List<String>> labels = Map.of("managed-by", List.of("calm-sdk"), "env", List.of("dev", "qa"));

        assertThat(ResourceQuery.label("managed-by eq 'calm-sdk'").matchesLabels(labels)).isTrue();
        assertThat(ResourceQuery.label("env eq 'qa' and managed-by eq 'calm-sdk'").matchesLabels(labels)).isTrue();
        assertThat(ResourceQuery.label("env ne 'dev'").matchesLabels(labels)).isFalse();
        assertThat(ResourceQuery.label("owner ne 'x'").matchesLabels(labels)).isTrue();
        assertThat(ResourceQuery.label("owner eq 'x'").matchesLabels(labels)).isFalse();
    }

    @Test
    void label_containsOperator_isNotALabelOperator() {
        assertThatThrownBy(() -> ResourceQuery.label("env contains 'd'"))
                .isInstanceOf(ApiError.class)
                .extracting(e -> ((ApiError) e).code()).isEqualTo("InvalidLabelQuery");
    }
}
