package io.calmsdk.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void expand_plainId_fillsPlaceholder() {
        assertThat(PathTemplate.parse("/calm-tasks/v1/tasks/{id}").expand("42")).isEqualTo("/calm-tasks/v1/tasks/42");
    }

    @Test
    void expand_valueWithSlashQuestionMarkAndSpace_isEncodedAsOneSegment() {
        String path = PathTemplate.parse("/calm-tasks/v1/tasks/{id}/comments").expand("a/b?c d#e%f");
        assertThat(path).isEqualTo("/calm-tasks/v1/tasks/a%2Fb%3Fc%20d%23e%25f/comments");
    }

    @Test
    void expand_unicodeValue_isUtf8Encoded() {
        assertThat(PathTemplate.parse("/p/{x}").expand("é€")).isEqualTo("/p/%C3%A9%E2%82%AC");
    }

    @Test
    void expand_unreservedCharacters_areKept() {
        assertThat(PathTemplate.parse("/p/{x}").expand("aZ0-._~")).isEqualTo("/p/aZ0-._~");
    }

    @Test
    void expand_severalVariables_fillsInOrder() {
        assertThat(PathTemplate.parse("/calm-projects/v1/projects/{p}/timeboxes/{t}").expand("P1", 7))
                .isEqualTo("/calm-projects/v1/projects/P1/timeboxes/7");
    }

    @Test
    void expand_odataKeyInParentheses_keepsLiteralQuotes() {
        assertThat(PathTemplate.parse("/calm-testmanagement/v1/ManualTestCases('{id}')").expand("a'b"))
                .isEqualTo("/calm-testmanagement/v1/ManualTestCases('a%27b')");
    }

    @Test
    void expand_byName_fillsRepeatedNames() {
        assertThat(PathTemplate.parse("/a/{id}/b/{id}").expand(Map.of("id", "x y"))).isEqualTo("/a/x%20y/b/x%20y");
    }

    @Test
    void expand_byNameMissingValue_throwsValidation() {
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id}").expand(Map.of("other", "1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no value for {id}");
    }

    @Test
    void expand_wrongCount_throwsValidation() {
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id}").expand())
                .isInstanceOf(ValidationException.class).hasMessageContaining("0 value(s) for 1 placeholder");
    }

    @Test
    void expand_dotDot_throwsValidation() {
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id}").expand(".."))
                .isInstanceOf(ValidationException.class).hasMessageContaining("{id} is '..'");
    }

    @Test
    void expand_emptyOrNull_throwsValidation() {
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id}").expand(""))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id}").expand((Object) null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is null");
    }

    @Test
    void parse_templateWithQuery_throwsValidation() {
        assertThatThrownBy(() -> PathTemplate.parse("/calm-tasks/v1/tasks?projectId=1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("contains ? or #")
                .hasMessageContaining("use query parameters");
    }

    @Test
    void parse_absoluteUrlOrProtocolRelative_throwsValidation() {
        assertThatThrownBy(() -> PathTemplate.parse("https://evil.example/x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("does not start with /");
        assertThatThrownBy(() -> PathTemplate.parse("//evil.example/x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("starts with //");
    }

    @Test
    void parse_unbalancedBraces_throwsValidation() {
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("unclosed");
        assertThatThrownBy(() -> PathTemplate.parse("/a/id}")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("} without {");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{}")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("variable named ''");
    }

    @Test
    void parse_literalWithSpace_isEncodedButPercentTripletsKept() {
        assertThat(PathTemplate.parse("/a b/%2F/{x}").expand("1")).isEqualTo("/a%20b/%2F/1");
    }
}
