package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.internal.json.Json;
import org.junit.jupiter.api.Test;

/** The tolerant-but-strict field reader behind service keys and xs-security parameters. */
class JsonInTest {

    private static final JsonIn.Problems THING =
            (path, problem) -> new IllegalArgumentException("Thing JSON: " + path + " " + problem);

    private static JsonIn in(String json) throws Exception {
        JsonNode node = Json.mapper().readTree(json);
        return JsonIn.root(node, THING);
    }

    @Test
    void root_nonObject_isProblem() {
        assertThatThrownBy(() -> in("[1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Thing JSON: $ is not a JSON object");
        assertThatThrownBy(() -> JsonIn.root(null, THING)).hasMessageContaining("$ is not a JSON object");
    }

    @Test
    void optLong_acceptsWholeNumbersInSeveralSpellings() throws Exception {
        JsonIn in = in("{\"a\":5,\"b\":5.0,\"c\":\" 7 \",\"d\":5.5,\"e\":\"x\",\"f\":true,\"g\":null,\"h\":1e400}");
        assertThat(in.optLong("a")).contains(5L);
        assertThat(in.optLong("b")).contains(5L);
        assertThat(in.optLong("c")).contains(7L);
        assertThat(in.optLong("g")).isEmpty();
        assertThat(in.optLong("missing")).isEmpty();
        assertThatThrownBy(() -> in.optLong("d")).hasMessage("Thing JSON: d is not a whole number");
        assertThatThrownBy(() -> in.optLong("e")).hasMessageContaining("e is not a whole number");
        assertThatThrownBy(() -> in.optLong("f")).hasMessageContaining("f is not a whole number");
        assertThatThrownBy(() -> in.optLong("h")).hasMessageContaining("h is not a whole number");
    }

    @Test
    void texts_arraysScalarsAndProblems() throws Exception {
        JsonIn in = in("{\"a\":[\"x\",1],\"b\":\"single\",\"c\":{},\"d\":[{}],\"e\":[null]}");
        assertThat(in.texts("a")).containsExactly("x", "1");
        assertThat(in.texts("b")).containsExactly("single");
        assertThat(in.texts("missing")).isEmpty();
        assertThatThrownBy(() -> in.texts("c")).hasMessageContaining("c is not an array");
        assertThatThrownBy(() -> in.texts("d")).hasMessageContaining("d holds an item that is not a string");
        assertThatThrownBy(() -> in.texts("e")).hasMessageContaining("e holds an item that is not a string");
    }

    @Test
    void optObjectAndText_typeProblemsNamePath() throws Exception {
        JsonIn in = in("{\"o\":{\"inner\":{\"deep\":[1]}},\"s\":\"x\"}");
        JsonIn inner = in.object("o").object("inner");
        assertThatThrownBy(() -> inner.text("deep")).hasMessage("Thing JSON: o.inner.deep is not a string");
        assertThatThrownBy(() -> in.object("s")).hasMessageContaining("s is not a JSON object");
        assertThatThrownBy(() -> in.object("absent")).hasMessageContaining("absent is missing");
    }

    @Test
    void optUri_invalidSyntaxOrRelative_isProblem() throws Exception {
        JsonIn in = in("{\"a\":\"https://ok.example/x\",\"b\":\"http://exa mple\",\"c\":\"/relative\"}");
        assertThat(in.optUri("a")).isPresent();
        assertThatThrownBy(() -> in.optUri("b")).hasMessageContaining("b is not a valid URL");
        assertThatThrownBy(() -> in.optUri("c")).hasMessageContaining("c is not an absolute URL with a host");
    }

    @Test
    void keyUrls_relativeUriFromBuilder_isProblem() {
        assertThat(KeyUrls.problem(java.net.URI.create("/x"))).hasValueSatisfying(p -> assertThat(p).contains("absolute"));
        assertThat(KeyUrls.isLoopback("[::1]")).isTrue();
        assertThat(KeyUrls.isLoopback("127.0.0.1")).isTrue();
        assertThat(KeyUrls.isLoopback("128.0.0.1")).isFalse();
        assertThat(KeyUrls.isLoopback("localhost.example.com")).isFalse();
    }
}
