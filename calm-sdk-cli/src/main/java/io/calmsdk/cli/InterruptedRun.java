package io.calmsdk.cli;

/**
 * The command was interrupted (Ctrl+C) and says what it had finished; exit code 130. Whatever was done
 * stays done.
 */
final class InterruptedRun extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What an interrupted command says unless it knows better. */
    static final String CONTINUE = "run again to continue where it stopped";

    /**
     * Creates the failure.
     *
     * @param message the whole report, starting with {@code interrupted}
     * @param cause the interruption as the SDK reported it
     */
    InterruptedRun(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The usual report: what was finished, and that running again continues.
     *
     * @param done e.g. {@code 1 of 3 subaccounts finished (1 succeeded, 0 failed); not finished: b, c}
     * @param cause the interruption
     * @return the failure
     */
    static InterruptedRun after(String done, Throwable cause) {
        return new InterruptedRun("interrupted; " + done + "; " + CONTINUE, cause);
    }
}
