package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.SimulatorState;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 through the command line's real entry point: never the wrong key, never a silent typo, and
 * always saying what happened. Each test failed before the change it names.
 */
@CalmSimulatorTest
class TrustIT {

    @TempDir
    Path dir;

    private BtpSimulator sim;
    private String cis;
    private String sm;

    @BeforeEach
    void keys(BtpSimulator simulator) {
        sim = simulator;
        Path[] files = Cli.adminKeyFiles(sim, dir);
        cis = files[0].toString();
        sm = files[1].toString();
    }

    private List<String> authorities() {
        List<String> names = new ArrayList<>();
        sim.state().instances(sim.defaultSubaccountId()).get(0).parameters().at("/xs-security/authorities")
                .forEach(a -> names.add(a.asText()));
        return names;
    }

    // ------------------------------------------------------------------ 1. a key of another subaccount

    @Test
    void provision_serviceManagerKeyOfAnotherSubaccount_exit2BeforeAnyWriteNamingBoth() {
        String other = sim.createSubaccount("team-b");
        sim.journal().clear();

        Cli.Result r = Cli.create().run("provision", "--sm-key", sm, "--subaccount", other);
        Cli.Result withCis = Cli.create().run("provision", "--cis-key", cis, "--sm-key", sm, "--subaccount", other);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(other).contains("belongs to subaccount " + sim.defaultSubaccountId());
        assertThat(withCis.exitCode()).as(withCis.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sim.journal().writes()).isZero();
        assertThat(sim.state().instances(other)).isEmpty();
        assertThat(sim.state().instances(sim.defaultSubaccountId())).isEmpty();
    }

    @Test
    void provision_fleetWithOneServiceManagerKey_refusedPointingToOneKeyMode() {
        String b = sim.createSubaccount("team-b");
        sim.journal().clear();

        Cli.Result r = Cli.create().run("provision", "--cis-key", cis, "--sm-key", sm, "--subaccounts",
                sim.defaultSubaccountId() + "," + b);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--sm-key belongs to one subaccount, but 2 subaccounts were given")
                .contains("only --cis-key");
        assertThat(sim.journal().size()).isZero();
    }

    // ------------------------------------------------------------------ 2. unknown scopes

    @Test
    void provision_mistypedScope_exit2SuggestingTheKnownOneBeforeAnythingIsSent() {
        sim.journal().clear();

        Cli.Result r = Cli.create().run("provision", "--cis-key", cis, "--sm-key", sm, "--subaccount",
                sim.defaultSubaccountId(), "--scopes", "project.read");
        Cli.Result embedded = Cli.create().run("provision", "--scopes", "projects.read,foo");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--scopes contains the unknown scope 'project.read'")
                .contains("did you mean projects.read").contains("--custom-scope");
        assertThat(sim.journal().size()).isZero();
        assertThat(embedded.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(embedded.err()).contains("'foo'").doesNotContain("No keys given");
    }

    @Test
    void provision_customScope_isAddedAsWritten() {
        Cli.Result r = Cli.create().run("provision", "--cis-key", cis, "--sm-key", sm, "--subaccount",
                sim.defaultSubaccountId(), "--scopes", "projects.read", "--custom-scope", "calm-api.newapi.read");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(authorities()).contains("$XSMASTERAPPNAME.calm-api.newapi.read", "$XSMASTERAPPNAME.calm-api.projects.read");
    }

    // ------------------------------------------------------------------ 3. never remove scopes silently

    @Test
    void provision_fewerScopesOnASharedInstance_keepsTheOthers_removalOnlyWhenAskedAndShownFirst() {
        String[] base = {"provision", "--cis-key", cis, "--sm-key", sm, "--subaccount", sim.defaultSubaccountId()};
        assertThat(Cli.create().run(concat(base, "--scopes", "projects.read,tasks.write")).exitCode()).isZero();

        Cli.Result fewer = Cli.create().run(concat(base, "--scopes", "projects.read"));
        List<String> kept = authorities();
        Cli.Result plan = Cli.create().run(concat(base, "--scopes", "projects.read", "--remove-other-scopes", "--dry-run"));
        Cli.Result exact = Cli.create().run(concat(base, "--scopes", "projects.read", "--remove-other-scopes"));

        assertThat(fewer.exitCode()).isZero();
        assertThat(fewer.out()).contains("instance           unchanged");
        assertThat(kept).contains("$XSMASTERAPPNAME.calm-api.tasks.write");
        assertThat(plan.out()).contains("would update instance").contains("removes authorities [calm-api.tasks.write]");
        assertThat(exact.exitCode()).as(exact.toString()).isZero();
        assertThat(authorities()).containsExactly("$XSMASTERAPPNAME.calm-api.projects.read");
    }

    // ------------------------------------------------------------------ 4. never echo the environment

    @Test
    void token_base64KeyInTheEnvironment_exit2WithoutShowingTheValue() {
        String base64 = Base64.getEncoder().encodeToString(sim.seed().cloudAlmKey("calm-api.projects.read").json()
                .getBytes(StandardCharsets.UTF_8));

        Cli.Result r = Cli.create().env("CALM_SERVICE_KEY", base64).run("token");
        Cli.Result json = Cli.create().env("CALM_SERVICE_KEY", base64).run("token", "--json", "--verbose");
        Cli.Result admin = Cli.create().env("CALM_CIS_KEY", base64.substring(0, 40)).run("provision");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("CALM_SERVICE_KEY holds neither JSON nor the path of a readable file");
        for (Cli.Result each : List.of(r, json, admin)) {
            assertThat(each.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(each.all()).doesNotContain(base64.substring(0, 12));
        }
    }

    // ------------------------------------------------------------------ 7. the plan predicts the run

    @Test
    void provisionDryRun_afterRotate_namesTheBindingTheRealRunReuses() {
        String[] base = {"--cis-key", cis, "--sm-key", sm, "--subaccount", sim.defaultSubaccountId()};
        String[] readOnly = concat(base, "--scopes", "projects.read");
        assertThat(Cli.create().run(concat(new String[] {"provision"}, readOnly)).exitCode()).isZero();
        Cli.Result rotated = Cli.create().run(concat(concat(new String[] {"rotate"}, readOnly), "--grace", "0", "--json"));
        String newBinding = rotated.json().at("/binding/id").asText();

        // More scopes than before: the instance is updated, and the rotated binding stays the key.
        Cli.Result plan = Cli.create().run(concat(concat(new String[] {"provision"}, base), "--dry-run", "--json"));
        Cli.Result real = Cli.create().run(concat(concat(new String[] {"provision"}, base), "--json"));

        assertThat(plan.json().at("/plans/0/steps/2/outcome").asText()).isEqualTo(
                real.json().at("/steps/2/outcome").asText()).isEqualTo("UPDATED");
        assertThat(plan.json().at("/plans/0/steps/3/outcome").asText()).isEqualTo(
                real.json().at("/steps/3/outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(plan.json().at("/plans/0/steps/3/resourceId").asText()).isEqualTo(newBinding);
        assertThat(real.json().at("/binding/id").asText()).isEqualTo(newBinding);
    }

    // ------------------------------------------------------------------ Ctrl+C

    @Test
    void provision_interrupted_exit130SayingHowToContinue() {
        Cli.Result r = Cli.create().interruptWhen(() -> !sim.state().instances(sim.defaultSubaccountId()).isEmpty())
                .terminal(true).run("provision", "--cis-key", cis, "--sm-key", sm, "--subaccount", sim.defaultSubaccountId());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(r.err()).contains("calm: interrupted; run again to continue where it stopped")
                .doesNotContain("\tat ").doesNotContain("caused by");
        assertThat(r.err().substring(r.err().lastIndexOf('\r') + 1)).doesNotContain("|").doesNotContain("instance:");

        Cli.Result again = Cli.create().run("provision", "--cis-key", cis, "--sm-key", sm, "--subaccount",
                sim.defaultSubaccountId());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
    }

    @Test
    void provisionFleet_interrupted_exit130SayingWhatFinishedAndWhatNot() {
        String b = sim.createSubaccount("team-b");
        String c = sim.createSubaccount("team-c");

        Cli.Result r = Cli.create().interruptWhen(() -> !sim.state().instances(b).isEmpty())
                .run("provision", "--cis-key", cis, "--subaccounts", sim.defaultSubaccountId() + "," + b + "," + c,
                        "--concurrency", "1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(r.err()).contains("calm: interrupted; 1 of 3 subaccounts finished (1 succeeded, 0 failed);"
                + " not finished: " + b + ", " + c + "; run again to continue where it stopped");
    }

    // ------------------------------------------------------------------ the demo and the examples

    @Test
    void exampleFirstCall_showsItsResult() {
        Cli.Result r = Cli.create().run("example", "FirstCall");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 project(s) in Cloud ALM at http://127.0.0.1:").contains("  Demo project");
    }

    @Test
    void example_realKeyWithoutSubaccount_exit2NamingTheVariable() {
        Cli.Result r = Cli.create().env("CALM_CIS_KEY", sim.cisCentralKey().json()).run("example", "FirstCall");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("CALM_SUBACCOUNT_ID is not set");
    }

    @Test
    void provisionEmbedded_readOnlyScopes_demoUsesOnlyWhatTheyAllow() {
        Cli.Result r = Cli.create().run("provision", "--scopes", "projects.read");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("skipped creating a project: it needs projects.write").contains("projects:");
        assertThat(r.all()).doesNotContain("HTTP 403");
    }

    // ------------------------------------------------------------------ rotate never breaks consumers

    @Test
    void rotate_default_writesTheNewKeyFirstAndKeepsTheOldBindingFor15Minutes() throws Exception {
        String[] base = {"--cis-key", cis, "--sm-key", sm, "--subaccount", sim.defaultSubaccountId()};
        assertThat(Cli.create().run(concat(new String[] {"provision"}, base)).exitCode()).isZero();
        String old = sim.state().bindings(sim.defaultSubaccountId()).get(0).id();
        Path keyFile = dir.resolve("calm-key.json");
        List<String> duringGrace = new ArrayList<>();

        Cli.Result r = Cli.create().sleeper(d -> {
            if (d.equals(Duration.ofMinutes(15))) {
                duringGrace.add(Files.exists(keyFile) + " " + sim.state().bindings(sim.defaultSubaccountId()).stream()
                        .map(SimulatorState.BindingView::id).anyMatch(old::equals));
            }
        }).run(concat(concat(new String[] {"rotate"}, base), "--key-file", keyFile.toString()));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(duringGrace).containsExactly("true true");
        assertThat(r.out()).contains("The old key keeps working for 15 min");
        assertThat(sim.state().bindings(sim.defaultSubaccountId())).extracting(SimulatorState.BindingView::id)
                .doesNotContain(old).hasSize(1);
        assertThat(ServiceKeys.calm().fromFile(keyFile).uaa().clientId())
                .isEqualTo(sim.state().bindings(sim.defaultSubaccountId()).get(0).credentials().at("/uaa/clientid")
                        .asText());
    }

    // ------------------------------------------------------------------ messages

    @Test
    void messages_nameTheFlagAndTheValue() throws Exception {
        Path list = dir.resolve("subaccounts.txt");
        Files.writeString(list, sim.defaultSubaccountId() + "\n# team b\nteam-b\n");

        assertBadInput(Cli.create().run("provision", "--subaccounts", "abc,def"), "--subaccounts is 'abc', not a subaccount GUID");
        assertBadInput(Cli.create().run("provision", "--subaccounts-file", list.toString()),
                "--subaccounts-file line 3 of " + list + " is 'team-b', not a subaccount GUID");
        assertBadInput(Cli.create().run("provision", "--credential-type", "foo"), "--credential-type is 'foo'");
        assertBadInput(Cli.create().run("provision", "--token-validity", "5"), "--token-validity is 5 seconds");
        assertBadInput(Cli.create().run("provision", "--timeout", "0"), "--timeout is 0 ms: it must be positive");
        assertBadInput(Cli.create().run("provision", "--label", "foo"), "--label is 'foo', not KEY=VALUE");
        assertBadInput(Cli.create().run("call", "GET", "/calm-projects/v1/projects#top"),
                "PATH contains '#', which starts a URL fragment");
    }

    private static void assertBadInput(Cli.Result r, String message) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).as(r.toString()).contains("calm: " + message).doesNotContain("xs-security")
                .doesNotContain("No keys given");
    }

    @Test
    void call_pathWithoutLeadingSlash_isUnderTheApiAsGhApiDoes() {
        Cli.Result r = Cli.create().run("call", "GET", "calm-projects/v1/projects");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("calm-sdk demo").doesNotContain("HTTP 404");
    }

    @Test
    void error_showsTheCauseChainAndTheCorrelationIdOnce() {
        String readOnly = sim.seed().cloudAlmKey("calm-api.projects.read").json();

        Cli.Result r = Cli.create().env("CALM_SERVICE_KEY", readOnly).run("call", "POST", "/calm-projects/v1/projects",
                "--data", "{\"name\":\"x\"}");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.AUTH_FAILURE);
        Matcher id = Pattern.compile("correlation id ([0-9a-f-]{36})").matcher(r.err());
        assertThat(id.find()).as(r.err()).isTrue();
        assertThat(r.err().split(Pattern.quote(id.group(1)), -1)).as(r.err()).hasSize(2);
        assertThat(r.err().split("POST http", -1)).as(r.err()).hasSize(2);
    }

    @Test
    void durations_areHuman() {
        sim.faults().stickNextOperation();
        Cli.Result timedOut = Cli.create().time(new FakeTime()).run("provision", "--cis-key", cis, "--sm-key", sm,
                "--subaccount", sim.defaultSubaccountId(), "--timeout", "90s");
        Cli.Result steps = Cli.create().run("example", "EnsureBinding");

        assertThat(timedOut.exitCode()).as(timedOut.toString()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(timedOut.err()).containsPattern("did not finish within \\d+ min \\d+ s").doesNotContainPattern("PT\\d");
        assertThat(steps.exitCode()).as(steps.toString()).isZero();
        assertThat(steps.out()).containsPattern("binding: CREATED \\(.*\\) in \\d+(\\.\\d)? (ms|s)\\n").doesNotContainPattern("PT\\d");
    }

    // ------------------------------------------------------------------ help

    @Test
    void help_eachCommandShowsItsOwnFlags_exitCodesOnlyAtTheTop() {
        Cli.Result top = Cli.create().run("--help");
        Cli.Result deprovision = Cli.create().run("deprovision", "--help");
        Cli.Result rotate = Cli.create().run("rotate", "--help");
        Cli.Result provision = Cli.create().run("provision", "--help");

        assertThat(top.out().split("Exit codes:", -1)).hasSize(2);
        assertThat(top.out()).contains("call         Call any Cloud ALM API path with a service key and print the JSON"
                + " answer.");
        assertThat(deprovision.out()).doesNotContain("--scope").doesNotContain("--verify")
                .doesNotContain("--credential-type").doesNotContain("Exit codes:").contains("--remove-entitlement");
        assertThat(rotate.out()).doesNotContain("--subaccounts").doesNotContain("--key-dir").contains("--grace")
                .contains("Default: 15m");
        assertThat(provision.out()).doesNotContain("Exit codes:").contains("--custom-scope")
                .contains("--remove-other-scopes");
    }

    @Test
    void simulator_withoutKeysDir_printsAReadyToPasteNextStep() {
        Cli.Result r = Cli.create().run("simulator");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("export CALM_CIS_KEY='{\"").contains("export CALM_SM_KEY='{\"")
                .contains("./calm provision --subaccount ");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
