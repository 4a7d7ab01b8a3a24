package io.calmsdk.core.exception;

import io.calmsdk.core.internal.text.HumanDuration;
import java.time.Duration;
import java.util.Objects;

/**
 * A long-running operation was still not finished when the wait's deadline passed. The message names
 * what was awaited and the state it was stuck in.
 */
public class PollingTimeoutException extends CalmTimeoutException {

    private static final long serialVersionUID = 1L;

    private final String lastState;
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param awaited what was being waited for, e.g. {@code "entitlement of SAPCloudALMAPIs/standard"}
     * @param lastState the last state observed, e.g. {@code PROCESSING}
     * @param attempts how many times the state was read
     * @param timeout the total wait allowed
     */
    public PollingTimeoutException(String awaited, String lastState, int attempts, Duration timeout) {
        super(awaited + " did not finish within " + HumanDuration.of(timeout) + ": still " + lastState + " after "
                + attempts + (attempts == 1 ? " poll" : " polls"), timeout, null);
        this.lastState = Objects.requireNonNull(lastState, "lastState");
        this.attempts = attempts;
    }

    /**
     * The last state observed before giving up.
     *
     * @return the state
     */
    public String lastState() {
        return lastState;
    }

    /**
     * How many times the state was read.
     *
     * @return the number of polls
     */
    public int attempts() {
        return attempts;
    }
}
