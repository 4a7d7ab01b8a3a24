package io.calmsdk.testkit.internal.world;

import io.calmsdk.testkit.SimulatorClock;
import io.calmsdk.testkit.internal.calm.CalmStore;
import io.calmsdk.testkit.internal.cis.EntitlementBook;
import io.calmsdk.testkit.internal.sm.ServiceManagerBook;
import io.calmsdk.testkit.internal.uaa.OAuthClients;
import io.calmsdk.testkit.internal.uaa.TokenService;
import java.time.Instant;
import java.util.UUID;

/**
 * Everything the simulated services share: configuration, clock, journal, faults, OAuth clients, the
 * global account and the per-service state. Entitlement and Service Manager state change together (an
 * instance needs an entitlement, removing an entitlement needs no instances), so both are guarded by the
 * one {@link #lock()}; Cloud ALM data has its own lock.
 */
public final class World {

    private final Object lock = new Object();
    private final Settings settings;
    private final SimulatorClock clock;
    private final Recorder recorder;
    private final FaultRules faults = new FaultRules();
    private final OAuthClients clients = new OAuthClients();
    private final TokenService tokens = new TokenService();
    private final Subaccounts subaccounts = new Subaccounts();
    private final String globalAccountId = UUID.randomUUID().toString();
    private final String globalAccountSubdomain = "sim-global-account";
    private final EntitlementBook entitlements;
    private final ServiceManagerBook serviceManager;
    private final CalmStore calm;
    private final TlsSupport tls;
    private volatile Urls urls;

    /**
     * Creates the world with its baseline state.
     *
     * @param settings configuration
     * @param clock simulator clock
     * @param tls lazy mutual-TLS support
     */
    public World(Settings settings, SimulatorClock clock, TlsSupport tls) {
        this.settings = settings;
        this.clock = clock;
        this.tls = tls;
        this.recorder = new Recorder(settings.journalCapacity());
        subaccounts.add(new Subaccounts.Subaccount(settings.defaultSubaccountId(),
                settings.defaultSubaccountSubdomain(), "Default subaccount", "eu10", clock.instant(), true));
        this.entitlements = new EntitlementBook(this);
        this.serviceManager = new ServiceManagerBook(this);
        this.calm = new CalmStore(this);
    }

    /** @return the lock guarding entitlement and Service Manager state */
    public Object lock() {
        return lock;
    }

    /** @return configuration */
    public Settings settings() {
        return settings;
    }

    /** @return simulator clock */
    public SimulatorClock clock() {
        return clock;
    }

    /** @return current simulator time */
    public Instant now() {
        return clock.instant();
    }

    /** @return journal storage */
    public Recorder recorder() {
        return recorder;
    }

    /** @return injected faults */
    public FaultRules faults() {
        return faults;
    }

    /** @return OAuth client registry */
    public OAuthClients clients() {
        return clients;
    }

    /** @return token issuing and verification */
    public TokenService tokens() {
        return tokens;
    }

    /** @return the subaccounts */
    public Subaccounts subaccounts() {
        return subaccounts;
    }

    /** @return the global account GUID */
    public String globalAccountId() {
        return globalAccountId;
    }

    /** @return the global account subdomain */
    public String globalAccountSubdomain() {
        return globalAccountSubdomain;
    }

    /** @return entitlement state */
    public EntitlementBook entitlements() {
        return entitlements;
    }

    /** @return Service Manager state */
    public ServiceManagerBook serviceManager() {
        return serviceManager;
    }

    /** @return Cloud ALM data */
    public CalmStore calm() {
        return calm;
    }

    /** @return lazy mutual-TLS support */
    public TlsSupport tls() {
        return tls;
    }

    /** @return base URLs of the hosts */
    public Urls urls() {
        return urls;
    }

    /**
     * Sets the base URLs once the hosts are bound.
     *
     * @param urls the URLs
     */
    public void urls(Urls urls) {
        this.urls = urls;
    }

    /**
     * Back to the baseline: configured subaccounts and global-account plans only, no assignments,
     * instances, bindings or Cloud ALM data beyond the seed, no faults, empty journal, clock on system time.
     * Admin keys stay valid.
     */
    public void reset() {
        synchronized (lock) {
            faults.clear();
            clock.reset();
            subaccounts.reset();
            entitlements.reset();
            serviceManager.reset();
            clients.removeTransient();
        }
        calm.reset();
        recorder.clear();
    }
}
