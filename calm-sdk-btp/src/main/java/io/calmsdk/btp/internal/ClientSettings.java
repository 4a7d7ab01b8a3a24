package io.calmsdk.btp.internal;

import io.calmsdk.core.Sleeper;
import io.calmsdk.core.http.Authenticator;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.polling.PollingOptions;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every BTP client builder shares (timeouts, retries, clock, sleeper, polling), kept in
 * one place so the three builders behave alike. Mutable, for builders only; not thread-safe.
 */
public final class ClientSettings {

    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration connectTimeout;
    private Duration attemptTimeout;
    private Duration callTimeout;
    private String userAgentSuffix;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private PollingOptions pollingOptions = PollingOptions.defaults();

    /** Creates settings holding the defaults. */
    public ClientSettings() {
    }

    /**
     * Copies settings.
     *
     * @return an independent copy
     */
    public ClientSettings copy() {
        ClientSettings c = new ClientSettings();
        c.retryPolicy = retryPolicy;
        c.connectTimeout = connectTimeout;
        c.attemptTimeout = attemptTimeout;
        c.callTimeout = callTimeout;
        c.userAgentSuffix = userAgentSuffix;
        c.httpClient = httpClient;
        c.clock = clock;
        c.sleeper = sleeper;
        c.pollingOptions = pollingOptions;
        return c;
    }

    /** @param p the retry policy */
    public void retryPolicy(RetryPolicy p) {
        this.retryPolicy = Objects.requireNonNull(p, "retryPolicy");
    }

    /** @param d the connect timeout */
    public void connectTimeout(Duration d) {
        this.connectTimeout = positive("connectTimeout", d);
    }

    /** @param d the attempt timeout */
    public void attemptTimeout(Duration d) {
        this.attemptTimeout = positive("attemptTimeout", d);
    }

    /** @param d the call timeout */
    public void callTimeout(Duration d) {
        this.callTimeout = positive("callTimeout", d);
    }

    /** @param s the user agent suffix */
    public void userAgentSuffix(String s) {
        this.userAgentSuffix = s;
    }

    /** @param c the HTTP client */
    public void httpClient(HttpClient c) {
        this.httpClient = Objects.requireNonNull(c, "httpClient");
    }

    /** @param c the clock */
    public void clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
    }

    /** @param s the sleeper */
    public void sleeper(Sleeper s) {
        this.sleeper = Objects.requireNonNull(s, "sleeper");
    }

    /** @param o the polling options */
    public void pollingOptions(PollingOptions o) {
        this.pollingOptions = Objects.requireNonNull(o, "pollingOptions");
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the sleeper */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** @return the polling options */
    public PollingOptions pollingOptions() {
        return pollingOptions;
    }

    /** @return the retry policy */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Builds a transport with these settings.
     *
     * @param authenticator the authenticator, or {@code null}
     * @return the transport
     */
    public HttpTransport transport(Authenticator authenticator) {
        HttpTransport.Builder b = HttpTransport.builder()
                .retryPolicy(retryPolicy)
                .clock(clock)
                .sleeper(sleeper);
        if (connectTimeout != null) {
            b.connectTimeout(connectTimeout);
        }
        if (attemptTimeout != null) {
            b.attemptTimeout(attemptTimeout);
        }
        if (callTimeout != null) {
            b.callTimeout(callTimeout);
        }
        if (userAgentSuffix != null) {
            b.userAgentSuffix(userAgentSuffix);
        }
        if (httpClient != null) {
            b.httpClient(httpClient);
        }
        if (authenticator != null) {
            b.authenticator(authenticator);
        }
        return b.build();
    }

    private static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
