package io.calmsdk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.SimulatorBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code calm simulator}: the calm-sdk-testkit simulator of XSUAA, Entitlements, Accounts, Service
 * Manager and Cloud ALM as a standalone server on loopback, for trying calm (or any client) against
 * something that behaves like SAP BTP. Prints its endpoints and admin keys, and runs until Ctrl+C.
 *
 * <p>The admin keys are printed in full: they are made up by the simulator, work only against it and
 * die with it, and printing them is the point.
 */
@Command(name = "simulator", sortOptions = false,
        description = {"Start the SAP BTP and Cloud ALM simulator on loopback, print its admin keys, run until Ctrl+C.",
            "Its keys are simulator fakes: use them with provision --cis-key/--sm-key from another terminal."})
final class SimulatorCommand implements Callable<Integer> {

    @ParentCommand
    CalmCommand calm;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "First of six consecutive loopback ports; 0 (default) picks free ports.")
    int port;

    @Option(names = "--keys-dir", paramLabel = "DIR",
            description = "Also write cis-key.json and sm-key.json (owner-only) into DIR.")
    Path keysDir;

    @Option(names = "--seed-tasks", paramLabel = "N", defaultValue = "0",
            description = "Create a demo project with N generated tasks.")
    int seedTasks;

    @Option(names = "--operation-polls", paramLabel = "N",
            description = "Polls before an asynchronous operation finishes (simulator default 2).")
    Integer operationPolls;

    @Option(names = "--entitlement-polls", paramLabel = "N",
            description = "Reads before an entitlement is OK (simulator default 2).")
    Integer entitlementPolls;

    @Override
    public Integer call() throws InterruptedException {
        Printer printer = calm.printer();
        SimulatorBuilder builder = BtpSimulator.builder();
        if (port != 0) {
            builder.port(port);
        }
        if (operationPolls != null) {
            builder.operationPolls(operationPolls);
        }
        if (entitlementPolls != null) {
            builder.entitlementPolls(entitlementPolls);
        }
        if (keysDir != null) {
            createDirectory();
        }
        BtpSimulator sim = builder.start();
        try {
            describe(sim, printer);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        try {
            calm.context().stopSignal().await(sim::close);
        } catch (InterruptedException e) {
            // Ctrl+C interrupts the command too: for the simulator that is the way to stop, not a failure.
            Thread.currentThread().interrupt();
        }
        sim.close();
        printer.aside("Simulator stopped.");
        return ExitCodes.OK;
    }

    private void describe(BtpSimulator sim, Printer printer) {
        String project = null;
        if (seedTasks > 0) {
            project = sim.cloudAlm().createProject("Demo project");
            sim.cloudAlm().seedTasks(project, seedTasks);
        }
        BtpSimulator.Endpoints e = sim.endpoints();
        ObjectNode doc = printer.object().put("ok", true);
        doc.putObject("endpoints").put("xsuaa", e.xsuaa().toString()).put("accounts", e.accounts().toString())
                .put("entitlements", e.entitlements().toString()).put("serviceManager", e.serviceManager().toString())
                .put("cloudAlmApi", e.cloudAlmApi().toString());
        doc.put("defaultSubaccountId", sim.defaultSubaccountId());
        ObjectNode keys = doc.putObject("keys");
        keys.set("cis", sim.cisCentralKey().tree());
        keys.set("serviceManager", sim.serviceManagerKey().tree());
        printer.line("calm-sdk simulator of SAP BTP and Cloud ALM, on loopback:");
        printer.line("  XSUAA              " + e.xsuaa());
        printer.line("  Accounts API       " + e.accounts());
        printer.line("  Entitlements API   " + e.entitlements());
        printer.line("  Service Manager    " + e.serviceManager());
        printer.line("  Cloud ALM API      " + e.cloudAlmApi());
        printer.line("Default subaccount:  " + sim.defaultSubaccountId());
        if (project != null) {
            printer.line("Demo project:        " + project + " (" + seedTasks + " tasks)");
            doc.put("demoProjectId", project);
        }
        printer.line("");
        printer.line("Cloud Management (cis) key, plan central (a simulator fake, valid only while this runs):");
        printer.line(sim.cisCentralKey().prettyJson());
        printer.line("");
        printer.line("Service Manager key (subaccount-admin) of the default subaccount (a simulator fake):");
        printer.line(sim.serviceManagerKey().prettyJson());
        if (keysDir != null) {
            Path cis = keysDir.resolve("cis-key.json").toAbsolutePath();
            Path sm = keysDir.resolve("sm-key.json").toAbsolutePath();
            ServiceKeys.write(cis, ServiceKeys.cis().fromJson(sim.cisCentralKey().json()));
            ServiceKeys.write(sm, ServiceKeys.serviceManager().fromJson(sim.serviceManagerKey().json()));
            printer.line("");
            printer.line("Keys written. In another terminal:");
            printer.line("  export CALM_CIS_KEY=" + cis + " CALM_SM_KEY=" + sm);
            printer.line("  ./calm provision --subaccount " + sim.defaultSubaccountId());
            doc.putObject("keyFiles").put("cis", cis.toString()).put("serviceManager", sm.toString());
        } else {
            // The keys' JSON holds no single quote, so it pastes into a shell as it is.
            printer.line("");
            printer.line("Next, in another terminal (or run with --keys-dir DIR to get the keys as files):");
            printer.line("  export CALM_CIS_KEY='" + sim.cisCentralKey().tree() + "'");
            printer.line("  export CALM_SM_KEY='" + sim.serviceManagerKey().tree() + "'");
            printer.line("  ./calm provision --subaccount " + sim.defaultSubaccountId());
        }
        printer.line("");
        printer.line("Press Ctrl+C to stop.");
        printer.document(doc);
    }

    private void createDirectory() {
        try {
            Files.createDirectories(keysDir);
        } catch (java.io.IOException ex) {
            throw new io.calmsdk.core.exception.ValidationException("--keys-dir", "cannot be created (" + keysDir
                    + ": " + ex.getClass().getSimpleName() + ")", "a directory you may write to");
        }
    }
}
