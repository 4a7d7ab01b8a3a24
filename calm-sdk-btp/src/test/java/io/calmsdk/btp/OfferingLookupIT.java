package io.calmsdk.btp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.calmsdk.core.keys.ServiceKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Cloud ALM API offering is found under its technical name {@code SAPCloudALMAPIs} and under the older
 * name one SAP sample gives it, {@code sap-cloud-alm-api} ({@code cf create-service sap-cloud-alm-api
 * standard}); the plan is always {@code standard}.
 */
class OfferingLookupIT {

    private static final String BOTH = "catalog_name in ('SAPCloudALMAPIs','sap-cloud-alm-api')";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private ServiceManagerClient sm;

    @BeforeEach
    void setUp() {
        String base = "http://127.0.0.1:" + wm.getPort();
        wm.stubFor(post("/oauth/token").willReturn(okJson(
                "{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":43199,\"scope\":\"x\"}")));
        // Anything but the query for both names finds nothing.
        wm.stubFor(get(urlPathEqualTo("/v1/service_offerings")).atPriority(10)
                .willReturn(okJson("{\"num_items\":0,\"items\":[]}")));
        wm.stubFor(get(urlPathEqualTo("/v1/service_plans")).atPriority(10)
                .willReturn(okJson("{\"num_items\":0,\"items\":[]}")));
        sm = ServiceManagerClient.builder()
                .credentials(ServiceKeys.serviceManager().fromJson("{\"clientid\":\"sb-admin\",\"clientsecret\":\"s3cr3t\","
                        + "\"sm_url\":\"" + base + "\",\"url\":\"" + base + "\",\"xsappname\":\"sm\"}"))
                .build();
    }

    @AfterEach
    void tearDown() {
        sm.close();
    }

    private static String offering(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"catalog_name\":\"" + name + "\"}";
    }

    private static void plan(String offeringId, String planId) {
        wm.stubFor(get(urlPathEqualTo("/v1/service_plans")).atPriority(1).withQueryParam("fieldQuery",
                        equalTo("service_offering_id eq '" + offeringId + "' and catalog_name in ('standard')"))
                .willReturn(okJson("{\"num_items\":1,\"items\":[{\"id\":\"" + planId + "\",\"name\":\"standard\","
                        + "\"catalog_name\":\"standard\",\"service_offering_id\":\"" + offeringId + "\"}]}")));
    }

    @Test
    void offeringUnderItsOlderName_isFound_withPlanStandard() {
        wm.stubFor(get(urlPathEqualTo("/v1/service_offerings")).atPriority(1).withQueryParam("fieldQuery", equalTo(BOTH))
                .willReturn(okJson("{\"num_items\":1,\"items\":[" + offering("o-7", "sap-cloud-alm-api") + "]}")));
        plan("o-7", "p-7");

        assertThat(OfferingAndPlanStep.lookUp(sm)).hasValueSatisfying(ids -> {
            assertThat(ids.offeringId()).isEqualTo("o-7");
            assertThat(ids.planId()).isEqualTo("p-7");
        });
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v1/service_offerings")));
    }

    @Test
    void bothNames_theTechnicalNameWins() {
        wm.stubFor(get(urlPathEqualTo("/v1/service_offerings")).atPriority(1).withQueryParam("fieldQuery", equalTo(BOTH))
                .willReturn(okJson("{\"num_items\":2,\"items\":[" + offering("o-old", "sap-cloud-alm-api") + ","
                        + offering("o-new", "SAPCloudALMAPIs") + "]}")));
        plan("o-new", "p-new");

        assertThat(OfferingAndPlanStep.lookUp(sm)).hasValueSatisfying(ids -> assertThat(ids.planId()).isEqualTo("p-new"));
    }

    @Test
    void neitherName_isNotFound() {
        assertThat(OfferingAndPlanStep.lookUp(sm)).isEmpty();
    }
}
