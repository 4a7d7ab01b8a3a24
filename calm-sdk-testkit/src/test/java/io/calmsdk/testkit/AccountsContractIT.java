package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import org.junit.jupiter.api.Test;

/** The Accounts API (one-key mode) against the contract. */
@CalmSimulatorTest
class AccountsContractIT {

    private final BtpSimulator sim;
    private final Flows flows;
    private final String url;

    AccountsContractIT(BtpSimulator sim) {
        this.sim = sim;
        this.flows = new Flows(sim);
        this.url = flows.accountsUrl() + "/accounts/v1/subaccounts/" + sim.defaultSubaccountId()
                + "/serviceManagementBinding";
    }

    @Test
    void serviceManagementBinding_lifecycle_createGetConflictDelete() {
        String token = flows.cisToken();

        RawHttp.Reply created = flows.http.post(url, token, "");
        assertThat(created.status()).isEqualTo(201);
        JsonNode key = created.json();
        for (String field : new String[] {"clientid", "clientsecret", "sm_url", "url", "xsappname"}) {
            assertThat(key.get(field).asText()).as(field).isNotEmpty();
        }
        assertThat(flows.http.post(url, token, "").status()).isEqualTo(409);
        assertThat(flows.http.get(url, token).json().get("clientid").asText()).isEqualTo(key.get("clientid").asText());

        String smToken = flows.http.token(key);
        assertThat(flows.http.get(key.get("sm_url").asText() + "/v1/service_instances", smToken).status())
                .isEqualTo(200);

        assertThat(flows.http.delete(url, token).status()).isEqualTo(204);
        assertThat(flows.http.get(url, token).status()).isEqualTo(404);
        assertThat(flows.http.get(key.get("sm_url").asText() + "/v1/service_instances", smToken).status())
                .as("a deleted key's token is refused").isEqualTo(401);
    }

    @Test
    void serviceManagementBinding_unknownSubaccountOrViewer_isRefused() {
        String token = flows.cisToken();
        String viewer = flows.http.token(sim.cisViewerKey().tree());

        assertThat(flows.http.post(flows.accountsUrl() + "/accounts/v1/subaccounts/nope/serviceManagementBinding",
                token, "").status()).isEqualTo(404);
        assertThat(flows.http.post(url, viewer, "").status()).isEqualTo(403);
    }

    @Test
    void subaccounts_readable() {
        String token = flows.cisToken();
        String other = sim.createSubaccount("Second one");

        JsonNode list = flows.http.get(flows.accountsUrl() + "/accounts/v1/subaccounts", token).json();
        JsonNode one = flows.http.get(flows.accountsUrl() + "/accounts/v1/subaccounts/" + other, token).json();

        assertThat(list.get("value")).hasSize(2);
        assertThat(one.get("displayName").asText()).isEqualTo("Second one");
        assertThat(one.get("subdomain").asText()).startsWith("second-one-");
    }

    @Test
    void subaccounts_carryEverySpecRequiredField_descriptionIncluded() {
        String token = flows.cisToken();
        String other = sim.createSubaccount("Second one");

        JsonNode list = flows.http.get(flows.accountsUrl() + "/accounts/v1/subaccounts", token).json();
        JsonNode one = flows.http.get(flows.accountsUrl() + "/accounts/v1/subaccounts/" + other, token).json();

        // SAP's Accounts OpenAPI spec marks these required; SAP's generated clients reject an object without one.
        for (JsonNode subaccount : new JsonNode[] {one, list.at("/value/0"), list.at("/value/1")}) {
            for (String field : new String[] {"guid", "technicalName", "displayName", "globalAccountGUID",
                "parentGUID", "region", "subdomain", "betaEnabled", "usedForProduction", "description", "state",
                "stateMessage", "createdDate", "modifiedDate"}) {
                assertThat(subaccount.has(field)).as(field).isTrue();
            }
            assertThat(subaccount.get("description").isTextual()).isTrue();
        }
    }
}
