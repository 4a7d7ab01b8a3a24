package io.calmsdk.core.internal.http;

import io.calmsdk.core.ClientOptions;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reaches the HTTP client that {@link ClientOptions} holds for the clients built from it, without making
 * it part of the public API (the JDK's "shared secrets" pattern): {@code ClientOptions} registers the
 * accessor when its class is initialised, which happens before any instance can be passed here.
 */
public final class ClientOptionsAccess {

    private static volatile Function<ClientOptions, SharedHttpClient> accessor;

    private ClientOptionsAccess() {
    }

    /**
     * Called once by {@link ClientOptions}.
     *
     * @param sharedHttpClient reads an instance's shared HTTP client
     */
    public static void register(Function<ClientOptions, SharedHttpClient> sharedHttpClient) {
        accessor = Objects.requireNonNull(sharedHttpClient, "sharedHttpClient");
    }

    /**
     * The HTTP client holder of these options.
     *
     * @param options the options
     * @return its holder, one per options instance
     */
    public static SharedHttpClient sharedHttpClient(ClientOptions options) {
        return accessor.apply(Objects.requireNonNull(options, "options"));
    }
}
