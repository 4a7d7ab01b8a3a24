package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.SimulatorBuilder.ServiceManagerLimits;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Service Manager against the contract: catalog, async instances and bindings, queries, paging, errors. */
@CalmSimulatorTest
class ServiceManagerContractIT {

    private final BtpSimulator sim;
    private final Flows flows;
    private final RawHttp http;
    private String token;
    private String sm;

    ServiceManagerContractIT(BtpSimulator sim) {
        this.sim = sim;
        this.flows = new Flows(sim);
        this.http = flows.http;
    }

    @BeforeEach
    void tokens() {
        token = flows.smToken();
        sm = flows.smUrl();
    }

    private void entitled() {
        flows.entitle(sim.defaultSubaccountId());
    }

    @Test
    void offerings_notEntitled_areInvisibleAndBecomeVisibleWithTheEntitlement() {
        assertThat(http.get(sm + "/v1/service_offerings", token).json().get("num_items").asInt()).isZero();

        entitled();
        JsonNode offerings = http.get(sm + "/v1/service_offerings?fieldQuery="
                + RawHttp.enc("catalog_name eq 'SAPCloudALMAPIs'"), token).json();

        assertThat(offerings.get("num_items").asInt()).isEqualTo(1);
        JsonNode offering = offerings.at("/items/0");
        assertThat(offering.get("catalog_name").asText()).isEqualTo("SAPCloudALMAPIs");
        assertThat(offering.get("instances_retrievable").asBoolean()).isTrue();
        String offeringId = offering.get("id").asText();
        JsonNode plans = http.get(sm + "/v1/service_plans?fieldQuery=" + RawHttp.enc(
                "catalog_name eq 'standard' and service_offering_id eq '" + offeringId + "'"), token).json();
        assertThat(plans.get("num_items").asInt()).isEqualTo(1);
        assertThat(plans.at("/items/0/name").asText()).isEqualTo("standard");
        assertThat(http.get(sm + "/v1/service_plans/" + plans.at("/items/0/id").asText(), token).status())
                .isEqualTo(200);
        assertThat(http.get(sm + "/v1/service_offerings/" + offeringId, token).status()).isEqualTo(200);
    }

    @Test
    void createInstance_async_answers202ThenOperationAndResource() {
        entitled();
        RawHttp.Reply created = http.post(sm + "/v1/service_instances", token,
                Flows.instanceBody("calm-api", Flows.calmParameters("calm-api", "calm-api.projects.read")));

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().isObject() && created.json().isEmpty()).isTrue();
        String location = created.header("Location").orElseThrow();
        assertThat(location).matches("/v1/service_instances/[0-9a-f-]{36}/operations/[0-9a-f-]{36}");
        String id = location.split("/")[3];

        RawHttp.Reply whileCreating = http.get(sm + "/v1/service_instances/" + id, token);
        assertThat(whileCreating.status()).isEqualTo(404);
        assertThat(whileCreating.json().get("error").asText()).isEqualTo("NotFound");

        JsonNode first = http.get(sm + location, token).json();
        assertThat(first.get("state").asText()).isEqualTo("in progress");
        assertThat(first.get("type").asText()).isEqualTo("create");
        assertThat(first.get("resource_id").asText()).isEqualTo(id);
        JsonNode done = flows.awaitOperation(token, location);
        assertThat(done.get("state").asText()).isEqualTo("succeeded");

        JsonNode instance = http.get(sm + "/v1/service_instances/" + id, token).json();
        assertThat(instance.get("name").asText()).isEqualTo("calm-api");
        assertThat(instance.get("ready").asBoolean()).isTrue();
        assertThat(instance.get("usable").asBoolean()).isTrue();
        assertThat(instance.get("platform_id").asText()).isEqualTo("service-manager");
        assertThat(instance.at("/context/subaccount_id").asText()).isEqualTo(sim.defaultSubaccountId());
        assertThat(instance.at("/labels/managed-by/0").asText()).isEqualTo("calm-sdk");
        assertThat(instance.at("/last_operation/state").asText()).isEqualTo("succeeded");
        assertThat(instance.has("service_plan_id") && instance.has("created_at") && instance.has("updated_at"))
                .isTrue();
        assertThat(http.get(sm + "/v1/service_instances/" + id + "/parameters", token).json()
                .at("/xs-security/xsappname").asText()).isEqualTo("calm-api");
    }

    @Test
    void hideCreatingFromLists_instanceBeingCreated_isListedOnlyOnceDoneButStillRefusesItsName() {
        entitled();
        sim.faults().hideCreatingFromLists();
        RawHttp.Reply created = http.post(sm + "/v1/service_instances", token,
                Flows.instanceBody("hidden", Flows.calmParameters("hidden", "calm-api.projects.read")));
        String location = created.header("Location").orElseThrow();

        JsonNode whileCreating = http.get(sm + "/v1/service_instances", token).json();
        RawHttp.Reply again = http.post(sm + "/v1/service_instances", token, Flows.instanceBody("hidden", "{}"));
        flows.awaitOperation(token, location);
        JsonNode done = http.get(sm + "/v1/service_instances", token).json();

        assertThat(whileCreating.get("num_items").asInt()).isZero();
        assertThat(again.status()).isEqualTo(409);
        assertThat(done.get("num_items").asInt()).isEqualTo(1);
        sim.faults().clear();
    }

    @Test
    void createInstance_sync_answers201WithTheReadyResource() {
        entitled();
        RawHttp.Reply created = http.post(sm + "/v1/service_instances?async=false", token,
                Flows.instanceBody("calm-sync", "{}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("ready").asBoolean()).isTrue();
        assertThat(created.header("Location")).isEmpty();
    }

    @Test
    void createInstance_offeringAlias_isAccepted_planAliasIsNot() {
        entitled();
        // One older SAP sample names the offering sap-cloud-alm-api (cf create-service sap-cloud-alm-api standard).
        RawHttp.Reply created = http.post(sm + "/v1/service_instances?async=false", token,
                "{\"name\":\"alias\",\"service_offering_name\":\"sap-cloud-alm-api\","
                        + "\"service_plan_name\":\"standard\"}");
        RawHttp.Reply planAlias = http.post(sm + "/v1/service_instances?async=false", token,
                "{\"name\":\"plan-alias\",\"service_offering_name\":\"SAPCloudALMAPIs\","
                        + "\"service_plan_name\":\"sap-cloud-alm-api\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(planAlias.status()).isEqualTo(400);
    }

    @Test
    void createInstance_duplicateName_answers409Conflict() {
        entitled();
        sim.seed().entitlement(sim.defaultSubaccountId(), "SAPCloudALMAPIs", "standard", 3);
        flows.createInstance(token, "twice", "{}");

        RawHttp.Reply again = http.post(sm + "/v1/service_instances", token, Flows.instanceBody("twice", "{}"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("Conflict");
        assertThat(again.json().get("description").asText()).contains("twice");
    }

    @Test
    void createInstance_notEntitled_answers400NamingTheEntitlement() {
        RawHttp.Reply reply = http.post(sm + "/v1/service_instances", token, Flows.instanceBody("x", "{}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("description").asText()).contains("entitlement");
    }

    @Test
    void createInstance_quotaUsedUp_answers400() {
        entitled();
        flows.createInstance(token, "one", "{}");

        RawHttp.Reply second = http.post(sm + "/v1/service_instances", token, Flows.instanceBody("two", "{}"));

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("description").asText()).contains("Quota exceeded");
    }

    @Test
    void createInstance_invalidNameOrBody_answers400() {
        entitled();
        assertThat(http.post(sm + "/v1/service_instances", token, Flows.instanceBody("has space", "{}")).status())
                .isEqualTo(400);
        assertThat(http.post(sm + "/v1/service_instances", token, "not json").json().get("error").asText())
                .isEqualTo("BadRequest");
        assertThat(http.post(sm + "/v1/service_instances", token, "{\"name\":\"n\"}").json().get("description")
                .asText()).contains("service_plan_id");
    }

    @Test
    void createInstance_xsappnameWithDot_failsTheOperationWithABrokerError() {
        entitled();
        RawHttp.Reply created = http.post(sm + "/v1/service_instances", token,
                Flows.instanceBody("dotted", Flows.calmParameters("my.app")));
        JsonNode op = flows.awaitOperation(token, created.header("Location").orElseThrow());

        assertThat(op.get("state").asText()).isEqualTo("failed");
        assertThat(op.at("/errors/0/error").asText()).isEqualTo("BrokerError");
        assertThat(op.at("/errors/0/description").asText()).contains("xsappname");
        JsonNode instance = http.get(sm + "/v1/service_instances/" + op.get("resource_id").asText(), token).json();
        assertThat(instance.get("ready").asBoolean()).isFalse();
    }

    @Test
    void createInstance_syncInstanceSecret_answers400BrokerError() {
        entitled();
        RawHttp.Reply reply = http.post(sm + "/v1/service_instances?async=false", token, Flows.instanceBody("s",
                "{\"xs-security\":{\"xsappname\":\"s\",\"oauth2-configuration\":{\"credential-types\":"
                        + "[\"instance-secret\"]}}}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("BrokerError");
        assertThat(reply.json().get("broker_error").asText()).isEqualTo("BadRequest");
        assertThat(reply.json().get("description").asText()).contains("instance-secret");
        assertThat(sim.state().instances()).isEmpty();
    }

    @Test
    void updateInstance_whileAnOperationRuns_answers422ConcurrentOperation() {
        entitled();
        RawHttp.Reply created = http.post(sm + "/v1/service_instances", token, Flows.instanceBody("busy", "{}"));
        String id = created.header("Location").orElseThrow().split("/")[3];
        sim.completePendingOperations();
        RawHttp.Reply update = http.patch(sm + "/v1/service_instances/" + id, token, "{\"parameters\":{}}");
        assertThat(update.status()).isEqualTo(202);

        RawHttp.Reply second = http.patch(sm + "/v1/service_instances/" + id, token, "{\"parameters\":{}}");
        RawHttp.Reply delete = http.delete(sm + "/v1/service_instances/" + id, token);

        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().get("error").asText()).isEqualTo("ConcurrentOperation");
        assertThat(delete.status()).isEqualTo(422);
    }

    @Test
    void updateInstance_labelsAndParameters_applyWhenTheOperationSucceeds() {
        entitled();
        String id = flows.createInstance(token, "upd", Flows.calmParameters("upd", "calm-api.tasks.read"));

        RawHttp.Reply update = http.patch(sm + "/v1/service_instances/" + id, token,
                "{\"parameters\":" + Flows.calmParameters("upd", "calm-api.tasks.read", "calm-api.tasks.write")
                        + ",\"labels\":[{\"op\":\"add\",\"key\":\"env\",\"values\":[\"dev\"]},"
                        + "{\"op\":\"remove\",\"key\":\"managed-by\"}]}");
        assertThat(update.status()).isEqualTo(202);
        JsonNode before = http.get(sm + "/v1/service_instances/" + id + "/parameters", token).json();
        assertThat(before.at("/xs-security/authorities")).hasSize(1);

        JsonNode op = flows.awaitOperation(token, update.header("Location").orElseThrow());
        assertThat(op.get("type").asText()).isEqualTo("update");
        assertThat(op.get("state").asText()).isEqualTo("succeeded");
        JsonNode instance = http.get(sm + "/v1/service_instances/" + id, token).json();
        assertThat(instance.at("/labels/env/0").asText()).isEqualTo("dev");
        assertThat(instance.at("/labels").has("managed-by")).isFalse();
        assertThat(http.get(sm + "/v1/service_instances/" + id + "/parameters", token).json()
                .at("/xs-security/authorities")).hasSize(2);
    }

    @Test
    void updateInstance_changingXsappname_failsTheOperation() {
        entitled();
        String id = flows.createInstance(token, "stable", Flows.calmParameters("stable"));

        RawHttp.Reply update = http.patch(sm + "/v1/service_instances/" + id, token,
                "{\"parameters\":" + Flows.calmParameters("changed") + "}");
        JsonNode op = flows.awaitOperation(token, update.header("Location").orElseThrow());

        assertThat(op.get("state").asText()).isEqualTo("failed");
        assertThat(op.at("/errors/0/description").asText()).contains("cannot be changed");
        assertThat(http.get(sm + "/v1/service_instances/" + id + "/parameters", token).json()
                .at("/xs-security/xsappname").asText()).isEqualTo("stable");
    }

    @Test
    void updateInstance_labelOperations_allFourAsSapServiceManagerDefinesThem() {
        entitled();
        String id = http.post(sm + "/v1/service_instances?async=false", token, "{\"name\":\"labels\","
                + "\"service_offering_name\":\"SAPCloudALMAPIs\",\"service_plan_name\":\"standard\","
                + "\"labels\":{\"a\":[\"1\",\"2\"],\"b\":[\"x\"],\"c\":[\"y\"],\"e\":[\"e1\",\"e2\"]}}")
                .json().get("id").asText();

        RawHttp.Reply updated = http.patch(sm + "/v1/service_instances/" + id + "?async=false", token,
                "{\"labels\":["
                        + "{\"op\":\"add\",\"key\":\"new\",\"values\":[\"n1\"]},"
                        + "{\"op\":\"add\",\"key\":\"a\",\"values\":[\"3\",\"1\"]},"
                        + "{\"op\":\"add_values\",\"key\":\"b\",\"values\":[\"x\",\"x2\"]},"
                        + "{\"op\":\"add_values\",\"key\":\"d\",\"values\":[\"d1\"]},"
                        + "{\"op\":\"remove_values\",\"key\":\"a\",\"values\":[\"1\"]},"
                        + "{\"op\":\"remove\",\"key\":\"c\"},"
                        + "{\"op\":\"remove\",\"key\":\"b\",\"values\":[\"x\"]},"
                        + "{\"op\":\"remove_values\",\"key\":\"e\",\"values\":[\"e1\",\"e2\"]}]}");

        assertThat(updated.status()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ObjectNode labels = (com.fasterxml.jackson.databind.node.ObjectNode)
                http.get(sm + "/v1/service_instances/" + id, token).json().get("labels");
        labels.remove("subaccount_id"); // the platform's own label
        assertThat(RawHttp.JSON.convertValue(labels, java.util.Map.class)).isEqualTo(java.util.Map.of(
                "a", List.of("2", "3"), "b", List.of("x2"), "d", List.of("d1"), "new", List.of("n1")));
    }

    @Test
    void updateInstance_labelOperationsWithoutRequiredParts_answer400() {
        entitled();
        String id = flows.createInstance(token, "lbl400", "{}");
        String url = sm + "/v1/service_instances/" + id + "?async=false";

        for (String op : new String[] {
            "{\"op\":\"remove_values\",\"key\":\"managed-by\"}",
            "{\"op\":\"add_values\",\"key\":\"k\",\"values\":[]}",
            "{\"op\":\"add\",\"key\":\"k\"}",
            "{\"op\":\"replace\",\"key\":\"k\",\"values\":[\"v\"]}",
            "{\"op\":\"add\",\"values\":[\"v\"]}",
            "{\"key\":\"k\",\"values\":[\"v\"]}"}) {
            assertThat(http.patch(url, token, "{\"labels\":[" + op + "]}").status()).as(op).isEqualTo(400);
        }
        assertThat(http.get(sm + "/v1/service_instances/" + id, token).json().at("/labels/managed-by/0").asText())
                .isEqualTo("calm-sdk");
    }

    @Test
    void updateInstance_labelsAsMap_answers400() {
        entitled();
        String id = flows.createInstance(token, "lbl", "{}");

        RawHttp.Reply reply = http.patch(sm + "/v1/service_instances/" + id, token, "{\"labels\":{\"a\":[\"b\"]}}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void deleteInstance_withBindings_answers409_thenDeletesAfterTheBindingIsGone() {
        entitled();
        String id = flows.createInstance(token, "del", Flows.calmParameters("del"));
        JsonNode binding = flows.createBinding(token, id, "key", null);

        RawHttp.Reply refused = http.delete(sm + "/v1/service_instances/" + id, token);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("Conflict");

        RawHttp.Reply unbind = http.delete(sm + "/v1/service_bindings/" + binding.get("id").asText(), token);
        assertThat(unbind.status()).isEqualTo(202);
        assertThat(flows.awaitOperation(token, unbind.header("Location").orElseThrow()).get("state").asText())
                .isEqualTo("succeeded");
        RawHttp.Reply delete = http.delete(sm + "/v1/service_instances/" + id, token);
        assertThat(delete.status()).isEqualTo(202);
        JsonNode op = flows.awaitOperation(token, delete.header("Location").orElseThrow());

        assertThat(op.get("type").asText()).isEqualTo("delete");
        assertThat(op.get("state").asText()).isEqualTo("succeeded");
        assertThat(http.get(sm + "/v1/service_instances/" + id, token).status()).isEqualTo(404);
        assertThat(sim.state().instances()).isEmpty();
    }

    @Test
    void binding_credentials_areAWorkingCloudAlmKeyWithTheInstancesScopes() {
        entitled();
        String id = flows.createInstance(token, "scoped", Flows.calmParameters("scoped", "calm-api.projects.read"));
        JsonNode credentials = flows.createBinding(token, id, "key-1", null).get("credentials");

        assertThat(credentials.at("/endpoints/Api").asText()).endsWith("/api")
                .isEqualTo(sim.endpoints().cloudAlmApi().toString());
        JsonNode uaa = credentials.get("uaa");
        assertThat(uaa.get("clientid").asText()).startsWith("sb-scoped!b").endsWith("|calm-api!b1234");
        assertThat(uaa.get("credential-type").asText()).isEqualTo("binding-secret");
        assertThat(uaa.get("identityzone").asText()).isEqualTo("calm-sim-subaccount");
        assertThat(uaa.get("xsappname").asText()).contains("|calm-api!b1234");
        assertThat(uaa.get("url").asText()).isEqualTo(sim.endpoints().xsuaa().toString());

        String calmToken = http.token(credentials);
        assertThat(sim.verifyToken(calmToken).get("scope").toString())
                .contains("calm-api!b1234.calm-api.projects.read").doesNotContain("tasks");

        RawHttp.Reply update = http.patch(sm + "/v1/service_instances/" + id, token, "{\"parameters\":"
                + Flows.calmParameters("scoped", "calm-api.projects.read", "calm-api.tasks.write") + "}");
        flows.awaitOperation(token, update.header("Location").orElseThrow());
        assertThat(sim.verifyToken(http.token(credentials)).get("scope").toString())
                .contains("calm-api!b1234.calm-api.tasks.write");
    }

    @Test
    void binding_asyncCreate_hidesTheBindingUntilDoneAndThenShowsCredentials() {
        entitled();
        String id = flows.createInstance(token, "b", Flows.calmParameters("b"));
        RawHttp.Reply created = http.post(sm + "/v1/service_bindings", token,
                "{\"name\":\"k\",\"service_instance_id\":\"" + id + "\",\"labels\":{\"l\":[\"v\"]}}");
        assertThat(created.status()).isEqualTo(202);
        String location = created.header("Location").orElseThrow();
        assertThat(location).startsWith("/v1/service_bindings/");
        String bindingId = location.split("/")[3];

        assertThat(http.get(sm + "/v1/service_bindings/" + bindingId, token).status()).isEqualTo(404);
        flows.awaitOperation(token, location);
        JsonNode binding = http.get(sm + "/v1/service_bindings/" + bindingId, token).json();

        assertThat(binding.get("service_instance_id").asText()).isEqualTo(id);
        assertThat(binding.get("ready").asBoolean()).isTrue();
        assertThat(binding.at("/credentials/uaa/clientsecret").asText()).isNotEmpty();
        assertThat(binding.at("/labels/l/0").asText()).isEqualTo("v");
        JsonNode list = http.get(sm + "/v1/service_bindings?fieldQuery="
                + RawHttp.enc("service_instance_id eq '" + id + "'"), token).json();
        assertThat(list.get("num_items").asInt()).isEqualTo(1);
    }

    @Test
    void binding_duplicateNameOnTheInstance_answers409() {
        entitled();
        String id = flows.createInstance(token, "dup", "{}");
        flows.createBinding(token, id, "same", null);

        RawHttp.Reply again = http.post(sm + "/v1/service_bindings", token,
                "{\"name\":\"same\",\"service_instance_id\":\"" + id + "\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(http.post(sm + "/v1/service_bindings", token,
                "{\"name\":\"x\",\"service_instance_id\":\"nope\"}").status()).isEqualTo(404);
    }

    @Test
    void list_manyInstances_pagesWithTokenAndMaxItems() {
        sim.seed().entitlement(sim.defaultSubaccountId(), "SAPCloudALMAPIs", "standard", 12);
        for (int i = 0; i < 12; i++) {
            assertThat(http.post(sm + "/v1/service_instances?async=false", token,
                    Flows.instanceBody("inst-" + i, "{}")).status()).isEqualTo(201);
        }

        List<Integer> pageSizes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String url = sm + "/v1/service_instances";
        JsonNode page = http.get(url, token).json();
        while (true) {
            assertThat(page.get("num_items").asInt()).isEqualTo(12);
            pageSizes.add(page.get("items").size());
            page.get("items").forEach(i -> names.add(i.get("name").asText()));
            if (!page.has("token")) {
                break;
            }
            page = http.get(url + "?token=" + RawHttp.enc(page.get("token").asText()), token).json();
        }
        assertThat(pageSizes).containsExactly(5, 5, 2);
        assertThat(names).hasSize(12);

        JsonNode four = http.get(url + "?max_items=4", token).json();
        assertThat(four.get("items")).hasSize(4);
        JsonNode countOnly = http.get(url + "?max_items=0", token).json();
        assertThat(countOnly.get("items")).isEmpty();
        assertThat(countOnly.get("num_items").asInt()).isEqualTo(12);
        assertThat(countOnly.has("token")).isFalse();
        assertThat(http.get(url + "?token=garbage", token).status()).isEqualTo(400);
        assertThat(http.get(url + "?max_items=9999", token).status()).isEqualTo(400);
    }

    @Test
    void list_fieldAndLabelQueries_filterAndRejectBadSyntax() {
        sim.seed().entitlement(sim.defaultSubaccountId(), "SAPCloudALMAPIs", "standard", 3);
        http.post(sm + "/v1/service_instances?async=false", token,
                "{\"name\":\"labelled\",\"service_offering_name\":\"SAPCloudALMAPIs\",\"service_plan_name\":\"standard\","
                        + "\"labels\":{\"owner\":[\"o'neil\"]}}");
        http.post(sm + "/v1/service_instances?async=false", token,
                "{\"name\":\"plain\",\"service_offering_name\":\"SAPCloudALMAPIs\",\"service_plan_name\":\"standard\"}");

        JsonNode byName = http.get(sm + "/v1/service_instances?fieldQuery=" + RawHttp.enc("name eq 'plain'"), token)
                .json();
        JsonNode byLabel = http.get(sm + "/v1/service_instances?labelQuery="
                + RawHttp.enc("owner eq 'o''neil'"), token).json();
        JsonNode byIn = http.get(sm + "/v1/service_instances?fieldQuery=" + RawHttp.enc("name in ('plain','x')"),
                token).json();
        RawHttp.Reply bad = http.get(sm + "/v1/service_instances?fieldQuery=" + RawHttp.enc("name eq 'oops"), token);

        assertThat(byName.get("num_items").asInt()).isEqualTo(1);
        assertThat(byLabel.get("num_items").asInt()).isEqualTo(1);
        assertThat(byLabel.at("/items/0/name").asText()).isEqualTo("labelled");
        assertThat(byIn.at("/items/0/name").asText()).isEqualTo("plain");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isEqualTo("InvalidFieldQuery");
    }

    @Test
    void operations_injectedFailureAndStuckOperation_areReported() {
        entitled();
        sim.seed().entitlement(sim.defaultSubaccountId(), "SAPCloudALMAPIs", "standard", 3);
        sim.faults().failNextOperation(OperationKind.INSTANCE_CREATE, "broker exploded");
        RawHttp.Reply failing = http.post(sm + "/v1/service_instances", token, Flows.instanceBody("f", "{}"));
        JsonNode failed = flows.awaitOperation(token, failing.header("Location").orElseThrow());
        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(failed.at("/errors/0/description").asText()).isEqualTo("broker exploded");

        sim.faults().stickNextOperation();
        RawHttp.Reply stuck = http.post(sm + "/v1/service_instances", token, Flows.instanceBody("s", "{}"));
        String location = stuck.header("Location").orElseThrow();
        for (int i = 0; i < 10; i++) {
            assertThat(http.get(sm + location, token).json().get("state").asText()).isEqualTo("in progress");
        }
        sim.clock().advance(Duration.ofDays(1));
        sim.completePendingOperations();
        assertThat(http.get(sm + location, token).status()).as("the old token expired a day ago").isEqualTo(401);
        assertThat(http.get(sm + location, flows.smToken()).json().get("state").asText()).isEqualTo("in progress");
    }

    @Test
    void operation_ofAnotherResource_answers404() {
        entitled();
        RawHttp.Reply created = http.post(sm + "/v1/service_instances", token, Flows.instanceBody("o", "{}"));
        String opId = created.header("Location").orElseThrow().split("/")[5];

        assertThat(http.get(sm + "/v1/service_instances/other/operations/" + opId, token).status()).isEqualTo(404);
        assertThat(http.get(sm + "/v1/service_bindings/x/operations/" + opId, token).status()).isEqualTo(404);
    }

    @Test
    void authentication_missingOrForeignToken_answers401() {
        RawHttp.Reply none = http.send(RawHttp.request(sm + "/v1/service_instances").GET().build());
        RawHttp.Reply cis = http.get(sm + "/v1/service_instances", flows.cisToken());

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).isEqualTo("Unauthorized");
        assertThat(cis.status()).isEqualTo(401);
    }

    @Test
    void rateLimit_instanceCreates_answers429WithRetryAfterHttpDate() {
        try (BtpSimulator limited = BtpSimulator.builder()
                .serviceManagerLimits(new ServiceManagerLimits(1000, 2, 600, 100)).start()) {
            Flows f = new Flows(limited);
            limited.seed().entitlement(limited.defaultSubaccountId(), "SAPCloudALMAPIs", "standard", 5);
            String t = f.smToken();
            limited.clock().freeze();
            for (int i = 0; i < 2; i++) {
                assertThat(f.http.post(f.smUrl() + "/v1/service_instances", t, Flows.instanceBody("r" + i, "{}"))
                        .status()).isEqualTo(202);
            }

            RawHttp.Reply refused = f.http.post(f.smUrl() + "/v1/service_instances", t, Flows.instanceBody("r2", "{}"));

            assertThat(refused.status()).isEqualTo(429);
            String retryAfter = refused.header("Retry-After").orElseThrow();
            ZonedDateTime at = ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME);
            assertThat(at.toInstant()).isAfter(limited.clock().instant());
            assertThat(f.http.get(f.smUrl() + "/v1/service_instances", t).status()).isEqualTo(200);
            limited.clock().advance(Duration.ofSeconds(61));
            assertThat(f.http.post(f.smUrl() + "/v1/service_instances", t, Flows.instanceBody("r2", "{}")).status())
                    .isEqualTo(202);
        }
    }

    @Test
    void deleteOperationsVanish_finishedDeleteOperation_answers404() {
        try (BtpSimulator vanishing = BtpSimulator.builder().deleteOperationsVanish(true).operationPolls(1).start()) {
            Flows f = new Flows(vanishing);
            f.entitle(vanishing.defaultSubaccountId());
            String t = f.smToken();
            String id = f.createInstance(t, "gone", "{}");
            String location = f.http.delete(f.smUrl() + "/v1/service_instances/" + id, t).header("Location")
                    .orElseThrow();

            assertThat(f.http.get(f.smUrl() + location, t).json().get("state").asText()).isEqualTo("succeeded");
            assertThat(f.http.get(f.smUrl() + location, t).status()).isEqualTo(404);
        }
    }

    @Test
    void planVisibilityDelay_freshEntitlement_showsAfterTheConfiguredReads() {
        try (BtpSimulator delayed = BtpSimulator.builder().planVisibilityReads(2).start()) {
            Flows f = new Flows(delayed);
            f.entitle(delayed.defaultSubaccountId());
            String t = f.smToken();

            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                counts.add(f.http.get(f.smUrl() + "/v1/service_offerings", t).json().get("num_items").asInt());
            }

            assertThat(counts).containsExactly(0, 0, 1);
        }
    }
}
