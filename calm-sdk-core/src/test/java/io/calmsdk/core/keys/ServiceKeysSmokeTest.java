package io.calmsdk.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServiceKeysSmokeTest {

    static String resource(String name) {
        try (InputStream in = ServiceKeysSmokeTest.class.getResourceAsStream("/contract/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fromJson_contractKeys_parse() {
        ServiceKey key = ServiceKeys.fromJson(resource("calm-service-key.json"));
        assertThat(key.apiEndpoint()).hasToString("https://mytenant.eu10.alm.cloud.sap/api");
        assertThat(key.uaa().tokenUrl()).hasToString("https://mysub.authentication.eu10.hana.ondemand.com/oauth/token");
        assertThat(key.uaa().clientSecret().orElseThrow().reveal()).isEqualTo("canary-calm-secret-0001");
        assertThat(key.toString()).doesNotContain("canary");
        ServiceKey x509 = ServiceKeys.fromJson(resource("calm-service-key-x509.json"));
        assertThat(x509.uaa().isX509()).isTrue();
        assertThat(x509.uaa().tokenUrl()).hasToString("https://mysub.authentication.cert.eu10.hana.ondemand.com/oauth/token");
        CisKey cis = ServiceKeys.cis().fromJson(resource("cis-central-key.json"));
        assertThat(cis.entitlementsServiceUrl().getHost()).startsWith("entitlements-service");
        ServiceManagerKey sm = ServiceKeys.serviceManager().fromJson(resource("service-manager-key-x509.json"));
        assertThat(sm.credentials().isX509()).isTrue();
    }
}
