package io.calmsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.btp.StepResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code calm provision} for many subaccounts at once through
 * {@link io.calmsdk.btp.CloudAlmProvisioner#ensureBindings}: a progress bar while it runs, then one
 * row per subaccount. One failure never stops the others; the exit code is that of the first failure
 * in the order given (0 when all succeeded).
 */
final class FleetRun {

    private final ProvisioningSession session;
    private final CliContext context;
    private final Printer printer;
    private final KeyOutputOptions keyOutput;
    private final KeyOutputOptions.Dir keyDir;

    FleetRun(ProvisioningSession session, CliContext context, Printer printer, KeyOutputOptions keyOutput,
            KeyOutputOptions.Dir keyDir) {
        this.session = session;
        this.context = context;
        this.printer = printer;
        this.keyOutput = keyOutput;
        this.keyDir = keyDir;
    }

    int run(int concurrency) {
        int total = session.requests().size();
        printer.line("Provisioning " + total + " subaccount" + (total == 1 ? "" : "s") + ", up to " + concurrency
                + " at a time ...");
        Instant started = context.clock().instant();
        List<ProvisioningResult.Outcome> outcomes;
        try (ProgressRenderer progress = ProgressRenderer.create(printer, context, total)) {
            try {
                outcomes = session.provisioner(progress).ensureBindings(session.requests(), concurrency);
            } catch (RuntimeException e) {
                if (ExitCodes.of(e) == ExitCodes.INTERRUPTED) {
                    throw InterruptedRun.after(progress.finishedOf(session.requests().stream()
                            .map(r -> r.subaccountId()).collect(Collectors.toList())), e);
                }
                throw e;
            }
        }
        ObjectNode doc = printer.object().put("mode", ProvisionCommand.mode(session));
        ArrayNode results = doc.putArray("results");
        int failed = 0;
        int exitCode = ExitCodes.OK;
        for (ProvisioningResult.Outcome outcome : outcomes) {
            String subaccount = outcome.request().subaccountId();
            if (outcome.succeeded()) {
                ProvisioningResult result = outcome.result().orElseThrow();
                ObjectNode row = ResultViews.result(result).put("ok", true);
                Path file = keyDir.writeToDir(subaccount, result.serviceKey());
                if (file != null) {
                    row.put("keyFile", file.toString());
                }
                if (keyOutput.reveal) {
                    row.set("serviceKey", ResultViews.key(result.serviceKey(), true));
                }
                results.add(row);
                printer.line(String.format(Locale.ROOT, "  %-36s ok      %s%s", subaccount, changes(result),
                        file == null ? "" : " -> " + file));
                if (keyOutput.reveal) {
                    printer.value(result.serviceKey().revealJson());
                }
            } else {
                RuntimeException failure = outcome.failure().orElseThrow();
                int code = ExitCodes.of(failure);
                if (exitCode == ExitCodes.OK) {
                    exitCode = code;
                }
                failed++;
                ObjectNode row = results.addObject().put("subaccountId", subaccount).put("ok", false);
                row.putObject("error").put("exitCode", code).put("kind", ExitCodes.kind(code))
                        .put("type", failure.getClass().getSimpleName()).put("message", Printer.messages(failure));
                printer.line(String.format(Locale.ROOT, "  %-36s FAILED  %s", subaccount, Printer.messages(failure)));
            }
        }
        Duration elapsed = Duration.between(started, context.clock().instant());
        printer.line((total - failed) + " succeeded, " + failed + " failed, in " + Durations.human(elapsed) + ".");
        doc.put("ok", failed == 0).put("succeeded", total - failed).put("failed", failed)
                .put("elapsedMs", elapsed.toMillis());
        printer.document(doc);
        return exitCode;
    }

    /** What changed, in a few words: "created instance, binding" or "unchanged". */
    private static String changes(ProvisioningResult result) {
        String changed = result.steps().stream().filter(s -> s.outcome().isChange())
                .map(FleetRun::describe).collect(Collectors.joining(", "));
        return changed.isEmpty() ? "unchanged" : changed;
    }

    private static String describe(StepResult s) {
        return s.outcome().name().toLowerCase(Locale.ROOT) + " " + s.step().words();
    }
}
