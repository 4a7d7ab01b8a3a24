package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "calm-api", "calm.api_1", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
    void instanceNameOf_validName_isAccepted(String name) {
        assertThat(InstanceName.of(name).value()).isEqualTo(name);
        assertThat(InstanceName.isValid(name)).isTrue();
    }

    @Test
    void instanceNameOf_tooLong_namesFieldLengthAndRule() {
        assertThatThrownBy(() -> InstanceName.of("a".repeat(33)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("instanceName is 33 characters long")
                .hasMessageContaining("1-32 characters of A-Z a-z 0-9 . _ -")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("instanceName"));
    }

    @Test
    void instanceNameOf_space_pointsAtUnderscores() {
        assertThatThrownBy(() -> InstanceName.of("my calm"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("contains a space at position 3")
                .hasMessageContaining("write spaces as underscores");
    }

    @Test
    void instanceNameOf_emptyNullOrOddCharacters_isRefused() {
        assertThatThrownBy(() -> InstanceName.of("")).isInstanceOf(ValidationException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> InstanceName.of(null)).isInstanceOf(ValidationException.class).hasMessageContaining("is missing");
        assertThatThrownBy(() -> InstanceName.of("a/b")).hasMessageContaining("'/' at position 2");
        assertThatThrownBy(() -> InstanceName.of("a\u0000b")).hasMessageContaining("U+0000");
        assertThat(InstanceName.isValid("ä")).isFalse();
    }

    @Test
    void fromDisplayName_spaces_becomeUnderscores() {
        assertThat(InstanceName.fromDisplayName("My CALM api").value()).isEqualTo("My_CALM_api");
        assertThat(InstanceName.fromDisplayName("  two   spaces\tand tab ").value()).isEqualTo("two_spaces_and_tab");
        assertThatThrownBy(() -> InstanceName.fromDisplayName("Grüße")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> InstanceName.fromDisplayName(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void instanceName_valueSemanticsAndJson() throws Exception {
        assertThat(InstanceName.of("a")).isEqualTo(InstanceName.of("a")).hasSameHashCodeAs(InstanceName.of("a"))
                .isNotEqualTo(InstanceName.of("A")).hasToString("a");
        assertThat(Json.mapper().writeValueAsString(InstanceName.of("calm-api"))).isEqualTo("\"calm-api\"");
        assertThat(Json.mapper().readValue("\"calm-api\"", InstanceName.class)).isEqualTo(InstanceName.of("calm-api"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC_001_00", "S4H_100_00", "X12_000_123456789012345678", "A1B_999_1"})
    void bindingNameOf_automaticCredentialPattern_isRefusedWithReason(String name) {
        assertThatThrownBy(() -> BindingName.of(name))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("bindingName")
                .hasMessageContaining("<SID>_<client>_<system number>")
                .hasMessageContaining("automatically");
    }

    @ParameterizedTest
    @ValueSource(strings = {"calm-api-key", "abc_001_00", "ABC_01_00", "ABC_001_", "1BC_001_00", "ABCD_001_00",
        "ABC_001_00x", "ABC-001-00", "ABC_001_00.1"})
    void bindingNameOf_nearMisses_areAccepted(String name) {
        assertThat(BindingName.of(name).value()).isEqualTo(name);
        assertThat(BindingName.isValid(name)).isTrue();
    }

    @Test
    void bindingNameOf_badCharactersOrLength_isRefused() {
        assertThatThrownBy(() -> BindingName.of("my key")).hasMessageContaining("a space");
        assertThatThrownBy(() -> BindingName.of("k".repeat(101))).hasMessageContaining("101 characters");
        assertThat(BindingName.isValid("")).isFalse();
        assertThat(BindingName.of("k")).isEqualTo(BindingName.of("k")).hasSameHashCodeAs(BindingName.of("k"))
                .isNotEqualTo("k").hasToString("k");
    }
}
