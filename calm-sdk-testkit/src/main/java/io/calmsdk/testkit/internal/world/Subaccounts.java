package io.calmsdk.testkit.internal.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The subaccounts of the simulated global account. Thread-safe. */
public final class Subaccounts {

    /**
     * One subaccount.
     *
     * @param id GUID (also its identity zone id)
     * @param subdomain identity zone subdomain
     * @param displayName display name
     * @param region region, e.g. {@code eu10}
     * @param createdAt creation time
     * @param baseline whether it exists from the start and survives a reset
     */
    public record Subaccount(String id, String subdomain, String displayName, String region, Instant createdAt,
                             boolean baseline) {
    }

    private final Map<String, Subaccount> byId = new LinkedHashMap<>();

    /**
     * Adds a subaccount.
     *
     * @param subaccount the subaccount
     * @return it
     * @throws IllegalArgumentException when the id or subdomain is taken
     */
    public synchronized Subaccount add(Subaccount subaccount) {
        if (byId.containsKey(subaccount.id())) {
            throw new IllegalArgumentException("subaccount " + subaccount.id() + " exists");
        }
        if (byId.values().stream().anyMatch(s -> s.subdomain().equals(subaccount.subdomain()))) {
            throw new IllegalArgumentException("subdomain " + subaccount.subdomain() + " is taken");
        }
        byId.put(subaccount.id(), subaccount);
        return subaccount;
    }

    /**
     * Looks a subaccount up.
     *
     * @param id GUID
     * @return the subaccount
     */
    public synchronized Optional<Subaccount> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** @return every subaccount in creation order */
    public synchronized List<Subaccount> all() {
        return new ArrayList<>(byId.values());
    }

    /** Removes every subaccount that is not part of the baseline. */
    public synchronized void reset() {
        byId.values().removeIf(s -> !s.baseline());
    }
}
