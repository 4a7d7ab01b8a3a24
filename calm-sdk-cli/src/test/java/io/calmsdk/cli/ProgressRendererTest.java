package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.ProvisioningListener;
import io.calmsdk.btp.ProvisioningStep;
import io.calmsdk.btp.StepResult;
import io.calmsdk.core.exception.ValidationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressRendererTest {

    private static final String A = "11111111-1111-4111-8111-111111111111";
    private static final String B = "22222222-2222-4222-8222-222222222222";

    private final StringWriter err = new StringWriter();
    private final FakeTime time = new FakeTime();

    private ProgressRenderer renderer(Printer.Mode mode, boolean terminal, int total) {
        PrintWriter e = new PrintWriter(err, true);
        CliContext context = new CliContext(new PrintWriter(new StringWriter()), e, Map.of(), time, time, terminal,
                onStop -> { });
        return ProgressRenderer.create(new Printer(mode, context.out(), e), context, total);
    }

    private static BindingRequest request(String subaccount) {
        return BindingRequest.builder().subaccountId(subaccount).instanceName("calm-api").bindingName("calm-api-key")
                .scopes("calm-api.tasks.read").build();
    }

    private static StepResult done(ProvisioningStep step) {
        return StepResult.of(step, StepResult.Outcome.CREATED, "did it", null, Duration.ofMillis(5));
    }

    @Test
    void live_fleet_drawsABarThatFillsAndErasesItOnClose() {
        ProgressRenderer r = renderer(Printer.Mode.HUMAN, true, 2);
        r.onStepStarted(request(A), ProvisioningStep.INSTANCE);
        time.sleep(Duration.ofSeconds(3));
        r.onStepFinished(request(A), done(ProvisioningStep.VERIFY));
        String halfway = err.toString();
        r.onStepStarted(request(B), ProvisioningStep.BINDING);
        r.onStepFailed(request(B), ProvisioningStep.BINDING, new ValidationException("x", "bad", "good"));
        r.close();

        assertThat(halfway).contains("\r\033[2K").contains("instance: started").contains("[----------")
                .contains("[##########----------] 1/2 - 3 s");
        assertThat(err.toString()).contains("[####################] 2/2 - 1 failed").endsWith("\r\033[2K");
    }

    @Test
    void plain_fleet_printsOneLinePerFinishedSubaccount() {
        ProgressRenderer r = renderer(Printer.Mode.HUMAN, false, 2);
        r.onStepStarted(request(A), ProvisioningStep.INSTANCE);
        r.onStepFinished(request(A), done(ProvisioningStep.VERIFY));
        r.onStepStarted(request(B), ProvisioningStep.INSTANCE);
        r.onStepFailed(request(B), ProvisioningStep.INSTANCE, new ValidationException("x", "bad", "good"));
        r.close();

        assertThat(err.toString()).contains("[1/2] " + A + ": done").contains("[2/2] " + B + ": failed")
                .doesNotContain("\r");
    }

    @Test
    void json_everyEventIsOneJsonLine() throws Exception {
        ProgressRenderer r = renderer(Printer.Mode.JSON, false, 1);
        r.onStepStarted(request(A), ProvisioningStep.ENTITLEMENT);
        r.onStepFinished(request(A), done(ProvisioningStep.ENTITLEMENT));
        r.onStepFailed(request(A), ProvisioningStep.INSTANCE, new ValidationException("x", "bad", "good"));
        r.close();

        String[] lines = err.toString().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(Printer.mapper().readTree(lines[0]).get("event").asText()).isEqualTo("step-started");
        assertThat(Printer.mapper().readTree(lines[1]).get("outcome").asText()).isEqualTo("CREATED");
        assertThat(Printer.mapper().readTree(lines[2]).get("message").asText()).contains("x bad; allowed: good");
    }

    @Test
    void progress_json_isAWaitingEvent_plain_isALinePerStateChange() throws Exception {
        ProvisioningListener.Progress first = ProvisioningListener.Progress.of("create service instance calm-api", 2,
                "in progress", Duration.ofSeconds(3));
        ProgressRenderer r = renderer(Printer.Mode.JSON, false, 1);
        r.onStepProgress(request(A), ProvisioningStep.INSTANCE, first);
        r.close();

        var event = Printer.mapper().readTree(err.toString().strip());
        assertThat(event.get("event").asText()).isEqualTo("waiting");
        assertThat(event.get("step").asText()).isEqualTo("instance");
        assertThat(event.get("awaited").asText()).isEqualTo("create service instance calm-api");
        assertThat(event.get("state").asText()).isEqualTo("in progress");
        assertThat(event.get("poll").asInt()).isEqualTo(2);
        assertThat(event.get("elapsedMs").asLong()).isEqualTo(3000);

        err.getBuffer().setLength(0);
        ProgressRenderer plain = renderer(Printer.Mode.HUMAN, false, 1);
        plain.onStepProgress(request(A), ProvisioningStep.INSTANCE, first);
        plain.onStepProgress(request(A), ProvisioningStep.INSTANCE, ProvisioningListener.Progress.of(
                "create service instance calm-api", 3, "in progress", Duration.ofSeconds(4)));
        plain.onStepProgress(request(A), ProvisioningStep.INSTANCE, ProvisioningListener.Progress.of(
                "create service instance calm-api", 4, "succeeded", Duration.ofSeconds(6)));
        plain.close();

        assertThat(err.toString().split("\\R")).containsExactly(
                "waiting for create service instance calm-api: in progress (3 s)",
                "waiting for create service instance calm-api: succeeded (6 s)");
    }

    @Test
    void quiet_showsNothing() {
        ProgressRenderer r = renderer(Printer.Mode.QUIET, true, 1);
        r.onStepStarted(request(A), ProvisioningStep.ENTITLEMENT);
        r.onStepFinished(request(A), done(ProvisioningStep.VERIFY));
        r.close();

        assertThat(err.toString()).isEmpty();
    }
}
