package io.calmsdk.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.model.Contract;
import io.calmsdk.core.model.ServiceKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VcapServicesTest {

    private static final String KEY = Contract.text("calm-service-key.json");

    private static String entry(String name, String bindingName, String key) {
        return "{\"label\":\"SAPCloudALMAPIs\",\"provider\":null,\"plan\":\"standard\",\"name\":\"" + name + "\","
                + "\"instance_name\":\"" + name + "\",\"binding_name\":" + (bindingName == null ? "null" : "\"" + bindingName + "\"")
                + ",\"tags\":[],\"volume_mounts\":[],\"credentials\":" + key + "}";
    }

    private static Map<String, String> env(String vcap) {
        return Map.of("VCAP_SERVICES", vcap);
    }

    @Test
    void fromVcapServices_singleEntry_isChosen() {
        String vcap = "{\"SAPCloudALMAPIs\":[" + entry("calm-api", null, KEY) + "],"
                + "\"xsuaa\":[{\"label\":\"xsuaa\",\"name\":\"uaa\",\"credentials\":{}}]}";
        ServiceKey key = ServiceKeys.calm().fromVcapServices(env(vcap));
        assertThat(key.uaa().clientSecret().orElseThrow().reveal()).isEqualTo("canary-calm-secret-0001");
    }

    @Test
    void fromVcapServices_byInstanceOrBindingName_choosesEntry() {
        String other = KEY.replace("mytenant", "othertenant");
        String vcap = "{\"SAPCloudALMAPIs\":[" + entry("calm-a", "bind-a", KEY) + "," + entry("calm-b", "bind-b", other) + "]}";
        assertThat(ServiceKeys.calm().fromVcapServices("calm-b", env(vcap)).apiEndpoint().getHost()).startsWith("othertenant");
        assertThat(ServiceKeys.calm().fromVcapServices("bind-a", env(vcap)).apiEndpoint().getHost()).startsWith("mytenant");
    }

    @Test
    void fromVcapServices_ambiguous_listsAvailableNames() {
        String vcap = "{\"SAPCloudALMAPIs\":[" + entry("calm-a", null, KEY) + "," + entry("calm-b", "bind-b", KEY) + "]}";
        assertThatThrownBy(() -> ServiceKeys.calm().fromVcapServices(env(vcap)))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("has 2 entries with label 'SAPCloudALMAPIs'")
                .hasMessageContaining("calm-a")
                .hasMessageContaining("calm-b/bind-b")
                .hasMessageNotContaining("canary");
    }

    @Test
    void fromVcapServices_unknownName_listsAvailableNames() {
        String vcap = "{\"SAPCloudALMAPIs\":[" + entry("calm-a", null, KEY) + "]}";
        assertThatThrownBy(() -> ServiceKeys.calm().fromVcapServices("calm-x", env(vcap)))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("has no entry named 'calm-x'")
                .hasMessageContaining("[SAPCloudALMAPIs: calm-a]");
    }

    @Test
    void fromVcapServices_noEntryWithLabel_listsWhatIsThere() {
        String vcap = "{\"xsuaa\":[{\"label\":\"xsuaa\",\"name\":\"my-uaa\",\"credentials\":{}}],\"weird\":{},\"arr\":[1]}";
        assertThatThrownBy(() -> ServiceKeys.calm().fromVcapServices(env(vcap)))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("has no entry with label 'SAPCloudALMAPIs'")
                .hasMessageContaining("xsuaa: my-uaa");
        assertThatThrownBy(() -> ServiceKeys.calm().fromVcapServices(env("{}")))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("entries: none");
    }

    @Test
    void fromVcapServices_userProvidedServiceByName_isFound() {
        String vcap = "{\"user-provided\":[{\"label\":\"user-provided\",\"name\":\"my-calm-key\",\"credentials\":" + KEY + "}]}";
        assertThat(ServiceKeys.calm().fromVcapServices("my-calm-key", env(vcap))).isNotNull();
    }

    @Test
    void fromVcapServices_entryWithoutCredentials_saysSo() {
        String vcap = "{\"SAPCloudALMAPIs\":[{\"label\":\"SAPCloudALMAPIs\",\"name\":\"calm\"}]}";
        assertThatThrownBy(() -> ServiceKeys.calm().fromVcapServices(env(vcap)))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("VCAP_SERVICES entry 'calm' is invalid: credentials is missing");
    }

    @Test
    void fromVcapServices_invalidKey_namesEntryAndPath() {
        String vcap = "{\"SAPCloudALMAPIs\":[" + entry("calm-a", null, "{\"endpoints\":{}}") + "]}";
        assertThatThrownBy(() -> ServiceKeys.calm().fromVcapServices(env(vcap)))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("endpoints.Api is missing")
                .hasMessageContaining("VCAP_SERVICES entry 'calm-a'");
    }

    @Test
    void fromVcapServices_unset_saysSo() {
        assertThatThrownBy(() -> ServiceKeys.calm().fromVcapServices(Map.of()))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("VCAP_SERVICES is missing");
        assertThatThrownBy(() -> ServiceKeys.calm().fromVcapServices("x", Map.of()))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("not set");
    }

    @Test
    void fromVcapServices_serviceManagerLabel() {
        String vcap = "{\"service-manager\":[{\"label\":\"service-manager\",\"name\":\"sm\",\"credentials\":"
                + Contract.text("service-manager-key.json") + "}]}";
        assertThat(ServiceKeys.serviceManager().fromVcapServices(env(vcap)).smUrl().getHost())
                .isEqualTo("service-manager.cfapps.eu10.hana.ondemand.com");
    }

    @Test
    void fromVcapServices_processEnvironmentWithoutVcap_saysSo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("VCAP_SERVICES") == null);
        assertThatThrownBy(() -> ServiceKeys.calm().fromVcapServices()).isInstanceOf(InvalidServiceKeyException.class);
        assertThatThrownBy(() -> ServiceKeys.calm().fromVcapServices("calm")).isInstanceOf(InvalidServiceKeyException.class);
    }
}
