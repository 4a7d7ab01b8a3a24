package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.internal.uaa.InvalidTokenException;
import io.calmsdk.testkit.internal.world.Settings;
import io.calmsdk.testkit.internal.world.Subaccounts;
import io.calmsdk.testkit.internal.world.TlsSupport;
import io.calmsdk.testkit.internal.world.World;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A faithful, stateful simulator of the SAP BTP and SAP Cloud ALM APIs calm-sdk talks to: XSUAA, the
 * Cloud Management Entitlements and Accounts APIs, Service Manager, and the Cloud ALM projects, tasks and
 * process hierarchy APIs. Each simulated host listens on its own loopback port; the keys it hands out
 * point at them, so a client needs nothing but a key.
 *
 * <pre>{@code
 * try (BtpSimulator sim = BtpSimulator.start()) {
 *     String cisKey = sim.cisCentralKey().json();
 *     // ... run the client, then:
 *     assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
 *     assertThat(sim.journal().count("POST", "/v1/service_instances")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of clients may call it concurrently. It starts in well under a second and
 * must be closed to free its ports and threads.
 */
public final class BtpSimulator implements AutoCloseable {

    /** Id of the subaccount that always exists unless the builder names another. */
    public static final String DEFAULT_SUBACCOUNT_ID = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";

    private final World world;
    private final SimulatorHosts hosts;
    private final SimulatorKeys keys;
    private final Endpoints endpoints;
    private final RequestJournal journal;
    private final FaultInjector faults;
    private final SimulatorSeeder seeder;
    private final CloudAlmData cloudAlm;
    private final SimulatorTls tls;

    /**
     * Base URLs of the simulated hosts, each on its own loopback port. Clients normally take them from the
     * keys rather than from here; tests use them for raw requests.
     *
     * @param xsuaa XSUAA ({@code uaa.url}); token endpoint {@code /oauth/token}
     * @param accounts Accounts API ({@code endpoints.accounts_service_url})
     * @param entitlements Entitlements API ({@code endpoints.entitlements_service_url})
     * @param serviceManager Service Manager ({@code sm_url})
     * @param cloudAlmApi Cloud ALM API base ending in {@code /api} ({@code endpoints.Api})
     */
    public record Endpoints(URI xsuaa, URI accounts, URI entitlements, URI serviceManager, URI cloudAlmApi) {
    }

    /**
     * Starts a simulator; {@link SimulatorBuilder#start()} has checked the settings.
     *
     * @param settings the settings
     * @param subaccounts id to subdomain of the subaccounts that exist besides the default one
     */
    BtpSimulator(Settings settings, Map<String, String> subaccounts) {
        this.hosts = new SimulatorHosts(settings.workerThreads());
        TlsSupport tlsSupport = new TlsSupport(hosts::startMutualTls);
        this.world = new World(settings, new SimulatorClock(), tlsSupport);
        try {
            subaccounts.forEach((id, subdomain) -> world.subaccounts().add(new Subaccounts.Subaccount(id, subdomain,
                    subdomain, "eu10", world.now(), true)));
            this.endpoints = hosts.start(world);
            this.keys = new SimulatorKeys(world);
            if (settings.mtlsAtStart()) {
                tlsSupport.certUrl();
            }
        } catch (RuntimeException e) {
            hosts.close();
            throw e;
        }
        this.journal = new RequestJournal(world.recorder());
        this.faults = new FaultInjector(world.faults());
        this.seeder = new SimulatorSeeder(world);
        this.cloudAlm = new CloudAlmData(world.calm());
        this.tls = new SimulatorTls(tlsSupport);
    }

    /**
     * Starts a simulator with the defaults: random loopback ports, one subaccount
     * ({@link #DEFAULT_SUBACCOUNT_ID}), a global account owning 10 units of plan {@code standard} of
     * {@code SAPCloudALMAPIs}.
     *
     * @return the running simulator
     */
    public static BtpSimulator start() {
        return builder().start();
    }

    /**
     * A builder for a simulator with non-default settings.
     *
     * @return a new builder
     */
    public static SimulatorBuilder builder() {
        return new SimulatorBuilder();
    }

    /** @return the base URLs of the simulated hosts */
    public Endpoints endpoints() {
        return endpoints;
    }

    /** @return id of the subaccount that always exists */
    public String defaultSubaccountId() {
        return world.settings().defaultSubaccountId();
    }

    /**
     * Creates another subaccount in the global account. It disappears on {@link #reset()}.
     *
     * @param displayName display name; the subdomain is derived from it
     * @return the new subaccount's GUID
     */
    public String createSubaccount(String displayName) {
        Objects.requireNonNull(displayName, "displayName");
        String id = UUID.randomUUID().toString();
        String subdomain = displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-"
                + id.substring(0, 8);
        world.subaccounts().add(new Subaccounts.Subaccount(id, subdomain, displayName, "eu10", world.now(), false));
        return id;
    }

    /**
     * The Cloud Management ({@code cis}) key of the global account, plan {@code central}: it may read and
     * assign entitlements and create Service Manager credentials. The same key for the simulator's whole
     * life, {@link #reset()} included.
     *
     * @return the key
     */
    public SimulatedKey cisCentralKey() {
        return keys.cisCentral();
    }

    /**
     * A read-only Cloud Management key: reads work, changes answer 403.
     *
     * @return the key
     */
    public SimulatedKey cisViewerKey() {
        return keys.cisViewer();
    }

    /**
     * The Service Manager key (plan {@code subaccount-admin}) of the default subaccount.
     *
     * @return the key
     */
    public SimulatedKey serviceManagerKey() {
        return serviceManagerKey(defaultSubaccountId());
    }

    /**
     * The Service Manager key (plan {@code subaccount-admin}) of a subaccount; the same key on every call.
     * Keys of subaccounts that exist from the start survive {@link #reset()}.
     *
     * @param subaccountId subaccount
     * @return the key
     * @throws IllegalArgumentException when the subaccount does not exist
     */
    public SimulatedKey serviceManagerKey(String subaccountId) {
        return keys.serviceManager(subaccountId);
    }

    /** @return direct seeding of entitlements, instances and bindings */
    public SimulatorSeeder seed() {
        return seeder;
    }

    /** @return the Cloud ALM tenant's data */
    public CloudAlmData cloudAlm() {
        return cloudAlm;
    }

    /** @return fault injection */
    public FaultInjector faults() {
        return faults;
    }

    /** @return the simulator's clock; move it to cross token lifetimes and operation durations */
    public SimulatorClock clock() {
        return world.clock();
    }

    /** @return every request received */
    public RequestJournal journal() {
        return journal;
    }

    /** @return the certificate authority and mutual-TLS endpoint */
    public SimulatorTls tls() {
        return tls;
    }

    /** @return the public key every issued token is signed with (also at {@code /token_keys}) */
    public RSAPublicKey tokenSigningKey() {
        return world.tokens().publicKey();
    }

    /**
     * Verifies a token the simulated XSUAA issued and returns its claims.
     *
     * @param accessToken the JWT
     * @return its claims ({@code scope}, {@code client_id}, {@code exp}, ...)
     * @throws IllegalArgumentException when the token is malformed, not signed by the simulator or expired
     *     on the simulator clock
     */
    public JsonNode verifyToken(String accessToken) {
        try {
            return world.tokens().verify(accessToken, world.now());
        } catch (InvalidTokenException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Releases every operation and entitlement job made stuck by {@link FaultInjector}: from now on
     * they finish like any other, so a test can show that a later run converges.
     */
    public void releaseStuckOperations() {
        synchronized (world.lock()) {
            world.serviceManager().releaseStuck();
            world.entitlements().releaseStuck();
        }
    }

    /**
     * Finishes every running Service Manager operation that is not stuck, as if enough time had passed.
     */
    public void completePendingOperations() {
        synchronized (world.lock()) {
            world.serviceManager().completeAll();
        }
    }

    /**
     * A snapshot of the global account: subaccounts, entitlements, instances and bindings.
     *
     * @return the snapshot
     */
    public SimulatorState state() {
        return SimulatorState.capture(world);
    }

    /**
     * Back to the state right after start: configured subaccounts only, no assignments, instances,
     * bindings, Cloud ALM projects or tasks, no faults, an empty journal and the clock on system time. The
     * admin keys ({@link #cisCentralKey()}, Service Manager keys of the configured subaccounts) stay valid.
     */
    public void reset() {
        world.reset();
        keys.forgetRemovedSubaccounts();
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return hosts.isClosed();
    }

    /** Stops every host and worker thread. Idempotent. */
    @Override
    public void close() {
        hosts.close();
    }

    /**
     * Describes the simulator.
     *
     * @return its hosts, without secrets
     */
    @Override
    public String toString() {
        return "BtpSimulator[xsuaa=" + endpoints.xsuaa() + ", sm=" + endpoints.serviceManager() + ", cloudAlm="
                + endpoints.cloudAlmApi() + (isClosed() ? ", closed" : "") + "]";
    }
}
