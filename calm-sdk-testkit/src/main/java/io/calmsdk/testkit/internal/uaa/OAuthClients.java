package io.calmsdk.testkit.internal.uaa;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated XSUAA's client registry. Thread-safe. */
public final class OAuthClients {

    private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();

    /**
     * Registers a client, replacing one with the same id.
     *
     * @param client the client
     * @return the client
     */
    public OAuthClient register(OAuthClient client) {
        clients.put(client.clientId(), client);
        return client;
    }

    /**
     * Looks up a client.
     *
     * @param clientId client id
     * @return the client
     */
    public Optional<OAuthClient> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    /**
     * Removes a client.
     *
     * @param clientId client id
     */
    public void remove(String clientId) {
        clients.remove(clientId);
    }

    /** Removes every client that is not permanent. */
    public void removeTransient() {
        clients.values().removeIf(c -> !c.permanent());
    }
}
