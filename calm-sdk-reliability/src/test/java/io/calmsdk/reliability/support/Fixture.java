package io.calmsdk.reliability.support;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.SimulatorState;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provisioning set-up every suite shares: the simulator's admin keys read as calm-sdk keys, a
 * provisioner on simulated time with short HTTP timeouts, the standard request, and the checks that
 * decide whether a run left the world in a good state.
 */
public final class Fixture {

    /** Instance name of the standard request. */
    public static final String INSTANCE = "calm-api";
    /** Binding name of the standard request. */
    public static final String BINDING = "calm-api-key";
    /**
     * HTTP attempt timeout of the provisioners that meet timeout faults: short, so that such faults cost
     * little real time, yet long enough that a loaded build machine does not time out four attempts in a row.
     */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1_000);

    private final BtpSimulator sim;
    private final SimTime time;

    /**
     * A fixture over a simulator.
     *
     * @param sim the simulator
     */
    public Fixture(BtpSimulator sim) {
        this.sim = sim;
        this.time = SimTime.of(sim.clock());
    }

    /** @return the simulator */
    public BtpSimulator sim() {
        return sim;
    }

    /** @return the simulated time shared by the SDK and the simulator */
    public SimTime time() {
        return time;
    }

    /** @return the Cloud Management key (plan central) */
    public CisKey cisKey() {
        return ServiceKeys.cis().fromJson(sim.cisCentralKey().json());
    }

    /** @return the Service Manager key of the default subaccount */
    public ServiceManagerKey serviceManagerKey() {
        return ServiceKeys.serviceManager().fromJson(sim.serviceManagerKey().json());
    }

    /**
     * A provisioner holding both admin keys, on simulated time, with the default HTTP timeouts.
     *
     * @return a new provisioner (fresh token caches)
     */
    public CloudAlmProvisioner provisioner() {
        return builder().build();
    }

    /** @return a builder prepared like {@link #provisioner()} */
    public CloudAlmProvisioner.Builder builder() {
        return CloudAlmProvisioner.builder()
                .credentials(cisKey())
                .credentials(serviceManagerKey())
                .options(options().build());
    }

    /** @return options with the simulator's clock, which is also the sleeper */
    public ClientOptions.Builder options() {
        return ClientOptions.builder().clock(time).sleeper(time);
    }

    /**
     * A provisioner like {@link #provisioner()} but with the short {@link #ATTEMPT_TIMEOUT}, for runs
     * that meet timeout faults.
     *
     * @return a new provisioner
     */
    public CloudAlmProvisioner impatientProvisioner() {
        return builder().options(options().connectTimeout(Duration.ofSeconds(2)).attemptTimeout(ATTEMPT_TIMEOUT)
                .callTimeout(Duration.ofSeconds(30)).build()).build();
    }

    /** @return the standard request: default subaccount, {@value #INSTANCE}, {@value #BINDING}, projects.read */
    public BindingRequest.Builder request() {
        return BindingRequest.builder()
                .subaccountId(sim.defaultSubaccountId())
                .instanceName(INSTANCE)
                .bindingName(BINDING)
                .scopes(CalmScope.PROJECTS_READ)
                .timeout(Duration.ofMinutes(10));
    }

    /** @return the instances of the default subaccount */
    public List<SimulatorState.InstanceView> instances() {
        return sim.state().instances(sim.defaultSubaccountId());
    }

    /** @return the bindings of the default subaccount */
    public List<SimulatorState.BindingView> bindings() {
        return sim.state().bindings(sim.defaultSubaccountId());
    }

    /**
     * Bindings whose instance no longer exists: what a careless deprovisioning or a lost delete leaves behind.
     *
     * @return the orphans, by id
     */
    public List<String> orphanedBindings() {
        SimulatorState state = sim.state();
        Set<String> instances = state.instances().stream().map(SimulatorState.InstanceView::id).collect(Collectors.toSet());
        return state.bindings().stream().filter(b -> !instances.contains(b.instanceId()))
                .map(SimulatorState.BindingView::id).collect(Collectors.toList());
    }

    /**
     * Proves that a key works end to end: a token from its {@code uaa} and a Cloud ALM call with it.
     *
     * @param key the Cloud ALM service key
     * @return the token, for callers that look at it
     * @throws AssertionError if the Cloud ALM call does not answer
     */
    public AccessToken assertKeyWorks(ServiceKey key) {
        AccessToken token;
        try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.create(key)) {
            token = tokens.token();
        }
        try (CloudAlmClient calm = CloudAlmClient.create(key)) {
            // Reading the first page proves the key's scopes reach Cloud ALM; an exception fails the caller.
            calm.projects().list().stream().limit(1).count();
        }
        return token;
    }
}
