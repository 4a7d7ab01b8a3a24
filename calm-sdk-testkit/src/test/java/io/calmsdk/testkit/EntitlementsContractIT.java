package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Entitlements and jobs-management APIs against the contract. */
@CalmSimulatorTest
class EntitlementsContractIT {

    private final BtpSimulator sim;
    private final Flows flows;
    private final RawHttp http;
    private final String token;
    private final String ent;
    private final String sub;

    EntitlementsContractIT(BtpSimulator sim) {
        this.sim = sim;
        this.flows = new Flows(sim);
        this.http = flows.http;
        this.token = flows.cisToken();
        this.ent = flows.entitlementsUrl();
        this.sub = sim.defaultSubaccountId();
    }

    private RawHttp.Reply assign(String amountOrEnable) {
        return http.put(ent + "/entitlements/v1/subaccountServicePlans", token, Flows.assignBody(sub, amountOrEnable));
    }

    private RawHttp.Reply assignments() {
        return http.get(ent + "/entitlements/v1/assignments?subaccountGUID=" + sub
                + "&serviceName=SAPCloudALMAPIs&planName=standard", token);
    }

    private static JsonNode info(RawHttp.Reply reply) {
        return reply.json().at("/assignedServices/0/servicePlans/0/assignmentInfo/0");
    }

    @Test
    void assignments_serviceTheGlobalAccountDoesNotOwn_answers204WithoutBody() {
        RawHttp.Reply reply = http.get(ent + "/entitlements/v1/assignments?subaccountGUID=" + sub
                + "&serviceName=unknown-service", token);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void assignments_ownedButNotAssigned_showsQuotaAndNoAssignment() {
        RawHttp.Reply reply = assignments();

        assertThat(reply.status()).isEqualTo(200);
        JsonNode plan = reply.json().at("/entitledServices/0/servicePlans/0");
        assertThat(plan.get("name").asText()).isEqualTo("standard");
        assertThat(plan.get("category").asText()).isEqualTo("SERVICE");
        assertThat(plan.get("amount").asInt()).isEqualTo(10);
        assertThat(plan.get("remainingAmount").asInt()).isEqualTo(10);
        assertThat(plan.get("unlimited").asBoolean()).isFalse();
        assertThat(reply.json().get("assignedServices")).isEmpty();
    }

    @Test
    void offeringAlias_namesTheCloudAlmService_planAliasDoesNot() {
        String body = Flows.assignBody(sub, "\"amount\":1").replace("\"serviceName\":\"SAPCloudALMAPIs\"",
                "\"serviceName\":\"sap-cloud-alm-api\"");
        String planAlias = Flows.assignBody(sub, "\"amount\":1").replace("\"servicePlanName\":\"standard\"",
                "\"servicePlanName\":\"sap-cloud-alm-api\"");

        assertThat(http.put(ent + "/entitlements/v1/subaccountServicePlans", token, planAlias).status())
                .isEqualTo(400);
        assertThat(http.put(ent + "/entitlements/v1/subaccountServicePlans", token, body).status()).isEqualTo(202);
        RawHttp.Reply byAlias = http.get(ent + "/entitlements/v1/assignments?subaccountGUID=" + sub
                + "&serviceName=sap-cloud-alm-api&planName=standard", token);
        assertThat(byAlias.json().at("/assignedServices/0/name").asText()).isEqualTo("SAPCloudALMAPIs");
        assertThat(http.get(ent + "/entitlements/v1/assignments?subaccountGUID=" + sub
                + "&serviceName=SAPCloudALMAPIs&planName=sap-cloud-alm-api", token).status()).isEqualTo(204);
    }

    @Test
    void assign_amount_answers202PlainTextJobAndGoesStartedProcessingOk() {
        RawHttp.Reply put = assign("\"amount\":1");

        assertThat(put.status()).isEqualTo(202);
        assertThat(put.header("Content-Type").orElse("")).startsWith("text/plain");
        String jobId = put.body();
        assertThat(jobId).matches("[0-9a-f-]{36}");
        assertThat(sim.state().entitlements(sub).get(0).state()).isEqualTo("STARTED");

        List<String> states = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            states.add(info(assignments()).get("entityState").asText());
        }
        assertThat(states).containsExactly("PROCESSING", "OK", "OK");
        JsonNode info = info(assignments());
        assertThat(info.get("entityId").asText()).isEqualTo(sub);
        assertThat(info.get("entityType").asText()).isEqualTo("SUBACCOUNT");
        assertThat(info.get("amount").asInt()).isEqualTo(1);
        assertThat(info.get("requestedAmount").asInt()).isEqualTo(1);
        assertThat(assignments().json().at("/entitledServices/0/servicePlans/0/remainingAmount").asInt()).isEqualTo(9);
        assertThat(http.get(ent + "/jobs-management/v1/jobs/" + jobId + "/status", token).json().get("status").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void jobStatus_whileProcessing_isInProgressThenCompleted() {
        String jobId = assign("\"amount\":1").body();

        JsonNode first = http.get(ent + "/jobs-management/v1/jobs/" + jobId + "/status", token).json();
        JsonNode second = http.get(ent + "/jobs-management/v1/jobs/" + jobId + "/status", token).json();

        assertThat(first.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(second.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(http.get(ent + "/jobs-management/v1/jobs/nope/status", token).status()).isEqualTo(404);
        assertThat(http.get(flows.accountsUrl() + "/jobs-management/v1/jobs/" + jobId + "/status", token).status())
                .isEqualTo(200);
    }

    @Test
    void assign_durationOnSimulatorClock_waitsForSimulatedTime() {
        try (BtpSimulator slow = BtpSimulator.builder().entitlementPolls(0)
                .entitlementDuration(Duration.ofMinutes(5)).start()) {
            Flows f = new Flows(slow);
            String t = f.cisToken();
            f.http.put(f.entitlementsUrl() + "/entitlements/v1/subaccountServicePlans", t,
                    Flows.assignBody(slow.defaultSubaccountId(), "\"amount\":1"));
            String url = f.entitlementsUrl() + "/entitlements/v1/assignments?subaccountGUID=" + slow.defaultSubaccountId();

            assertThat(info(f.http.get(url, t)).get("entityState").asText()).isEqualTo("PROCESSING");
            slow.clock().advance(Duration.ofMinutes(5));
            assertThat(info(f.http.get(url, t)).get("entityState").asText()).isEqualTo("OK");
        }
    }

    @Test
    void assign_amountAndEnableTogether_answers400() {
        RawHttp.Reply reply = assign("\"amount\":1,\"enable\":true");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asText()).contains("not both");
        assertThat(reply.json().at("/error/code").isInt()).isTrue();
        assertThat(reply.json().at("/error/correlationID").asText()).isNotEmpty();
        assertThat(reply.json().at("/error/target").asText()).isEqualTo("/entitlements/v1/subaccountServicePlans");
        assertThat(reply.json().at("/error/details/0/message").asText()).isNotEmpty();
    }

    @Test
    void assign_enableForAnAmountPlan_answers400() {
        assertThat(assign("\"enable\":true").json().at("/error/message").asText()).contains("assigned with amount");
    }

    @Test
    void assign_amountForAnEnablePlan_answers400_andEnableWorks() {
        try (BtpSimulator elastic = BtpSimulator.builder()
                .globalAccountPlan(GlobalAccountPlan.unlimited("destination", "lite",
                        GlobalAccountPlan.Category.ELASTIC_SERVICE))
                .start()) {
            Flows f = new Flows(elastic);
            String t = f.cisToken();
            String body = "{\"subaccountServicePlans\":[{\"serviceName\":\"destination\",\"servicePlanName\":\"lite\","
                    + "\"assignmentInfo\":[{\"subaccountGUID\":\"" + elastic.defaultSubaccountId() + "\",%s}]}]}";
            RawHttp.Reply amount = f.http.put(f.entitlementsUrl() + "/entitlements/v1/subaccountServicePlans", t,
                    String.format(body, "\"amount\":1"));
            RawHttp.Reply enable = f.http.put(f.entitlementsUrl() + "/entitlements/v1/subaccountServicePlans", t,
                    String.format(body, "\"enable\":true"));

            assertThat(amount.status()).isEqualTo(400);
            assertThat(amount.json().at("/error/message").asText()).contains("assigned with enable");
            assertThat(enable.status()).isEqualTo(202);
        }
    }

    @Test
    void assign_moreThanTheRemainingQuota_answers400() {
        RawHttp.Reply reply = assign("\"amount\":11");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asText()).contains("Not enough quota").contains("remaining 10");
    }

    @Test
    void assign_globalAccountWithoutThePlan_answers400() {
        try (BtpSimulator empty = BtpSimulator.builder().globalAccountPlans(List.of()).start()) {
            Flows f = new Flows(empty);
            RawHttp.Reply reply = f.http.put(f.entitlementsUrl() + "/entitlements/v1/subaccountServicePlans",
                    f.cisToken(), Flows.assignBody(empty.defaultSubaccountId(), "\"amount\":1"));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/error/message").asText()).contains("not entitled");
        }
    }

    @Test
    void assign_unknownSubaccount_answers404() {
        RawHttp.Reply reply = http.put(ent + "/entitlements/v1/subaccountServicePlans", token,
                Flows.assignBody("00000000-0000-0000-0000-000000000000", "\"amount\":1"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(http.get(ent + "/entitlements/v1/assignments?subaccountGUID=nope", token).status()).isEqualTo(404);
    }

    @Test
    void assign_whileProcessing_answers409() {
        assign("\"amount\":1");

        assertThat(assign("\"amount\":2").status()).isEqualTo(409);
    }

    @Test
    void assign_injectedFailure_endsProcessingFailedAndJobFailed() {
        sim.faults().failNextEntitlement("Entitlement service unavailable");
        String jobId = assign("\"amount\":1").body();

        assignments();
        JsonNode info = info(assignments());
        JsonNode job = http.get(ent + "/jobs-management/v1/jobs/" + jobId + "/status", token).json();

        assertThat(info.get("entityState").asText()).isEqualTo("PROCESSING_FAILED");
        assertThat(info.get("stateMessage").asText()).isEqualTo("Entitlement service unavailable");
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void assign_stuck_staysProcessing() {
        sim.faults().stickNextEntitlement();
        assign("\"amount\":1");

        for (int i = 0; i < 5; i++) {
            assertThat(info(assignments()).get("entityState").asText()).isEqualTo("PROCESSING");
        }
    }

    @Test
    void remove_amountZero_removesTheAssignment_butNotWhileInstancesExist() {
        flows.entitle(sub);
        String smToken = flows.smToken();
        flows.createInstance(smToken, "in-use", "{}");

        assign("\"amount\":0");
        assignments();
        JsonNode blocked = info(assignments());
        assertThat(blocked.get("entityState").asText()).isEqualTo("PROCESSING_FAILED");
        assertThat(blocked.get("stateMessage").asText()).contains("instance");

        String instanceId = sim.state().instances(sub).get(0).id();
        flows.http.delete(flows.smUrl() + "/v1/service_instances/" + instanceId + "?async=false", smToken);
        assign("\"amount\":0");
        assignments();
        assignments();
        assertThat(assignments().json().get("assignedServices")).isEmpty();
        assertThat(sim.state().entitlements(sub)).isEmpty();
    }

    @Test
    void viewerKey_readsButCannotAssign() {
        String viewer = http.token(sim.cisViewerKey().tree());

        assertThat(http.get(ent + "/entitlements/v1/assignments?subaccountGUID=" + sub, viewer).status())
                .isEqualTo(200);
        RawHttp.Reply put = http.put(ent + "/entitlements/v1/subaccountServicePlans", viewer,
                Flows.assignBody(sub, "\"amount\":1"));
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.json().at("/error/message").asText()).contains("central");
    }

    @Test
    void foreignToken_answers401() {
        assertThat(http.get(ent + "/entitlements/v1/assignments", flows.smToken()).status()).isEqualTo(401);
    }

    @Test
    void rateLimited_answers429WithCode11006AndResetHeader() {
        sim.faults().rateLimitNext(1, Duration.ofSeconds(30), RequestMatcher.api(SimulatedApi.ENTITLEMENTS));

        RawHttp.Reply reply = assignments();

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(11006);
        long reset = Long.parseLong(reply.header("X-Ratelimit-Reset").orElseThrow());
        assertThat(reset).isBetween(sim.clock().millis() + 25_000, sim.clock().millis() + 31_000);
        assertThat(assignments().status()).isEqualTo(200);
    }

    @Test
    void errorEnvelope_unwrappedVariant_hasNoErrorWrapper() {
        try (BtpSimulator bare = BtpSimulator.builder().cisErrorsWrapped(false).start()) {
            Flows f = new Flows(bare);
            RawHttp.Reply reply = f.http.put(f.entitlementsUrl() + "/entitlements/v1/subaccountServicePlans",
                    f.cisToken(), "{\"subaccountServicePlans\":[]}");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().has("error")).isFalse();
            assertThat(reply.json().get("code").asInt()).isPositive();
            assertThat(reply.json().get("message").asText()).contains("subaccountServicePlans");
        }
    }
}
