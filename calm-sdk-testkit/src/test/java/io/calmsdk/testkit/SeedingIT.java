package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.SimulatorSeeder.SeededCloudAlm;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pre-seeded state, as a client discovering it through the APIs sees it. */
@CalmSimulatorTest
class SeedingIT {

    private final BtpSimulator sim;
    private final Flows flows;

    SeedingIT(BtpSimulator sim) {
        this.sim = sim;
        this.flows = new Flows(sim);
    }

    @Test
    void autoProvisioned_instanceAndKey_areDiscoverableAndWork() {
        SeededCloudAlm seeded = sim.seed().autoProvisionedCloudAlm(sim.defaultSubaccountId());
        String token = flows.smToken();

        JsonNode instances = flows.http.get(flows.smUrl() + "/v1/service_instances", token).json();
        JsonNode bindings = flows.http.get(flows.smUrl() + "/v1/service_bindings?fieldQuery="
                + RawHttp.enc("service_instance_id eq '" + seeded.instanceId() + "'"), token).json();

        assertThat(instances.get("num_items").asInt()).isEqualTo(1);
        assertThat(instances.at("/items/0/labels").has("managed-by")).isFalse();
        assertThat(bindings.at("/items/0/name").asText()).isEqualTo("ABC_001_12").matches("^[A-Z][A-Z0-9]{2}_[0-9]{3}_[0-9]+$");
        assertThat(sim.state().entitlements(sim.defaultSubaccountId()).get(0).autoAssigned()).isTrue();
        JsonNode assignment = flows.http.get(flows.entitlementsUrl() + "/entitlements/v1/assignments?subaccountGUID="
                + sim.defaultSubaccountId(), flows.cisToken()).json()
                .at("/assignedServices/0/servicePlans/0/assignmentInfo/0");
        assertThat(assignment.get("autoAssigned").asBoolean()).isTrue();
        assertThat(assignment.get("entityState").asText()).isEqualTo("OK");

        JsonNode key = seeded.key().tree();
        String calmToken = flows.http.token(key);
        assertThat(flows.http.get(key.at("/endpoints/Api").asText() + "/calm-tasks/v1/tasks?projectId=p", calmToken)
                .status()).isEqualTo(200);
        assertThat(sim.journal().writes()).isZero();
    }

    @Test
    void cloudAlmInstance_withLabelsInANewSubaccount_isIsolatedFromOtherSubaccounts() {
        String other = sim.createSubaccount("Other");
        sim.seed().cloudAlmInstance(other, "mine", "mine-key", List.of("calm-api.tasks.read"),
                Map.of("managed-by", List.of("calm-sdk")));

        assertThat(sim.state().instances(other)).hasSize(1);
        assertThat(flows.http.get(flows.smUrl() + "/v1/service_instances", flows.smToken()).json()
                .get("num_items").asInt()).as("default subaccount sees nothing").isZero();
        String otherToken = flows.http.token(sim.serviceManagerKey(other).tree());
        assertThat(flows.http.get(flows.smUrl() + "/v1/service_instances", otherToken).json().at("/items/0/name")
                .asText()).isEqualTo("mine");
    }

    @Test
    void cloudAlmKey_apiSpellingVariant_isConfigurable() {
        try (BtpSimulator upper = BtpSimulator.builder().cloudAlmEndpointName("API").start()) {
            JsonNode key = upper.seed().cloudAlmKey("calm-api.projects.read").tree();

            assertThat(key.at("/endpoints/API").asText()).endsWith("/api");
            assertThat(key.at("/endpoints").has("Api")).isFalse();
        }
    }

    @Test
    void seeding_unknownSubaccountOrPlan_isRejected() {
        assertThatThrownBy(() -> sim.seed().cloudAlmEntitlement("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no subaccount");
        assertThatThrownBy(() -> sim.seed().entitlement(sim.defaultSubaccountId(), "x", "y", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not own");
        assertThatThrownBy(() -> sim.cloudAlm().seedTasks("nope", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.serviceManagerKey("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void odataCountVariant_isConfigurable() {
        try (BtpSimulator variant = BtpSimulator.builder().odataCountAnnotation("@odata.count").start()) {
            JsonNode key = variant.seed().cloudAlmKey("calm-api.processhierarchy.read").tree();
            JsonNode page = flows.http.get(key.at("/endpoints/Api").asText()
                    + "/calm-processhierarchy/v1/HierarchyNodes?$count=true&$top=1", flows.http.token(key)).json();

            assertThat(page.get("@odata.count").asInt()).isEqualTo(13);
            assertThat(page.has("@count")).isFalse();
        }
    }
}
