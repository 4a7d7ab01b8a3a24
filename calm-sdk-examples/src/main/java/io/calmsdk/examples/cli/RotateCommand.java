package io.calmsdk.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.RotationResult;
import io.calmsdk.core.exception.ValidationException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code calm rotate}: replaces the binding's credentials. A new binding is created first; the old
 * ones are deleted only after the grace period, so applications using the old key can switch. The new
 * key is written or shown like {@code calm provision} does.
 */
@Command(name = "rotate", sortOptions = false,
        description = {"Rotate the Cloud ALM key: create a new binding, wait the grace period, delete the old one.",
            "Without admin keys: against the in-process simulator (which first provisions)."})
final class RotateCommand implements Callable<Integer> {

    @ParentCommand
    CalmCommand calm;

    @Mixin
    AdminKeyOptions keys;

    @Mixin
    BindingOptions binding;

    @Mixin
    KeyOutputOptions keyOutput;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "How long the old key keeps working after the new one exists (e.g. 15m). Default: ${DEFAULT-VALUE}.")
    Duration grace;

    @Override
    public Integer call() {
        if (binding.fleet()) {
            throw new ValidationException("--subaccounts", "is not supported by rotate",
                    "one --subaccount per rotation, so that each new key can be handed over");
        }
        Printer printer = calm.printer();
        try (ProvisioningSession session = ProvisioningSession.open(keys, binding, calm.context(), printer)) {
            BindingRequest request = session.requests().get(0);
            RotationResult rotation;
            try (ProgressRenderer progress = ProgressRenderer.create(printer, calm.context(), 1)) {
                CloudAlmProvisioner provisioner = session.provisioner(progress);
                if (session.embedded()) {
                    provisioner.ensureBinding(request);
                }
                if (!grace.isZero()) {
                    printer.aside("The old key stays valid for " + Printer.duration(grace) + " after the new one exists.");
                }
                rotation = provisioner.rotateBinding(request, grace);
            }
            printer.line("Rotated binding " + request.bindingName().value() + " of instance "
                    + request.instanceName().value() + " in subaccount " + request.subaccountId() + ":");
            ResultViews.printSteps(printer, rotation.current().steps(), true);
            printer.line("New binding: " + rotation.current().binding().name() + " (id "
                    + rotation.current().binding().id() + "); retired: "
                    + (rotation.retiredBindingIds().isEmpty() ? "none" : String.join(", ", rotation.retiredBindingIds())));
            ObjectNode doc = printer.object().put("ok", true).put("mode", ProvisionCommand.mode(session));
            doc.setAll(ResultViews.result(rotation.current()));
            doc.set("retiredBindingIds", Printer.mapper().valueToTree(rotation.retiredBindingIds()));
            keyOutput.present(rotation.current().serviceKey(), printer, doc);
            printer.document(doc);
        }
        return ExitCodes.OK;
    }
}
