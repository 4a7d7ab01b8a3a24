package io.calmsdk.btp;

import io.calmsdk.auth.TokenAcquisitionException;
import io.calmsdk.btp.internal.ClientCache;
import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.core.exception.UnauthorizedException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.ServiceManagerKey;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Service Manager client of each subaccount: from the subaccount's own key, else the default key,
 * else (one-key mode) from the subaccount's Service Manager binding, read or created through the
 * Accounts API. A Service Manager key belongs to one subaccount: before a key the caller gave serves a
 * subaccount, the subaccount its token names ({@code ext_attr.subaccountid}) must be that one, so a
 * key of subaccount A never provisions (or reports) A's resources as B's. Clients are built on first use and kept in a {@link ClientCache}, which closes them
 * with the provisioner; a client whose credentials the service refuses is evicted, so the next call
 * builds a fresh one (in one-key mode from the binding the Accounts API returns then). Thread-safe.
 */
final class ServiceManagers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudAlmProvisioner.class);
    /** The cache key of the default key's client; never a subaccount id (those are GUIDs). */
    private static final String DEFAULT_KEY = "(default Service Manager key)";
    /** How deep a failure's causes are searched for a refusal. */
    private static final int MAX_CAUSES = 16;

    private final ClientSettings settings;
    private final ServiceManagerKey defaultKey;
    private final Map<String, ServiceManagerKey> subaccountKeys;
    private final AccountsClient accounts;
    private final ClientCache<String, Entry> cache = new ClientCache<>("the provisioner");

    /** The default key and the Accounts API (one-key mode) may be {@code null}. */
    ServiceManagers(ClientSettings settings, ServiceManagerKey defaultKey, Map<String, ServiceManagerKey> subaccountKeys,
            AccountsClient accounts) {
        this.settings = settings;
        this.defaultKey = defaultKey;
        this.subaccountKeys = Map.copyOf(subaccountKeys);
        this.accounts = accounts;
        // Built now, so that a key the client cannot use fails the provisioner's build(), not a later call.
        try {
            if (defaultKey != null) {
                cache.get(DEFAULT_KEY, () -> newEntry(defaultKey));
            }
            this.subaccountKeys.forEach((subaccount, key) -> cache.get(subaccount, () -> newEntry(key)));
        } catch (RuntimeException e) {
            try {
                cache.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Whether some key, or one-key mode, can serve the subaccount. */
    boolean canServe(String subaccountId) {
        return defaultKey != null || accounts != null || subaccountKeys.containsKey(subaccountId);
    }

    /** Whether the subaccount's client is at hand without a call to the Accounts API. */
    boolean available(String subaccountId) {
        return defaultKey != null || subaccountKeys.containsKey(subaccountId) || cache.peek(subaccountId).isPresent();
    }

    /**
     * Refuses, before any call, several subaccounts that only the default key would serve: it belongs
     * to one of them at most.
     */
    void requireOneSubaccountPerKey(Collection<String> subaccountIds) {
        if (defaultKey == null) {
            return;
        }
        Set<String> served = new TreeSet<>();
        subaccountIds.stream().filter(id -> !subaccountKeys.containsKey(id)).forEach(served::add);
        if (served.size() > 1) {
            String listed = served.stream().limit(5).collect(Collectors.joining(", "))
                    + (served.size() > 5 ? ", ..." : "");
            throw new ValidationException("requests", "ask for " + served.size() + " subaccounts (" + listed
                    + ") with one Service Manager key, but a Service Manager key belongs to one subaccount",
                    "for a fleet, a provisioner with only a Cloud Management key (one-key mode: each subaccount's"
                            + " Service Manager credentials come through the Accounts API), or each subaccount's own key"
                            + " with credentials(subaccountId, key)");
        }
    }

    /** The subaccount's client; in one-key mode this may create the subaccount's Service Manager binding. */
    ServiceManagerClient forWrites(String subaccountId) {
        ServiceManagerKey fixed = fixedKey(subaccountId);
        if (fixed != null) {
            return cache.get(cacheKey(subaccountId), () -> newEntry(fixed)).client;
        }
        return cache.get(subaccountId, () -> newEntry(accounts.ensureServiceManagerBinding(subaccountId))).client;
    }

    /**
     * Fails when the client serves the subaccount with a key the caller gave that belongs to another
     * subaccount (its token says whose it is; asked once per key). Clients of one-key mode belong to their
     * subaccount by construction.
     *
     * @throws ValidationException naming both subaccounts
     */
    void requireKeyBelongsTo(String subaccountId, ServiceManagerClient client) {
        if (fixedKey(subaccountId) == null) {
            return;
        }
        Optional<Entry> entry = cache.peek(cacheKey(subaccountId)).filter(e -> e.client == client);
        if (entry.isPresent()) {
            entry.get().requireBelongsTo(subaccountId);
        }
    }

    /** The subaccount's client if it needs no write: one-key mode only reads the existing binding. */
    Optional<ServiceManagerClient> existing(String subaccountId) {
        if (fixedKey(subaccountId) != null) {
            return Optional.of(forWrites(subaccountId));
        }
        return cache.find(subaccountId, () -> accounts.findServiceManagerBinding(subaccountId).map(this::newEntry))
                .map(e -> e.client);
    }

    /**
     * Evicts the subaccount's client if {@code failure} says the service refused its credentials
     * (401 from the Service Manager, or its token endpoint rejecting the client); any other failure
     * leaves it. Only {@code client} itself is evicted, never a fresh one built meanwhile.
     *
     * @return whether the client was evicted
     */
    boolean evictIfRefused(String subaccountId, ServiceManagerClient client, Throwable failure) {
        String key = cacheKey(subaccountId);
        Optional<Entry> entry = cache.peek(key).filter(e -> e.client == client);
        if (entry.isEmpty() || !refusesCredentials(failure, client.endpoint(), entry.get().clientId)) {
            return false;
        }
        boolean evicted = cache.evict(key, entry.get());
        if (evicted) {
            LOG.info("The Service Manager refused the credentials of {} for subaccount {}; the next call builds a"
                    + " new client", client, subaccountId);
        }
        return evicted;
    }

    /**
     * The refusal of a key that belongs to another subaccount than the request's.
     *
     * @param requested the request's subaccount
     * @param actual the subaccount the key belongs to
     * @param whose what belongs to {@code actual}, e.g. {@code the Service Manager key (client sb-...) belongs to ...}
     */
    static ValidationException keyOfAnotherSubaccount(String requested, String actual, String whose) {
        return new ValidationException("subaccountId", "is " + requested + ", but " + whose, "the subaccount the Service Manager key belongs to (" + actual + "); for another"
                + " subaccount use its own Service Manager key, or only a Cloud Management key (one-key mode)");
    }

    /** Whether a failure, or one of its causes, is the refusal of a client's credentials. */
    static boolean refusesCredentials(Throwable failure, URI endpoint, String clientId) {
        String base = endpoint.toString().replaceAll("/+$", "");
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof UnauthorizedException) {
                String url = ((UnauthorizedException) t).url();
                if (url.equals(base) || url.startsWith(base + "/") || url.startsWith(base + "?")) {
                    return true;
                }
            } else if (t instanceof TokenAcquisitionException) {
                TokenAcquisitionException e = (TokenAcquisitionException) t;
                String error = e.error().orElse("").toLowerCase(Locale.ROOT);
                boolean refused = e.status().orElse(0) == 401 || error.equals("invalid_client")
                        || error.equals("unauthorized");
                if (refused && !e.isTransient() && e.clientId().equals(clientId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Closes every client built; a client whose creation finishes later is closed by its creator. */
    @Override
    public void close() {
        cache.close();
    }

    private ServiceManagerKey fixedKey(String subaccountId) {
        ServiceManagerKey own = subaccountKeys.get(subaccountId);
        return own != null ? own : defaultKey;
    }

    private String cacheKey(String subaccountId) {
        return subaccountKeys.containsKey(subaccountId) || defaultKey == null ? subaccountId : DEFAULT_KEY;
    }

    private Entry newEntry(ServiceManagerKey key) {
        return new Entry(ServiceManagerClient.builder().credentials(key).settings(settings).build(),
                key.credentials().clientId());
    }

    /**
     * A client with the OAuth client id of its key: token failures name the client id they concern; and
     * the subaccount its key belongs to, learnt from its token once.
     */
    private static final class Entry implements AutoCloseable {
        final ServiceManagerClient client;
        final String clientId;
        private volatile Optional<String> owner;

        Entry(ServiceManagerClient client, String clientId) {
            this.client = client;
            this.clientId = clientId;
        }

        /** Fails when the key's token names another subaccount; a token naming none is checked by the lists. */
        void requireBelongsTo(String subaccountId) {
            Optional<String> known = owner;
            if (known == null) {
                known = client.credentialsSubaccountId();
                owner = known;
            }
            if (known.isPresent() && !known.get().equalsIgnoreCase(subaccountId)) {
                throw keyOfAnotherSubaccount(subaccountId, known.get(), "the Service Manager key (client " + clientId
                        + ") belongs to subaccount " + known.get());
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
