package io.calmsdk.core.internal.polling;

import java.util.Locale;

/**
 * Where a long-running operation stands, as the poll function classifies the service's own state
 * ({@code "in progress"}, {@code PROCESSING}, {@code OK}, {@code PROCESSING_FAILED}, ...).
 */
public enum PollStatus {

    /** Not finished: poll again. */
    IN_PROGRESS,

    /** Finished successfully: stop polling and return the value. */
    SUCCEEDED,

    /** Finished unsuccessfully: stop polling and fail. */
    FAILED;

    /**
     * Whether the operation has finished, successfully or not.
     *
     * @return {@code true} for {@link #SUCCEEDED} and {@link #FAILED}
     */
    public boolean isTerminal() {
        return this != IN_PROGRESS;
    }

    /**
     * The status in words, used as the state when the poll function names none.
     *
     * @return e.g. {@code "in progress"}
     */
    String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
