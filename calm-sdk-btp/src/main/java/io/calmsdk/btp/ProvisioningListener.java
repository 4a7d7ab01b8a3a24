package io.calmsdk.btp;

import io.calmsdk.core.internal.text.HumanDuration;
import java.time.Duration;
import java.util.Objects;

/**
 * Hears about the progress of {@link CloudAlmProvisioner} calls, e.g. to show live progress in a
 * command-line tool: each step's start, every poll while it waits, and its end.
 *
 * <p>Called on the thread running the request (with {@link CloudAlmProvisioner#ensureBindings} several
 * threads at once, so implementations must be thread-safe). Methods should return quickly; an
 * exception they throw is logged at WARN and otherwise ignored, so a broken display never breaks
 * provisioning. Every method has an empty default.
 */
public interface ProvisioningListener {

    /**
     * A step starts.
     *
     * @param request the request being reconciled
     * @param step the step
     */
    default void onStepStarted(BindingRequest request, ProvisioningStep step) {
    }

    /**
     * A step is waiting for a long-running operation and has just polled its state.
     *
     * @param request the request being reconciled
     * @param step the step
     * @param progress the poll: what is awaited, the poll's number, the state found, the time elapsed
     */
    default void onStepProgress(BindingRequest request, ProvisioningStep step, Progress progress) {
    }

    /**
     * A step finished.
     *
     * @param request the request being reconciled
     * @param result what the step did and how long it took
     */
    default void onStepFinished(BindingRequest request, StepResult result) {
    }

    /**
     * A step failed; the exception is thrown to the caller next.
     *
     * @param request the request being reconciled
     * @param step the step
     * @param failure the exception about to be thrown
     */
    default void onStepFailed(BindingRequest request, ProvisioningStep step, RuntimeException failure) {
    }

    /**
     * A rotation created its new binding and now waits the grace period before it deletes the old ones:
     * the moment to hand the new key to the applications, while the old one still works. Not called when
     * the grace period is zero.
     *
     * @param request the request being rotated
     * @param rotated the new binding and its key
     * @param grace how long the old bindings stay
     */
    default void onGracePeriodStarted(BindingRequest request, ProvisioningResult rotated, Duration grace) {
    }

    /**
     * A listener that ignores everything.
     *
     * @return the no-op listener
     */
    static ProvisioningListener none() {
        return NoOpListener.INSTANCE;
    }

    /**
     * One poll of a step that waits for a long-running operation (an entitlement assignment, an instance or
     * binding operation, a plan to appear): what is awaited, the poll's number, the state it found and the
     * time since the wait started. Immutable and thread-safe; never holds a secret.
     */
    final class Progress {

        private final String awaited;
        private final int attempt;
        private final String state;
        private final Duration elapsed;

        private Progress(String awaited, int attempt, String state, Duration elapsed) {
            this.awaited = Objects.requireNonNull(awaited, "awaited");
            this.attempt = attempt;
            this.state = Objects.requireNonNull(state, "state");
            this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        }

        /**
         * Creates a progress report, e.g. to test a listener.
         *
         * @param awaited what is waited for, e.g. {@code create service instance calm-api}
         * @param attempt the poll's number, from 1
         * @param state the state the poll found, in the service's words, e.g. {@code in progress}
         * @param elapsed the time since the wait started
         * @return the progress
         * @throws NullPointerException if an argument is {@code null}
         */
        public static Progress of(String awaited, int attempt, String state, Duration elapsed) {
            return new Progress(awaited, attempt, state, elapsed);
        }

        /**
         * What is waited for.
         *
         * @return e.g. {@code create service instance calm-api}
         */
        public String awaited() {
            return awaited;
        }

        /**
         * The poll's number within this wait.
         *
         * @return 1 for the first poll
         */
        public int attempt() {
            return attempt;
        }

        /**
         * The state the poll found, in the service's words.
         *
         * @return e.g. {@code in progress}, {@code PROCESSING}, {@code not found yet}
         */
        public String state() {
            return state;
        }

        /**
         * The time since the wait started, by the provisioner's clock.
         *
         * @return the elapsed time
         */
        public Duration elapsed() {
            return elapsed;
        }

        /**
         * Compares all fields.
         *
         * @param o the other object
         * @return whether {@code o} is a progress report with the same fields
         */
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Progress)) {
                return false;
            }
            Progress other = (Progress) o;
            return awaited.equals(other.awaited) && attempt == other.attempt && state.equals(other.state)
                    && elapsed.equals(other.elapsed);
        }

        /**
         * Hashes all fields.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            return Objects.hash(awaited, attempt, state, elapsed);
        }

        /**
         * Describes the poll on one line.
         *
         * @return e.g. {@code create service instance calm-api: poll 3, in progress after 4.5 s}
         */
        @Override
        public String toString() {
            return awaited + ": poll " + attempt + ", " + state + " after " + HumanDuration.of(elapsed);
        }
    }
}
