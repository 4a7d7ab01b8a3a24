package io.calmsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.calmsdk.core.internal.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void toString_anyValue_isMask() {
        assertThat(Secret.of("canary-secret-test-0101")).hasToString("***");
        assertThat(Secret.of("")).hasToString("***");
    }

    @Test
    void reveal_returnsValue() {
        assertThat(Secret.of("v").reveal()).isEqualTo("v");
        assertThat(Secret.of("").isEmpty()).isTrue();
        assertThat(Secret.of("v").isEmpty()).isFalse();
    }

    @Test
    void of_null_isRefused() {
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void equals_comparesValues_hashCodeRevealsOnlyLength() {
        assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).isNotEqualTo(Secret.of("abd")).isNotEqualTo("abc");
        assertThat(Secret.of("abc").hashCode()).isEqualTo(Secret.of("xyz").hashCode());
    }

    @Test
    void jackson_writesMaskWithAnyMapper() throws Exception {
        Map<String, Secret> holder = Map.of("clientsecret", Secret.of("canary-secret-test-0102"));
        assertThat(Json.mapper().writeValueAsString(holder)).isEqualTo("{\"clientsecret\":\"***\"}");
        assertThat(new ObjectMapper().writeValueAsString(Secret.of("canary-secret-test-0102"))).isEqualTo("\"***\"");
    }

    @Test
    void jackson_readsStringIntoSecret() throws Exception {
        assertThat(Json.mapper().readValue("\"s3cr3t\"", Secret.class).reveal()).isEqualTo("s3cr3t");
    }
}
