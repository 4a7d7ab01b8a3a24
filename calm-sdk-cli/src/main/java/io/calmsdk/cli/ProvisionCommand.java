package io.calmsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.ProvisioningPlan;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.core.exception.ValidationException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code calm provision}: SAP's "Enabling SAP Cloud ALM API" procedure in one idempotent command, for
 * one subaccount or a fleet. Without admin keys it tells the whole story against the in-process
 * simulator: entitle, create the instance, bind, fetch a token, then use Cloud ALM as far as the
 * requested scopes allow.
 */
@Command(name = "provision", sortOptions = false,
        description = {"Enable the SAP Cloud ALM API for a subaccount: entitlement, instance, binding, service key.",
            "Idempotent: a second run changes nothing. Without admin keys, runs the whole story against an"
                    + " in-process simulator (entitle, instance, binding, token, then Cloud ALM calls the scopes allow)."})
final class ProvisionCommand implements Callable<Integer> {

    @ParentCommand
    CalmCommand calm;

    @Mixin
    AdminKeyOptions keys;

    @Mixin
    BindingOptions.Target target;

    @Mixin
    BindingOptions.Fleet fleet;

    @Mixin
    BindingOptions.Shape shape;

    @Mixin
    KeyOutputOptions keyOutput;

    @Mixin
    KeyOutputOptions.Dir keyDir;

    @Option(names = "--dry-run", description = "Print what would be done, with reads only; nothing is written.")
    boolean dryRun;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Fleet runs: how many subaccounts are provisioned at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Override
    public Integer call() {
        Printer printer = calm.printer();
        BindingOptions binding = new BindingOptions(target, fleet, shape);
        if (keyOutput.keyFile != null && binding.fleet()) {
            throw new ValidationException("--key-file", "names one file but several subaccounts were given",
                    "--key-dir DIR, which writes one file per subaccount");
        }
        try (ProvisioningSession session = ProvisioningSession.open(keys, binding, calm.context(), printer)) {
            if (dryRun) {
                return plan(session, printer);
            }
            if (binding.fleet()) {
                return new FleetRun(session, calm.context(), printer, keyOutput, keyDir).run(concurrency);
            }
            return single(session, printer);
        }
    }

    private int single(ProvisioningSession session, Printer printer) {
        BindingRequest request = session.requests().get(0);
        printer.line("Provisioning instance " + request.instanceName().value() + " with binding "
                + request.bindingName().value() + " in subaccount " + request.subaccountId() + " ...");
        ProvisioningResult result;
        try (ProgressRenderer progress = ProgressRenderer.create(printer, calm.context(), 1)) {
            result = session.provisioner(progress).ensureBinding(request);
        }
        ResultViews.printSteps(printer, result.steps(), true);
        printer.line(result.changed()
                ? "Done in " + Durations.human(result.elapsed()) + " (" + result.httpRequests() + " HTTP requests, "
                        + result.httpWrites() + " of them writes)."
                : "Nothing to change: everything was already in place (" + result.httpRequests()
                        + " HTTP reads, no writes).");
        ObjectNode doc = printer.object().put("ok", true).put("mode", mode(session));
        doc.setAll(ResultViews.result(result));
        keyOutput.present(result.serviceKey(), printer, doc);
        Path inDir = keyDir.writeToDir(request.subaccountId(), result.serviceKey());
        if (inDir != null) {
            printer.line("Cloud ALM service key written to " + inDir + " (owner-only, 0600).");
            doc.put("keyFile", inDir.toString());
        }
        if (session.embedded()) {
            doc.set("story", DemoStory.run(result.serviceKey(), calm.context(), printer, keyOutput.reveal));
            printer.line("");
            printer.line("That was the in-process simulator. With real admin keys the same command provisions SAP BTP:");
            printer.line("  ./calm provision --cis-key cis-central.json --subaccount <GUID> --key-file calm-key.json");
        }
        printer.document(doc);
        return ExitCodes.OK;
    }

    private int plan(ProvisioningSession session, Printer printer) {
        ObjectNode doc = printer.object().put("ok", true).put("mode", mode(session)).put("dryRun", true);
        ArrayNode plans = doc.putArray("plans");
        boolean anyChange = false;
        try (ProgressRenderer progress = ProgressRenderer.create(printer, calm.context(), session.requests().size())) {
            CloudAlmProvisioner provisioner = session.provisioner(progress);
            for (BindingRequest request : session.requests()) {
                ProvisioningPlan plan = provisioner.plan(request);
                anyChange |= plan.changesNeeded();
                printer.line("Dry run for instance " + request.instanceName().value() + " in subaccount "
                        + request.subaccountId() + " (reads only; nothing is written):");
                ResultViews.printSteps(printer, plan.steps(), false);
                plans.addObject().put("subaccountId", request.subaccountId())
                        .put("instance", request.instanceName().value()).put("binding", request.bindingName().value())
                        .put("changesNeeded", plan.changesNeeded()).put("httpRequests", plan.httpRequests())
                        .set("steps", ResultViews.steps(plan.steps()));
            }
        }
        printer.line(anyChange ? "Run without --dry-run to make these changes." : "Nothing would change.");
        doc.put("changesNeeded", anyChange);
        printer.document(doc);
        return ExitCodes.OK;
    }

    static String mode(ProvisioningSession session) {
        return session.embedded() ? "embedded-simulator" : "keys";
    }
}
