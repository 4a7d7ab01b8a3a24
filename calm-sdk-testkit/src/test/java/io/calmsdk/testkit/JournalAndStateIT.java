package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The request journal, the state view, and that neither they nor the logs leak credentials. */
@CalmSimulatorTest
class JournalAndStateIT {

    private final BtpSimulator sim;
    private final Flows flows;

    JournalAndStateIT(BtpSimulator sim) {
        this.sim = sim;
        this.flows = new Flows(sim);
    }

    @Test
    void journal_fullProcedure_countsRequestsAndWrites() {
        flows.entitle(sim.defaultSubaccountId());
        String token = flows.smToken();
        String id = flows.createInstance(token, "journal", Flows.calmParameters("journal"));
        flows.createBinding(token, id, "k", null);

        RequestJournal journal = sim.journal();
        assertThat(journal.count("POST", "/v1/service_instances")).isEqualTo(1);
        assertThat(journal.count(SimulatedApi.ENTITLEMENTS, "PUT", "/entitlements/v1/")).isEqualTo(1);
        assertThat(journal.count("GET", "/v1/service_instances/" + id + "/operations/")).isEqualTo(2);
        assertThat(journal.writes()).isEqualTo(3);
        assertThat(journal.writeEntries()).extracting(RequestJournal.Entry::method)
                .containsExactly("PUT", "POST", "POST");
        assertThat(journal.tokenRequests()).isEqualTo(2);
        RequestJournal.Entry create = journal
                .filter(e -> e.method().equals("POST") && e.path().equals("/v1/service_instances")).get(0);
        assertThat(create.status()).isEqualTo(202);
        assertThat(create.api()).isEqualTo(SimulatedApi.SERVICE_MANAGER);
        assertThat(create.requestBody().orElseThrow()).contains("\"name\":\"journal\"");
        assertThat(create.header("Authorization")).contains("Bearer");
        assertThat(create.correlationId()).isNotEmpty();
        assertThat(create.toString()).contains("POST /v1/service_instances -> 202");

        journal.clear();
        assertThat(journal.size()).isZero();
    }

    @Test
    void journal_correlationIdSentByTheClient_isRecordedAndEchoed() {
        String token = flows.smToken();
        RawHttp.Reply reply = flows.http.send(RawHttp.request(flows.smUrl() + "/v1/service_instances")
                .header("Authorization", "Bearer " + token).header("X-Correlation-ID", "corr-42").GET().build());

        assertThat(reply.header("X-Correlation-ID")).contains("corr-42");
        assertThat(sim.journal().last().orElseThrow().correlationId()).isEqualTo("corr-42");
    }

    @Test
    void state_afterProvisioning_showsExactlyOneInstanceWithItsBinding() {
        flows.entitle(sim.defaultSubaccountId());
        String token = flows.smToken();
        String id = flows.createInstance(token, "only", Flows.calmParameters("only", "calm-api.tasks.read"));
        flows.createBinding(token, id, "k", null);

        SimulatorState state = sim.state();

        assertThat(state.entitlements(sim.defaultSubaccountId())).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo("OK"));
        assertThat(state.instances(sim.defaultSubaccountId())).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("only");
            assertThat(i.offeringName()).isEqualTo("SAPCloudALMAPIs");
            assertThat(i.planName()).isEqualTo("standard");
            assertThat(i.ready()).isTrue();
            assertThat(i.labels()).containsEntry("managed-by", List.of("calm-sdk"));
            assertThat(i.parameters().at("/xs-security/authorities/0").asText())
                    .isEqualTo("$XSMASTERAPPNAME.calm-api.tasks.read");
            assertThat(i.json().get("id").asText()).isEqualTo(id);
        });
        assertThat(state.bindingsOf(id)).singleElement().satisfies(b -> assertThat(b.credentials()).isNotNull());
        assertThat(state.subaccounts()).hasSize(1);
        assertThat(state.toString()).contains("1 instances");
    }

    @Test
    void reset_clearsStateJournalAndFaults_butKeepsAdminKeys() {
        String cisKeyBefore = sim.cisCentralKey().json();
        flows.entitle(sim.defaultSubaccountId());
        sim.createSubaccount("temp");
        sim.faults().failNext(5, 500);

        sim.reset();

        assertThat(sim.state().entitlements()).isEmpty();
        assertThat(sim.state().subaccounts()).hasSize(1);
        assertThat(sim.journal().size()).isZero();
        assertThat(sim.cisCentralKey().json()).isEqualTo(cisKeyBefore);
        assertThat(flows.http.get(flows.smUrl() + "/v1/service_instances", flows.smToken()).status()).isEqualTo(200);
    }

    @Test
    void secrets_neverAppearInLogsJournalOrToString() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.calmsdk");
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
        try {
            SimulatedKey cis = sim.cisCentralKey();
            String cisSecret = cis.tree().at("/uaa/clientsecret").asText();
            String cisToken = flows.cisToken();
            flows.entitle(sim.defaultSubaccountId());
            String smSecret = sim.serviceManagerKey().tree().get("clientsecret").asText();
            String smToken = flows.smToken();
            String id = flows.createInstance(smToken, "canary", Flows.calmParameters("canary"));
            JsonNode credentials = flows.createBinding(smToken, id, "k", null).get("credentials");
            String calmSecret = credentials.at("/uaa/clientsecret").asText();
            String calmToken = flows.http.token(credentials);
            flows.http.get(credentials.at("/endpoints/Api").asText() + "/calm-projects/v1/projects", calmToken);
            flows.http.tokenReply(sim.endpoints().xsuaa().toString(), "sb-x", "canary-wrong-secret-1234");

            List<String> canaries = List.of(cisSecret, cisToken, smSecret, smToken, calmSecret, calmToken,
                    "canary-wrong-secret-1234");
            StringBuilder everything = new StringBuilder();
            appender.list.forEach(e -> everything.append(e.getFormattedMessage()).append('\n'));
            for (RequestJournal.Entry e : sim.journal().entries()) {
                everything.append(e).append(e.headers()).append(e.requestBody().orElse("")).append('\n');
            }
            everything.append(cis).append(sim.serviceManagerKey()).append(sim).append(sim.state().toString());

            assertThat(appender.list).isNotEmpty();
            for (String canary : canaries) {
                assertThat(everything.toString()).doesNotContain(canary);
            }
            assertThat(cis.toString()).contains("secrets masked");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    @Test
    void keys_haveTheContractShapes() {
        JsonNode cis = sim.cisCentralKey().tree();
        JsonNode sm = sim.serviceManagerKey().tree();

        assertThat(cis.at("/endpoints/accounts_service_url").asText()).isEqualTo(sim.endpoints().accounts().toString());
        assertThat(cis.at("/endpoints/entitlements_service_url").asText())
                .isEqualTo(sim.endpoints().entitlements().toString());
        assertThat(cis.get("grant_type").asText()).isEqualTo("client_credentials");
        assertThat(cis.at("/uaa/url").asText()).isEqualTo(sim.endpoints().xsuaa().toString());
        assertThat(Map.of("clientid", sm.has("clientid"), "clientsecret", sm.has("clientsecret"), "sm_url",
                sm.has("sm_url"), "url", sm.has("url"), "xsappname", sm.has("xsappname"))).doesNotContainValue(false);
        assertThat(sim.serviceManagerKey().clientId()).isEqualTo(sm.get("clientid").asText());
        assertThat(sim.cisCentralKey().clientId()).isEqualTo(cis.at("/uaa/clientid").asText());
    }
}
