package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void with_andWithout_returnNewImmutableLabels() {
        Labels labels = Labels.of("managed-by", "calm-sdk").with("team", "a", "b", "a");
        assertThat(labels.values("team")).containsExactly("a", "b");
        assertThat(labels.first("managed-by")).contains("calm-sdk");
        assertThat(labels.values("missing")).isEmpty();
        assertThat(labels.without("team").asMap()).containsOnlyKeys("managed-by");
        assertThat(labels.without("nope")).isSameAs(labels);
        assertThat(labels.without("team").without("managed-by")).isSameAs(Labels.empty());
        assertThatThrownBy(() -> labels.asMap().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> labels.values("team").add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void of_map_copiesAndValidates() {
        Labels labels = Labels.of(Map.of("k", List.of("v")));
        assertThat(labels).isEqualTo(Labels.of("k", "v")).hasSameHashCodeAs(Labels.of("k", "v"));
        assertThat(labels).hasToString("{k=[v]}");
        assertThat(Labels.of(Map.of())).isSameAs(Labels.empty());
        assertThat(Labels.empty().isEmpty()).isTrue();
        assertThatThrownBy(() -> Labels.of(" ", "v")).isInstanceOf(ValidationException.class).hasMessageContaining("label key");
        assertThatThrownBy(() -> Labels.of("k", (String) null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("labels.k contains a null value");
        assertThatThrownBy(() -> Labels.of(Map.of("k", Arrays.asList("a", null)))).isInstanceOf(ValidationException.class);
    }

    @Test
    void containsAll_checksKeysAndValues() {
        Labels actual = Labels.of("managed-by", "calm-sdk").with("other", "x");
        assertThat(actual.containsAll(Labels.of("managed-by", "calm-sdk"))).isTrue();
        assertThat(actual.containsAll(Labels.of("managed-by", "someone-else"))).isFalse();
        assertThat(actual.containsAll(Labels.of("absent", "x"))).isFalse();
    }

    @Test
    void changesTo_computesMinimalPatch() {
        Labels actual = Labels.of("managed-by", "calm-sdk").with("team", "old", "keep").with("foreign", "x");
        Labels desired = Labels.of("managed-by", "calm-sdk").with("team", "keep", "new").with("hash", "abc");
        List<LabelChange> changes = actual.changesTo(desired);
        assertThat(changes).containsExactly(
                LabelChange.addValues("team", List.of("new")),
                LabelChange.removeValues("team", List.of("old")),
                LabelChange.add("hash", List.of("abc")));
        assertThat(actual.changesTo(actual)).isEmpty();
    }

    @Test
    void json_readsTolerantlyAndWritesMap() throws Exception {
        Labels labels = Json.mapper().readValue("{\"a\":[\"1\",\"2\"],\"b\":\"single\",\"c\":null,\"\":[\"x\"],\"d\":[null,3]}",
                Labels.class);
        assertThat(labels.asMap()).containsOnlyKeys("a", "b", "c", "d");
        assertThat(labels.values("b")).containsExactly("single");
        assertThat(labels.values("c")).isEmpty();
        assertThat(labels.values("d")).containsExactly("3");
        assertThat(Json.mapper().writeValueAsString(Labels.of("k", "v"))).isEqualTo("{\"k\":[\"v\"]}");
        assertThat(Labels.fromJson(null)).isSameAs(Labels.empty());
        assertThatThrownBy(() -> Json.mapper().readValue("[1]", Labels.class)).hasMessageContaining("not an object");
    }

    @Test
    void labelChange_checksValuesAndKey() {
        assertThat(LabelChange.remove("k").values()).isEmpty();
        assertThatThrownBy(() -> LabelChange.add("k", List.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no values for op add");
        assertThatThrownBy(() -> LabelChange.remove(" ")).isInstanceOf(ValidationException.class);
        assertThat(LabelChange.Kind.fromWire("REMOVE_VALUES")).isSameAs(LabelChange.Kind.REMOVE_VALUES);
        assertThatThrownBy(() -> LabelChange.Kind.fromWire("replace")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add, add_values, remove, remove_values");
    }
}
