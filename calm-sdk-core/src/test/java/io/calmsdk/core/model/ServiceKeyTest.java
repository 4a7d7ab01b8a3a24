package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import java.net.URI;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceKeyTest {

    private static ObjectNode key() {
        return Contract.tree("calm-service-key.json").deepCopy();
    }

    private static ObjectNode uaa(ObjectNode key) {
        return (ObjectNode) key.get("uaa");
    }

    private static InvalidServiceKeyException invalid(JsonNode node) {
        return catchThrowableOfType(InvalidServiceKeyException.class, () -> ServiceKey.fromJsonNode(node));
    }

    private static ObjectNode with(Consumer<ObjectNode> change) {
        ObjectNode k = key();
        change.accept(k);
        return k;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Api", "API", "api", "aPi"})
    void fromJson_apiEndpointAnyCase_isRead(String field) {
        ObjectNode k = key();
        ((ObjectNode) k.get("endpoints")).remove("Api");
        ((ObjectNode) k.get("endpoints")).put(field, "https://t.eu10.alm.cloud.sap/api");
        ServiceKey key = ServiceKey.fromJsonNode(k);
        assertThat(key.apiEndpoint()).isEqualTo(URI.create("https://t.eu10.alm.cloud.sap/api"));
        assertThat(key.revealJson()).contains("\"" + field + "\" : \"https://t.eu10.alm.cloud.sap/api\"");
    }

    @Test
    void fromJson_fullKey_exposesAllFields() {
        ServiceKey key = ServiceKey.fromJsonNode(key());
        assertThat(key.identityZone()).contains("mysub");
        assertThat(key.xsappname()).contains("calm-api!b1234");
        assertThat(key.credentialType()).contains("binding-secret");
        assertThat(key.uaa().clientId()).isEqualTo("sb-calm-api!b1234|calm-api!b5678");
        assertThat(key.uaa().isX509()).isFalse();
        assertThat(key.uaa().url()).contains(URI.create("https://mysub.authentication.eu10.hana.ondemand.com"));
        assertThat(key.field("uaa", "tenantid")).contains("0c6f2e5a-8d4b-4d5e-9a0b-3f1c2d3e4f50");
        assertThat(key.field("uaa", "nothing")).isEmpty();
        assertThat(key.field("uaa")).isEmpty();
        assertThat(key.fieldNames("uaa")).contains("uaadomain", "tenantid", "clientid");
        assertThat(key.fieldNames()).containsExactly("endpoints", "uaa");
        assertThat(key.fieldNames("nope")).isEmpty();
        assertThat(key.otherEndpoints()).isEmpty();
    }

    @Test
    void fromJson_otherEndpoints_areKept() {
        ServiceKey key = ServiceKey.fromJsonNode(with(k -> ((ObjectNode) k.get("endpoints")).put("Ui", "https://ui.example")));
        assertThat(key.otherEndpoints()).containsEntry("Ui", "https://ui.example");
    }

    @Test
    void fromJson_missingParts_nameJsonPath() {
        assertThat(invalid(with(k -> k.remove("endpoints"))).path()).isEqualTo("endpoints");
        assertThat(invalid(with(k -> ((ObjectNode) k.get("endpoints")).remove("Api"))).path()).isEqualTo("endpoints.Api");
        assertThat(invalid(with(k -> k.remove("uaa"))).path()).isEqualTo("uaa");
        assertThat(invalid(with(k -> uaa(k).remove("clientid"))).path()).isEqualTo("uaa.clientid");
        assertThat(invalid(with(k -> uaa(k).put("clientid", "  "))).path()).isEqualTo("uaa.clientid");
        assertThat(invalid(with(k -> uaa(k).remove("url"))).path()).isEqualTo("uaa.url");
        InvalidServiceKeyException e = invalid(with(k -> uaa(k).remove("clientsecret")));
        assertThat(e.path()).isEqualTo("uaa.clientsecret");
        assertThat(e).hasMessage("Cloud ALM service key is invalid: uaa.clientsecret is missing;"
                + " a key needs either clientsecret or certificate + key");
    }

    @Test
    void fromJson_wrongTypes_nameJsonPath() {
        assertThat(invalid(with(k -> k.put("endpoints", "x"))).getMessage()).contains("endpoints is not a JSON object");
        assertThat(invalid(with(k -> uaa(k).putArray("clientid"))).getMessage()).contains("uaa.clientid is not a string");
        assertThat(invalid(Contract.tree("sm-label-patch.json")).path()).isEqualTo("$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://t.eu10.alm.cloud.sap/api", "ftp://t.example/api", "/relative/api", "https:///nohost",
        "not a url at all", "mailto:x@y.z"})
    void fromJson_badApiUrl_isRefusedWithoutEchoingValue(String url) {
        InvalidServiceKeyException e = invalid(with(k -> ((ObjectNode) k.get("endpoints")).put("Api", url)));
        assertThat(e.path()).isEqualTo("endpoints.Api");
        assertThat(e.getMessage()).doesNotContain(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1234/x", "http://[::1]:9000", "http://sim.localhost"})
    void fromJson_httpOnLoopback_isAcceptedForSimulators(String url) {
        ServiceKey key = ServiceKey.fromJsonNode(with(k -> {
            ((ObjectNode) k.get("endpoints")).put("Api", url + "/api");
            uaa(k).put("url", url);
        }));
        assertThat(key.uaa().tokenUrl()).hasToString(url + "/oauth/token");
    }

    @Test
    void fromJson_httpTokenUrlOffLoopback_isRefused() {
        InvalidServiceKeyException e = invalid(with(k -> uaa(k).put("url", "http://mysub.authentication.eu10.hana.ondemand.com")));
        assertThat(e.path()).isEqualTo("uaa.url");
        assertThat(e).hasMessageContaining("http is accepted only for loopback hosts");
    }

    @Test
    void fromJson_x509_variantAndItsProblems() {
        ServiceKey key = ServiceKey.fromJsonNode(Contract.tree("calm-service-key-x509.json"));
        assertThat(key.uaa().isX509()).isTrue();
        assertThat(key.uaa().certificate()).hasValueSatisfying(c -> assertThat(c).startsWith("-----BEGIN CERTIFICATE-----"));
        assertThat(key.uaa().privateKey()).isPresent();
        assertThat(key.uaa().tokenUrl()).hasToString("https://mysub.authentication.cert.eu10.hana.ondemand.com/oauth/token");

        ObjectNode noKey = Contract.tree("calm-service-key-x509.json").deepCopy();
        uaa(noKey).remove("key");
        assertThat(invalid(noKey).path()).isEqualTo("uaa.key");
        ObjectNode noCert = Contract.tree("calm-service-key-x509.json").deepCopy();
        uaa(noCert).remove("certificate");
        assertThat(invalid(noCert).path()).isEqualTo("uaa.certificate");
        ObjectNode badCertUrl = Contract.tree("calm-service-key-x509.json").deepCopy();
        uaa(badCertUrl).put("certurl", "http://cert.example");
        assertThat(invalid(badCertUrl).path()).isEqualTo("uaa.certurl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://sub.authentication.eu10.hana.ondemand.com/oauth/token",
        "https://sub.authentication.eu10.hana.ondemand.com/oauth/token/"})
    void tokenUrl_urlAlreadyEndsInTokenPath_isNotDoubled(String url) {
        ServiceKey key = ServiceKey.fromJsonNode(with(k -> uaa(k).put("url", url)));
        assertThat(key.uaa().tokenUrl()).hasToString("https://sub.authentication.eu10.hana.ondemand.com/oauth/token");
    }

    @Test
    void x509WithoutCertUrl_fallsBackToUrl() {
        ObjectNode k = Contract.tree("calm-service-key-x509.json").deepCopy();
        uaa(k).remove("certurl");
        assertThat(ServiceKey.fromJsonNode(k).uaa().tokenUrl())
                .hasToString("https://mysub.authentication.eu10.hana.ondemand.com/oauth/token");
    }

    @Test
    void builder_buildsValidKeyAndRefusesInvalid() {
        OAuthClientCredentials client = OAuthClientCredentials.builder().clientId("c").clientSecret(Secret.of("s"))
                .url(URI.create("https://auth.example/")).build();
        ServiceKey key = ServiceKey.builder().apiEndpoint(URI.create("https://t.alm.cloud.sap/api")).uaa(client).build();
        assertThat(client.tokenUrl()).hasToString("https://auth.example/oauth/token");
        assertThat(ServiceKey.fromJsonNode(Contract.tree("calm-service-key.json")).uaa().clientId()).isNotBlank();
        assertThat(key.revealJson()).contains("\"clientsecret\" : \"s\"", "\"Api\" : \"https://t.alm.cloud.sap/api\"");
        assertThat(key.field("uaa", "clientid")).isEmpty(); // built keys have no source JSON

        assertThatThrownBy(() -> ServiceKey.builder().apiEndpoint(URI.create("http://t.example/api")).uaa(client).build())
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("endpoints.Api");
        assertThatThrownBy(() -> OAuthClientCredentials.builder().clientId("c").url(URI.create("https://a.example")).build())
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("clientsecret is missing");
        assertThatThrownBy(() -> OAuthClientCredentials.builder().clientId("c").clientSecret(Secret.of("s")).build())
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("url is missing");
        assertThatThrownBy(() -> OAuthClientCredentials.builder().clientId("c").certificate("C").privateKey(Secret.of("k"))
                .url(URI.create("https://a.example")).certUrl(URI.create("ftp://x.example")).build())
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("certurl");
    }

    @Test
    void oauthClientCredentials_jsonRoundTripMasksSecret() throws Exception {
        OAuthClientCredentials client = ServiceKey.fromJsonNode(key()).uaa();
        String json = io.calmsdk.core.internal.json.Json.mapper().writeValueAsString(client);
        assertThat(json).contains("\"clientsecret\":\"***\"", "\"clientid\":\"sb-calm-api!b1234|calm-api!b5678\"");
        OAuthClientCredentials back = io.calmsdk.core.internal.json.Json.mapper()
                .readValue(uaa(key()).toString(), OAuthClientCredentials.class);
        assertThat(back).isEqualTo(client);
        assertThatThrownBy(() -> OAuthClientCredentials.fromJsonNode(uaa(with(k -> uaa(k).remove("url")))))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("url is missing");
    }

    @Test
    void equals_comparesModelledContent() {
        ServiceKey a = ServiceKey.fromJsonNode(key());
        ServiceKey b = ServiceKey.fromJsonNode(with(k -> uaa(k).put("unmodelled", "differs")));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(ServiceKey.fromJsonNode(with(k -> uaa(k).put("clientsecret", "other"))));
    }

    @Test
    void cisKey_contractShapeAndProblems() {
        CisKey cis = CisKey.fromJsonNode(Contract.tree("cis-central-key.json"));
        assertThat(cis.accountsServiceUrl()).contains(URI.create("https://accounts-service.cfapps.eu10.hana.ondemand.com"));
        assertThat(cis.grantType()).contains("client_credentials");
        assertThat(cis.otherEndpoints()).containsKeys("provisioning_service_url", "events_service_url");
        assertThat(cis.field("sap.cloud.service")).contains("com.sap.core.commercial.service.central");
        assertThat(cis.uaa().tokenUrl()).hasToString("https://mysub.authentication.eu10.hana.ondemand.com/oauth/token");

        ObjectNode noEnt = Contract.tree("cis-central-key.json").deepCopy();
        ((ObjectNode) noEnt.get("endpoints")).remove("entitlements_service_url");
        assertThatThrownBy(() -> CisKey.fromJsonNode(noEnt)).isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("Cloud Management (cis) service key is invalid: endpoints.entitlements_service_url is missing");
        ObjectNode badAccounts = Contract.tree("cis-central-key.json").deepCopy();
        ((ObjectNode) badAccounts.get("endpoints")).put("accounts_service_url", "http://accounts.example");
        assertThatThrownBy(() -> CisKey.fromJsonNode(badAccounts)).isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("endpoints.accounts_service_url");
        ObjectNode noSecret = Contract.tree("cis-central-key.json").deepCopy();
        uaa(noSecret).remove("clientsecret");
        assertThat(catchThrowableOfType(InvalidServiceKeyException.class, () -> CisKey.fromJsonNode(noSecret)).path())
                .isEqualTo("uaa.clientsecret");
        ObjectNode minimal = Contract.tree("cis-central-key.json").deepCopy();
        ((ObjectNode) minimal.get("endpoints")).remove("accounts_service_url");
        minimal.remove("grant_type");
        CisKey min = CisKey.fromJsonNode(minimal);
        assertThat(min.accountsServiceUrl()).isEmpty();
        assertThat(min.revealJson()).doesNotContain("grant_type");
    }

    @Test
    void serviceManagerKey_variantsAndProblems() {
        ServiceManagerKey sm = ServiceManagerKey.fromJsonNode(Contract.tree("service-manager-key.json"));
        assertThat(sm.smUrl()).hasToString("https://service-manager.cfapps.eu10.hana.ondemand.com");
        assertThat(sm.credentials().tokenUrl()).hasToString("https://mysub.authentication.eu10.hana.ondemand.com/oauth/token");
        assertThat(sm.xsappname()).contains("sm-admin!b1|service-manager!b1");
        assertThat(sm.field("clientid")).contains("sb-sm-admin!b1|service-manager!b1");

        ServiceManagerKey x509 = ServiceManagerKey.fromJsonNode(Contract.tree("service-manager-key-x509.json"));
        assertThat(x509.credentials().isX509()).isTrue();
        assertThat(x509.credentials().url()).isEmpty();
        assertThat(x509.credentials().tokenUrl()).hasToString("https://mysub.authentication.cert.eu10.hana.ondemand.com/oauth/token");

        ObjectNode camelCertUrl = Contract.tree("service-manager-key-x509.json").deepCopy();
        camelCertUrl.set("certUrl", camelCertUrl.remove("certurl"));
        assertThat(ServiceManagerKey.fromJsonNode(camelCertUrl).credentials().certUrl()).isPresent();

        ObjectNode noSmUrl = Contract.tree("service-manager-key.json").deepCopy();
        noSmUrl.remove("sm_url");
        assertThat(catchThrowableOfType(InvalidServiceKeyException.class, () -> ServiceManagerKey.fromJsonNode(noSmUrl)).path())
                .isEqualTo("sm_url");
        ObjectNode noUrl = Contract.tree("service-manager-key.json").deepCopy();
        noUrl.remove("url");
        assertThat(catchThrowableOfType(InvalidServiceKeyException.class, () -> ServiceManagerKey.fromJsonNode(noUrl)).path())
                .isEqualTo("url");
    }
}
