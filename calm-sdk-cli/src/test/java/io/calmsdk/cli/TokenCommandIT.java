package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@CalmSimulatorTest
class TokenCommandIT {

    @TempDir
    Path dir;

    private BtpSimulator sim;
    private String keyJson;
    private String secret;
    private String clientId;

    @BeforeEach
    void key(BtpSimulator simulator) {
        sim = simulator;
        JsonNode key = sim.seed().cloudAlmKey("calm-api.projects.read", "calm-api.tasks.read").tree();
        keyJson = key.toString();
        secret = key.at("/uaa/clientsecret").asText();
        clientId = key.at("/uaa/clientid").asText();
    }

    @Test
    void token_withoutReveal_showsClientScopesAndExpiryButNoToken() {
        Cli.Result r = Cli.create().env("CALM_SERVICE_KEY", keyJson).run("token");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("client id").contains("calm-api.projects.read").contains("calm-api.tasks.read")
                .contains("expires").contains("(in 11 h").contains("*** (--reveal prints it)");
        assertThat(r.all()).doesNotContain("eyJ").doesNotContain(secret);
    }

    @Test
    void token_revealQuiet_printsOnlyAValidToken() {
        Cli.Result r = Cli.create().env("CALM_SERVICE_KEY", keyJson).run("token", "--reveal", "--quiet");

        assertThat(r.exitCode()).isZero();
        String token = r.out().strip();
        assertThat(token).startsWith("eyJ").doesNotContain("\n");
        assertThat(sim.verifyToken(token).get("client_id").asText()).isEqualTo(clientId);
        assertThat(r.all()).doesNotContain(secret);
    }

    @Test
    void token_json_masksTheTokenUnlessRevealed() {
        Cli.Result masked = Cli.create().env("CALM_SERVICE_KEY", keyJson).run("token", "--json");
        Cli.Result revealed = Cli.create().env("CALM_SERVICE_KEY", keyJson).run("--json", "token", "--reveal");

        JsonNode doc = masked.json();
        assertThat(doc.at("/token/token").asText()).isEqualTo("***");
        assertThat(doc.at("/token/scopes").toString()).contains("calm-api.tasks.read");
        assertThat(doc.at("/token/subaccountId").asText()).isEqualTo(sim.defaultSubaccountId());
        assertThat(doc.get("kind").asText()).isEqualTo("calm");
        assertThat(revealed.json().at("/token/token").asText()).startsWith("eyJ");
    }

    @Test
    void token_keyFile_isRead() throws Exception {
        Path file = dir.resolve("calm-key.json");
        Files.writeString(file, keyJson);

        Cli.Result r = Cli.create().run("token", "--key", file.toString(), "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("mode").asText()).isEqualTo("keys");
    }

    @Test
    void token_wrongSecret_exitsWithAuthFailureAndShowsNoSecret() {
        String wrong = keyJson.replace(secret, "CANARY-wrong-secret-7f3a");

        Cli.Result r = Cli.create().env("CALM_SERVICE_KEY", wrong).run("token");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.AUTH_FAILURE);
        assertThat(r.err()).contains("calm: ").contains("401").contains("exit 3");
        assertThat(r.all()).doesNotContain("CANARY-wrong-secret-7f3a").doesNotContain(secret).doesNotContain("\tat ");
    }

    @Test
    void token_wrongSecretJson_namesTheKindOfFailure() {
        String wrong = keyJson.replace(secret, "CANARY-wrong-secret-7f3a");

        Cli.Result r = Cli.create().env("CALM_SERVICE_KEY", wrong).run("token", "--json");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.AUTH_FAILURE);
        assertThat(r.json().at("/error/kind").asText()).isEqualTo("auth-failure");
        assertThat(r.json().at("/error/type").asText()).isEqualTo("TokenAcquisitionException");
    }

    @Test
    void token_cisKindFromEnvironment_usesTheCloudManagementKey() {
        Cli.Result r = Cli.create().env("CALM_CIS_KEY", sim.cisCentralKey().json()).run("token", "--kind", "cis",
                "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().at("/token/clientId").asText()).isEqualTo(sim.cisCentralKey().clientId());
    }

    @Test
    void token_unreachableTokenEndpoint_exitsUnreachable() {
        String dead = keyJson.replaceAll("http://127\\.0\\.0\\.1:\\d+\"", "http://127.0.0.1:9\"");

        Cli.Result r = Cli.create().env("CALM_SERVICE_KEY", dead).run("token");

        assertThat(r.exitCode()).as(r.toString()).isIn(ExitCodes.UNREACHABLE, ExitCodes.TIMEOUT);
    }

    @Test
    void token_withoutKey_usesTheEmbeddedSimulator() {
        Cli.Result r = Cli.create().run("token");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith(EmbeddedSimulator.NOTICE).contains("calm-api.tasks.write");
    }
}
