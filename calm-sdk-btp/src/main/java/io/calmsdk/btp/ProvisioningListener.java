package io.calmsdk.btp;

import io.calmsdk.core.internal.polling.PollProgress;

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
     * @param progress the poll: what is awaited, the state found, the time elapsed
     */
    default void onStepProgress(BindingRequest request, ProvisioningStep step, PollProgress progress) {
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
     * A listener that ignores everything.
     *
     * @return the no-op listener
     */
    static ProvisioningListener none() {
        return NoOpListener.INSTANCE;
    }
}
