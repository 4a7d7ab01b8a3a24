package io.calmsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.DeprovisioningResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code calm deprovision}: removes what {@code calm provision} created, the binding first, then the
 * instance (only when no other binding remains on it), optionally the entitlement. Idempotent: what is
 * already gone counts as done. Subaccounts are processed one after the other; a failure does not stop
 * the others, and the exit code is that of the first failure.
 */
@Command(name = "deprovision", sortOptions = false,
        description = {"Remove the binding and the instance that provision created (the entitlement too with"
                + " --remove-entitlement).", "Idempotent. Without admin keys: against the in-process simulator"
                + " (which first provisions, so there is something to remove)."})
final class DeprovisionCommand implements Callable<Integer> {

    @ParentCommand
    CalmCommand calm;

    @Mixin
    AdminKeyOptions keys;

    @Mixin
    BindingOptions.Target target;

    @Mixin
    BindingOptions.Fleet fleet;

    @Option(names = "--remove-entitlement",
            description = "Also remove the Cloud ALM API plan from the subaccount (needs a Cloud Management key).")
    boolean removeEntitlement;

    @Override
    public Integer call() {
        Printer printer = calm.printer();
        ObjectNode doc = printer.object();
        ArrayNode results = doc.putArray("results");
        int exitCode = ExitCodes.OK;
        BindingOptions binding = new BindingOptions(target, fleet, null);
        try (ProvisioningSession session = ProvisioningSession.open(keys, binding, calm.context(), printer)) {
            doc.put("mode", ProvisionCommand.mode(session));
            try (ProgressRenderer progress = ProgressRenderer.create(printer, calm.context(), session.requests().size())) {
                CloudAlmProvisioner provisioner = session.provisioner(progress);
                for (BindingRequest request : session.requests()) {
                    if (session.embedded()) {
                        provisioner.ensureBinding(request);
                    }
                    try {
                        DeprovisioningResult result = provisioner.deprovision(request, removeEntitlement);
                        report(printer, request, result, results);
                    } catch (RuntimeException e) {
                        if (session.requests().size() == 1 || ExitCodes.of(e) == ExitCodes.INTERRUPTED) {
                            throw e;
                        }
                        int code = ExitCodes.of(e);
                        exitCode = exitCode == ExitCodes.OK ? code : exitCode;
                        results.addObject().put("subaccountId", request.subaccountId()).put("ok", false)
                                .putObject("error").put("exitCode", code).put("kind", ExitCodes.kind(code))
                                .put("message", Printer.messages(e));
                        printer.line("Subaccount " + request.subaccountId() + ": FAILED " + Printer.messages(e));
                    }
                }
            }
        }
        doc.put("ok", exitCode == ExitCodes.OK);
        printer.document(doc);
        return exitCode;
    }

    private static void report(Printer printer, BindingRequest request, DeprovisioningResult result, ArrayNode results) {
        printer.line("Deprovisioned instance " + request.instanceName().value() + " in subaccount "
                + request.subaccountId() + ":");
        ResultViews.printSteps(printer, result.steps(), true);
        printer.line(result.changed() ? "Removed in " + Durations.human(result.elapsed()) + "."
                : "Nothing to remove: it was already gone.");
        results.addObject().put("subaccountId", request.subaccountId()).put("ok", true)
                .put("changed", result.changed()).put("httpRequests", result.httpRequests())
                .put("elapsedMs", result.elapsed().toMillis()).set("steps", ResultViews.steps(result.steps()));
    }
}
