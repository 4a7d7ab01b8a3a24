package io.calmsdk.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.Contract;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceKeysTest {

    static final String KEY = Contract.text("calm-service-key.json");
    static final String SECRET = "canary-calm-secret-0001";

    static void assertIsContractKey(ServiceKey key) {
        assertThat(key.apiEndpoint()).hasToString("https://mytenant.eu10.alm.cloud.sap/api");
        assertThat(key.uaa().clientSecret().orElseThrow().reveal()).isEqualTo(SECRET);
    }

    @Test
    void fromJson_cockpitJson_isRead() {
        assertIsContractKey(ServiceKeys.calm().fromJson(KEY));
        assertIsContractKey(ServiceKeys.calm().fromJson(KEY));
    }

    @Test
    void fromJson_btpCliBindingOutput_readsCredentials() {
        String btp = "{\"id\":\"b1\",\"name\":\"calm-api-key\",\"service_instance_id\":\"i1\",\"ready\":true,"
                + "\"credentials\":" + KEY + ",\"labels\":{},\"created_at\":\"2025-01-01T00:00:00Z\"}";
        assertIsContractKey(ServiceKeys.calm().fromJson(btp));
    }

    @Test
    void fromJson_cfServiceKeyOutput_skipsHeaderLines() {
        String cf = "Getting key calm-api-key for service instance calm-api as admin@example.com...\n\n" + KEY;
        assertIsContractKey(ServiceKeys.calm().fromJson(cf));
    }

    @Test
    void fromJson_cfV8OutputWithCredentialsWrapper_isRead() {
        String cf = "Getting key calm-api-key for service instance calm-api as admin@example.com...\r\n\r\n"
                + "{\n  \"credentials\": " + KEY + "\n}\n";
        assertIsContractKey(ServiceKeys.calm().fromJson(cf));
    }

    @Test
    void fromJson_brokenJson_namesPositionNotContent() {
        String broken = "{\"endpoints\": {\"Api\": \"https://x\"}, \"uaa\": {\"clientsecret\": canary-broken-0007}}";
        InvalidServiceKeyException e = catchThrowableOfType(InvalidServiceKeyException.class, () -> ServiceKeys.calm().fromJson(broken));
        assertThat(e.getMessage()).startsWith("Cloud ALM service key from JSON text is not valid JSON (line 1, column");
        assertThat(e.getMessage()).doesNotContain("canary");
        assertThat(e.getCause()).isNull();
        assertThat(e.path()).isEqualTo("$");
    }

    @Test
    void fromJson_noJsonAtAll_saysSo() {
        assertThatThrownBy(() -> ServiceKeys.calm().fromJson("FAILED\nService key not found"))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("holds no JSON object");
        assertThatThrownBy(() -> ServiceKeys.calm().fromJson("  \n"))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> ServiceKeys.calm().fromJson(null))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> ServiceKeys.calm().fromJson("{"))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void fromJson_invalidKey_namesPathAndSource() {
        String noClientId = KEY.replace("\"clientid\"", "\"client_id_typo\"");
        InvalidServiceKeyException e = catchThrowableOfType(InvalidServiceKeyException.class, () -> ServiceKeys.calm().fromJson(noClientId));
        assertThat(e.path()).isEqualTo("uaa.clientid");
        assertThat(e).hasMessage("Cloud ALM service key is invalid: uaa.clientid is missing (read from JSON text)");
    }

    @Test
    void fromJson_cisAndServiceManagerReaders() {
        CisKey cis = ServiceKeys.cis().fromJson(Contract.text("cis-central-key.json"));
        assertThat(cis.uaa().clientSecret().orElseThrow().reveal()).isEqualTo("canary-cis-secret-0003");
        ServiceManagerKey sm = ServiceKeys.serviceManager().fromJson(Contract.text("service-manager-key.json"));
        assertThat(sm.credentials().clientSecret().orElseThrow().reveal()).isEqualTo("canary-sm-secret-0004");
        String wrapped = "{\"credentials\":" + Contract.text("service-manager-key.json") + "}";
        assertThat(ServiceKeys.serviceManager().fromJson(wrapped)).isEqualTo(sm);
        assertThat(ServiceKeys.cis().kind()).isEqualTo("Cloud Management (cis) service key");
        assertThat(ServiceKeys.serviceManager()).hasToString("ServiceKeys.Reader{Service Manager service key}");
    }

    @Test
    void fromJson_wrongKindOfKey_namesMissingPath() {
        InvalidServiceKeyException e = catchThrowableOfType(InvalidServiceKeyException.class,
                () -> ServiceKeys.calm().fromJson(Contract.text("service-manager-key.json")));
        assertThat(e.path()).isEqualTo("endpoints");
        assertThat(e.getMessage()).doesNotContain("canary");
    }

    @Test
    void fromEnvironment_injectedEnvironment_readsVariable() {
        assertIsContractKey(ServiceKeys.calm().fromEnvironment("CALM_KEY", Map.of("CALM_KEY", KEY)));
        assertThat(ServiceKeys.cis().fromEnvironment("CIS", Map.of("CIS", Contract.text("cis-central-key.json")))).isNotNull();
    }

    @Test
    void fromEnvironment_unsetOrInvalid_namesVariable() {
        assertThatThrownBy(() -> ServiceKeys.calm().fromEnvironment("CALM_KEY", Map.of()))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("environment variable CALM_KEY")
                .hasMessageContaining("not set");
        assertThatThrownBy(() -> ServiceKeys.calm().fromEnvironment("CALM_KEY", Map.of("CALM_KEY", "{\"uaa\":{}}")))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("(read from environment variable CALM_KEY)");
    }

    @Test
    void fromEnvironment_processEnvironment_isReadOnlyByExplicitFactory() {
        String unlikely = "CALM_SDK_TEST_UNSET_VARIABLE_7f3a";
        assertThatThrownBy(() -> ServiceKeys.calm().fromEnvironment(unlikely))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining(unlikely);
    }
}
