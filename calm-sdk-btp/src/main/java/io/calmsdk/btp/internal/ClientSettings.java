package io.calmsdk.btp.internal;

import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.Authenticator;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.internal.polling.Poller;
import java.time.Clock;
import java.util.Objects;

/**
 * What a BTP client is built with: the caller's {@link ClientOptions}. Immutable; the provisioner hands its
 * settings to the clients it builds, so they share the options' HTTP client.
 */
public final class ClientSettings {

    private final ClientOptions options;

    /** Default options. */
    public ClientSettings() {
        this(ClientOptions.defaults());
    }

    private ClientSettings(ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * These settings with other options.
     *
     * @param o the options
     * @return new settings
     */
    public ClientSettings withOptions(ClientOptions o) {
        return new ClientSettings(o);
    }

    /**
     * The caller's options.
     *
     * @return the options
     */
    public ClientOptions options() {
        return options;
    }

    /**
     * The options' clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return options.clock();
    }

    /**
     * The options' sleeper.
     *
     * @return the sleeper
     */
    public ClientOptions.Sleeper sleeper() {
        return options.sleeper();
    }

    /**
     * The options' retry policy.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return options.retryPolicy();
    }

    /**
     * How long-running operations are polled.
     *
     * @return the polling options
     */
    public PollingOptions pollingOptions() {
        return options.polling();
    }

    /**
     * A token provider builder with these options, so token requests share the client's HTTP client and
     * timeouts.
     *
     * @return the builder; add the credentials
     */
    public ClientCredentialsTokenProvider.Builder tokenProvider() {
        return ClientCredentialsTokenProvider.builder().options(options);
    }

    /**
     * A poller of long-running operations with these options' clock, sleeper and polling.
     *
     * @return the poller
     */
    public Poller poller() {
        return Poller.builder().clock(clock()).sleeper(sleeper()).options(pollingOptions()).build();
    }

    /**
     * A transport with these options.
     *
     * @param authenticator how attempts are authorised
     * @param api the API's name for request listeners
     * @return the transport
     */
    public HttpTransport transport(Authenticator authenticator, String api) {
        return HttpTransport.builder().options(options).api(api).authenticator(authenticator).build();
    }
}
