package io.calmsdk.testkit.internal.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.testkit.internal.json.JsonSupport;
import org.junit.jupiter.api.Test;

class XsSecurityTest {

    private static XsSecurity parse(String json) {
        return XsSecurity.parse(JsonSupport.parse(json), "default-app");
    }

    @Test
    void parse_validParameters_keepsNameAuthoritiesAndTypes() {
        XsSecurity xs = parse("{\"xs-security\":{\"xsappname\":\"my-app_1\",\"authorities\":"
                + "[\"$XSMASTERAPPNAME.calm-api.tasks.read\"],\"oauth2-configuration\":{\"credential-types\":"
                + "[\"x509\",\"binding-secret\"],\"token-validity\":3600}}}");

        assertThat(xs.xsappname()).isEqualTo("my-app_1");
        assertThat(xs.authorities()).containsExactly("$XSMASTERAPPNAME.calm-api.tasks.read");
        assertThat(xs.credentialTypes()).containsExactly("x509", "binding-secret");
        assertThat(xs.tokenValidity()).isEqualTo(3600);
        assertThat(xs.allows("x509")).isTrue();
    }

    @Test
    void parse_noParameters_usesDefaults() {
        XsSecurity xs = XsSecurity.parse(null, "inst-guid");

        assertThat(xs.xsappname()).isEqualTo("inst-guid");
        assertThat(xs.credentialTypes()).containsExactly("binding-secret");
        assertThat(xs.allows("x509")).isTrue();
    }

    @Test
    void parse_xsappnameWithDot_isRefused() {
        assertThatThrownBy(() -> parse("{\"xs-security\":{\"xsappname\":\"my.app\"}}"))
                .isInstanceOf(BrokerRejection.class).hasMessageContaining("no dots");
    }

    @Test
    void parse_xsappnameOver100Characters_isRefused() {
        assertThatThrownBy(() -> parse("{\"xs-security\":{\"xsappname\":\"" + "a".repeat(101) + "\"}}"))
                .isInstanceOf(BrokerRejection.class).hasMessageContaining("Invalid xsappname");
    }

    @Test
    void parse_instanceSecret_isRefused() {
        assertThatThrownBy(() -> parse("{\"xs-security\":{\"oauth2-configuration\":{\"credential-types\":"
                + "[\"instance-secret\"]}}}"))
                .isInstanceOf(BrokerRejection.class).hasMessageContaining("instance-secret is no longer supported");
    }

    @Test
    void parse_tokenValidityOutOfRange_isRefused() {
        assertThatThrownBy(() -> parse("{\"xs-security\":{\"oauth2-configuration\":{\"token-validity\":30}}}"))
                .isInstanceOf(BrokerRejection.class).hasMessageContaining("between 60 and 86400");
    }

    @Test
    void parse_authoritiesNotArray_isRefused() {
        assertThatThrownBy(() -> parse("{\"xs-security\":{\"authorities\":\"calm-api.tasks.read\"}}"))
                .isInstanceOf(BrokerRejection.class).hasMessageContaining("authorities must be an array");
    }

    @Test
    void grantedScopes_replacesMasterPlaceholderAndDropsForeignScopes() {
        XsSecurity xs = parse("{\"xs-security\":{\"authorities\":[\"$XSMASTERAPPNAME.calm-api.projects.read\","
                + "\"calm-api!b9.calm-api.tasks.read\",\"other-app.read\",\"$XSAPPNAME.local\"]}}");

        assertThat(xs.grantedScopes("calm-api!b9"))
                .containsExactly("calm-api!b9.calm-api.projects.read", "calm-api!b9.calm-api.tasks.read",
                        "uaa.resource");
    }
}
