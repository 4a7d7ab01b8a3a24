package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How calm answers wrong command lines: exit code 2, a one-line reason, a hint, never a stack trace. */
class UsageIT {

    @Test
    void unknownFlag_usageErrorWithExitCode2AndNoStackTrace() {
        Cli.Result r = Cli.create().run("provision", "--no-such-flag");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("calm: Unknown option: '--no-such-flag'").contains("Try 'calm provision --help'")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void misspelledCommand_suggestsTheRightOne() {
        Cli.Result r = Cli.create().run("provison");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("provision");
    }

    @Test
    void badDuration_namesTheAcceptedForms() {
        Cli.Result r = Cli.create().run("provision", "--timeout", "soon");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("'soon' is not a duration").contains("90s");
    }

    @Test
    void missingValue_isUsageError() {
        Cli.Result r = Cli.create().run("provision", "--cis-key");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("Missing required parameter");
    }

    @Test
    void usageErrorWithJson_isAJsonDocument() {
        Cli.Result r = Cli.create().run("provision", "--json", "--bogus");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.json().at("/error/kind").asText()).isEqualTo("bad-input");
    }

    @Test
    void malformedScope_isBadInputNamingIt() {
        Cli.Result r = Cli.create().run("provision", "--scopes", "calm-api.tasks read");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("malformed scope");
    }

    @Test
    void noCommand_printsUsageAndExits2() {
        Cli.Result r = Cli.create().run();

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("Usage: calm").contains("provision").contains("Exit codes:");
    }

    @Test
    void help_exits0AndDocumentsEveryFlag() {
        Cli.Result r = Cli.create().run("provision", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--dry-run").contains("--cis-key").contains("--reveal").contains("--json")
                .contains("--subaccounts-file").contains("--key-file");
    }

    @Test
    void version_printsTheBuildVersion() {
        Cli.Result r = Cli.create().run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("calm ").doesNotContain("unknown").doesNotContain("${");
    }

    @Test
    void example_unknownName_isBadInputListingTheExamples() {
        Cli.Result r = Cli.create().run("example", "Nope");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("EnsureBinding").contains("KeyFromEnvironment");
    }

    @Test
    void example_tokenOnly_runsAgainstItsSimulator() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CALM_SERVICE_KEY") == null, "real key set");

        Cli.Result r = Cli.create().run("example", "TokenOnly");

        assertThat(r.exitCode()).as(r.toString()).isZero();
    }
}
