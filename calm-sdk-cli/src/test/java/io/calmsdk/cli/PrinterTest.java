package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The output modes, error reports and the CLI's log lines. */
class PrinterTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Printer printer(Printer.Mode mode) {
        return new Printer(mode, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void human_linesAndValuesOnStdout_documentsNot() {
        Printer p = printer(Printer.Mode.HUMAN);
        p.line("a line");
        p.value("a value");
        p.aside("a status");
        p.document(p.object().put("k", 1));

        assertThat(out.toString()).isEqualTo("a line" + System.lineSeparator() + "a value" + System.lineSeparator());
        assertThat(err.toString()).contains("a status");
    }

    @Test
    void quiet_onlyValues() {
        Printer p = printer(Printer.Mode.QUIET);
        p.line("a line");
        p.value("a value");
        p.warn("careful");
        p.aside("status");

        assertThat(out.toString().strip()).isEqualTo("a value");
        assertThat(err.toString()).isEmpty();
        assertThat(p.showsProgress()).isFalse();
    }

    @Test
    void json_onlyTheDocument_andWarningsAsJsonLines() throws Exception {
        Printer p = printer(Printer.Mode.JSON);
        p.line("a line");
        p.value("a value");
        p.warn("careful");
        p.document(p.object().put("k", 1));

        assertThat(Printer.mapper().readTree(out.toString()).get("k").asInt()).isEqualTo(1);
        assertThat(Printer.mapper().readTree(err.toString()).get("warning").asText()).isEqualTo("careful");
    }

    @Test
    void error_human_oneLineWithCausesAndHint_noStackTrace() {
        printer(Printer.Mode.HUMAN).error(new CalmClientException("outer", new IOException("inner reset")),
                ExitCodes.UNREACHABLE, false);

        assertThat(err.toString()).contains("calm: outer; caused by: inner reset").contains("exit 6")
                .doesNotContain("\tat ");
    }

    @Test
    void error_verbose_addsTheStackTrace() {
        printer(Printer.Mode.HUMAN).error(new ValidationException("f", "is bad", "good"), ExitCodes.BAD_INPUT, true);

        assertThat(err.toString()).contains("\tat ");
    }

    @Test
    void messages_repeatedCauseText_shownOnce() {
        RuntimeException e = new RuntimeException("same text", new RuntimeException("same text"));

        assertThat(Printer.messages(e)).isEqualTo("same text");
    }

    @Test
    void messages_causeRepeatingTheCallWithOrWithoutItsCorrelationId_addsOnlyWhatIsNew() {
        String call = "read entitlements: GET https://h/entitlements/v1/assignments failed with HTTP 404 (11004: not"
                + " found)";
        RuntimeException repeated = new RuntimeException("provisioning failed at step entitlement: " + call
                + " [correlation id 7de0edc8-2e2d-45fc-9b95-6fe4df8d312f, 1 attempt]: check the id",
                new RuntimeException(call + ": check the id"));
        RuntimeException refined = new RuntimeException(call + " [correlation id 7de0edc8-2e2d-45fc-9b95-6fe4df8d312f,"
                + " 1 attempt]: the call needs scope x", new RuntimeException(call
                + " [correlation id 7de0edc8-2e2d-45fc-9b95-6fe4df8d312f, 1 attempt]: the credentials lack an authority"));

        assertThat(Printer.messages(repeated)).isEqualTo(repeated.getMessage());
        assertThat(Printer.messages(refined)).isEqualTo(refined.getMessage()
                + "; caused by: the credentials lack an authority");
    }

    @Test
    void logging_levelsAndJson() throws Exception {
        Logger log = LoggerFactory.getLogger("io.calmsdk.test.Component");
        StringWriter lines = new StringWriter();
        try {
            CliLogging.configure(Level.WARN, false, new PrintWriter(lines, true));
            log.debug("hidden {}", 1);
            log.warn("shown {}", 2);
            CliLogging.configure(Level.DEBUG, true, new PrintWriter(lines, true));
            log.debug("as json {}", 3);
        } finally {
            CliLogging.configure(Level.WARN, false, new PrintWriter(System.err, true));
        }

        String[] printed = lines.toString().split("\\R");
        assertThat(printed).hasSize(2);
        assertThat(printed[0]).isEqualTo("warn: Component: shown 2");
        assertThat(Printer.mapper().readTree(printed[1]).get("message").asText()).isEqualTo("as json 3");
        assertThat(log.isTraceEnabled()).isFalse();
    }
}
