package io.calmsdk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.ProvisioningListener;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.btp.ProvisioningStep;
import io.calmsdk.btp.RotationResult;
import io.calmsdk.btp.StepResult;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code calm rotate}: replaces the binding's credentials without breaking running consumers. A new
 * binding is created first and its key written or shown at once; the old bindings are deleted only
 * after the grace period (default 15 minutes), during which both keys work and consumers switch.
 */
@Command(name = "rotate", sortOptions = false,
        description = {"Rotate the Cloud ALM key: new binding first, old one deleted after the grace period.",
            "The new key is written (--key-file) or shown as soon as it exists; the old key keeps working for"
                    + " --grace (default 15m), then its binding is deleted. Without admin keys: against the"
                    + " in-process simulator (which first provisions)."})
final class RotateCommand implements Callable<Integer> {

    @ParentCommand
    CalmCommand calm;

    @Mixin
    AdminKeyOptions keys;

    @Mixin
    BindingOptions.Target target;

    @Mixin
    BindingOptions.Shape shape;

    @Mixin
    KeyOutputOptions keyOutput;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
            description = "How long the old key keeps working after the new one exists; 0 deletes it at once."
                    + " Default: ${DEFAULT-VALUE}.")
    Duration grace;

    @Override
    public Integer call() {
        Printer printer = calm.printer();
        ObjectNode doc = printer.object().put("ok", true);
        AtomicReference<ProvisioningResult> handedOver = new AtomicReference<>();
        AtomicReference<RuntimeException> handOverFailed = new AtomicReference<>();
        try (ProvisioningSession session = ProvisioningSession.open(keys, new BindingOptions(target, null, shape),
                calm.context(), printer)) {
            BindingRequest request = session.requests().get(0);
            RotationResult rotation;
            try (ProgressRenderer progress = ProgressRenderer.create(printer, calm.context(), 1)) {
                CloudAlmProvisioner provisioner = session.provisioner(new HandOver(progress, () -> {
                    progress.close();
                    ProvisioningResult rotated = handedOver.get();
                    printer.line("New binding " + rotated.binding().name() + " (id " + rotated.binding().id()
                            + ") is ready; its key:");
                    try {
                        keyOutput.present(rotated.serviceKey(), printer, doc);
                    } catch (RuntimeException e) {
                        // Reported after the rotation; 'calm provision --key-file' fetches the new key again.
                        handOverFailed.set(e);
                    }
                    printer.line("The old key keeps working for " + Durations.human(grace) + "; then its binding is"
                            + " deleted. Switch your applications to the new key now.");
                }, handedOver));
                if (session.embedded()) {
                    provisioner.ensureBinding(request);
                }
                try {
                    rotation = provisioner.rotateBinding(request, grace);
                } catch (RuntimeException e) {
                    if (handedOver.get() != null && ExitCodes.of(e) == ExitCodes.INTERRUPTED) {
                        throw new InterruptedRun("interrupted during the grace period: the new key (binding "
                                + handedOver.get().binding().name() + ") is in place; the old binding(s) were kept and"
                                + " keep working until the next rotate retires them", e);
                    }
                    throw e;
                }
            }
            printer.line("Rotated binding " + request.bindingName().value() + " of instance "
                    + request.instanceName().value() + " in subaccount " + request.subaccountId() + ":");
            ResultViews.printSteps(printer, rotation.current().steps(), true);
            printer.line("New binding: " + rotation.current().binding().name() + " (id "
                    + rotation.current().binding().id() + "); retired: "
                    + (rotation.retiredBindingIds().isEmpty() ? "none" : String.join(", ", rotation.retiredBindingIds())));
            doc.put("mode", ProvisionCommand.mode(session)).put("graceMs", grace.toMillis());
            doc.setAll(ResultViews.result(rotation.current()));
            doc.set("retiredBindingIds", Printer.mapper().valueToTree(rotation.retiredBindingIds()));
            if (handOverFailed.get() != null) {
                throw handOverFailed.get();
            }
            if (handedOver.get() == null) {
                keyOutput.present(rotation.current().serviceKey(), printer, doc);
            }
            printer.document(doc);
        }
        return ExitCodes.OK;
    }

    /** Shows progress, and hands the new key over when the grace period starts. */
    private static final class HandOver implements ProvisioningListener {
        private final ProgressRenderer progress;
        private final Runnable present;
        private final AtomicReference<ProvisioningResult> rotated;

        HandOver(ProgressRenderer progress, Runnable present, AtomicReference<ProvisioningResult> rotated) {
            this.progress = progress;
            this.present = present;
            this.rotated = rotated;
        }

        @Override
        public void onStepStarted(BindingRequest request, ProvisioningStep step) {
            progress.onStepStarted(request, step);
        }

        @Override
        public void onStepProgress(BindingRequest request, ProvisioningStep step, Progress p) {
            progress.onStepProgress(request, step, p);
        }

        @Override
        public void onStepFinished(BindingRequest request, StepResult result) {
            progress.onStepFinished(request, result);
        }

        @Override
        public void onStepFailed(BindingRequest request, ProvisioningStep step, RuntimeException failure) {
            progress.onStepFailed(request, step, failure);
        }

        @Override
        public void onGracePeriodStarted(BindingRequest request, ProvisioningResult result, Duration grace) {
            rotated.set(result);
            present.run();
        }
    }
}
