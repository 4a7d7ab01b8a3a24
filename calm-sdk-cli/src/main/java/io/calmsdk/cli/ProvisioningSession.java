package io.calmsdk.cli;

import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.ProvisioningListener;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceManagerKey;
import io.calmsdk.testkit.BtpSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The admin keys, the requests and the provisioner of one provision, deprovision or rotate run: real
 * keys when given, otherwise the in-process simulator. Requests are built (and so validated) before
 * anything starts, so a bad flag never costs a simulator start or an HTTP call.
 */
final class ProvisioningSession implements AutoCloseable {

    /** The simulator answers at once; polling it at SAP's pace would only make the demo slow. */
    private static final PollingOptions EMBEDDED_POLLING = PollingOptions.builder()
            .initialDelay(Duration.ofMillis(200)).maxInterval(Duration.ofSeconds(1)).build();

    private final EmbeddedSimulator simulator;
    private final CisKey cisKey;
    private final ServiceManagerKey serviceManagerKey;
    private final List<BindingRequest> requests;
    private final CliContext context;
    private CloudAlmProvisioner provisioner;

    private ProvisioningSession(EmbeddedSimulator simulator, CisKey cisKey, ServiceManagerKey serviceManagerKey,
            List<BindingRequest> requests, CliContext context) {
        this.simulator = simulator;
        this.cisKey = cisKey;
        this.serviceManagerKey = serviceManagerKey;
        this.requests = List.copyOf(requests);
        this.context = context;
    }

    /**
     * Reads the keys, builds the requests, and starts the simulator when no admin key is given.
     *
     * @param keys the admin key flags
     * @param binding the request flags
     * @param context environment and streams
     * @param printer where to say that the simulator is used
     * @return the session; close it
     * @throws io.calmsdk.core.exception.ValidationException for a bad flag value
     * @throws io.calmsdk.core.exception.InvalidServiceKeyException for a bad key
     */
    static ProvisioningSession open(AdminKeyOptions keys, BindingOptions binding, CliContext context, Printer printer) {
        AdminKeyLoader loader = new AdminKeyLoader(context.environment());
        Optional<CisKey> cis = loader.cisKey(keys.cisKey);
        Optional<ServiceManagerKey> sm = loader.serviceManagerKey(keys.smKey);
        if (cis.isEmpty() && sm.isEmpty()) {
            List<String> ids = binding.subaccountIds(BtpSimulator.DEFAULT_SUBACCOUNT_ID);
            List<BindingRequest> requests = build(binding, ids, false);
            EmbeddedSimulator sim = EmbeddedSimulator.start(ids);
            printer.line(EmbeddedSimulator.NOTICE);
            return new ProvisioningSession(sim, sim.cisKey(), null, requests, context);
        }
        List<String> ids = binding.subaccountIds(null);
        if (sm.isPresent() && ids.size() > 1) {
            throw new ValidationException("--sm-key", "belongs to one subaccount, but " + ids.size()
                    + " subaccounts were given", "for a fleet only --cis-key (one-key mode: each subaccount's Service"
                    + " Manager credentials come through the Accounts API), or one --subaccount per run with that"
                    + " subaccount's --sm-key");
        }
        List<BindingRequest> requests = build(binding, ids, cis.isEmpty());
        if (cis.isEmpty() && !binding.skipEntitlement()) {
            printer.warn("no Cloud Management key (--cis-key or CALM_CIS_KEY): the entitlement step is skipped,"
                    + " so the plan must already be entitled to the subaccount");
        }
        return new ProvisioningSession(null, cis.orElse(null), sm.orElse(null), requests, context);
    }

    private static List<BindingRequest> build(BindingOptions binding, List<String> ids, boolean withoutEntitlement) {
        List<BindingRequest> requests = new ArrayList<>();
        for (String id : ids) {
            requests.add(binding.request(id, withoutEntitlement));
        }
        return requests;
    }

    /** Whether the run uses the in-process simulator. */
    boolean embedded() {
        return simulator != null;
    }

    /** The simulator, when {@link #embedded()}. */
    EmbeddedSimulator simulator() {
        return simulator;
    }

    List<BindingRequest> requests() {
        return requests;
    }

    /**
     * The provisioner, built on first use with the given listener.
     *
     * @param listener who hears about progress
     * @return the provisioner, closed with the session
     */
    CloudAlmProvisioner provisioner(ProvisioningListener listener) {
        if (provisioner == null) {
            CloudAlmProvisioner.Builder b = CloudAlmProvisioner.builder()
                    .listener(listener)
                    .options(context.clientOptions());
            if (cisKey != null) {
                b.credentials(cisKey);
            }
            if (serviceManagerKey != null) {
                b.credentials(serviceManagerKey);
            }
            if (simulator != null) {
                b.options(context.clientOptions().toBuilder().polling(EMBEDDED_POLLING).build());
                for (BindingRequest r : requests) {
                    b.credentials(r.subaccountId(), simulator.serviceManagerKey(r.subaccountId()));
                }
            }
            provisioner = b.build();
        }
        return provisioner;
    }

    @Override
    public void close() {
        try {
            if (provisioner != null) {
                provisioner.close();
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }
}
