package io.calmsdk.btp;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CloudAlmProvisioner#deprovision(BindingRequest, boolean)} removed: per step
 * {@link StepResult.Outcome#DELETED}, {@link StepResult.Outcome#UNCHANGED} (already gone) or {@link StepResult.Outcome#SKIPPED}.
 * Immutable and thread-safe.
 */
public final class DeprovisioningResult {

    private final BindingRequest request;
    private final List<StepResult> steps;
    private final int httpRequests;
    private final Duration elapsed;

    DeprovisioningResult(BindingRequest request, List<StepResult> steps, int httpRequests, Duration elapsed) {
        this.request = Objects.requireNonNull(request, "request");
        this.steps = List.copyOf(steps);
        this.httpRequests = httpRequests;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * The request whose resources were removed.
     *
     * @return the request
     */
    public BindingRequest request() {
        return request;
    }

    /**
     * What was done per step: bindings, instance, entitlement.
     *
     * @return the steps
     */
    public List<StepResult> steps() {
        return steps;
    }

    /**
     * Whether anything was deleted.
     *
     * @return {@code true} when a step deleted something
     */
    public boolean changed() {
        return steps.stream().anyMatch(s -> s.outcome().isChange());
    }

    /**
     * How many HTTP requests the call sent.
     *
     * @return the number of requests
     */
    public int httpRequests() {
        return httpRequests;
    }

    /**
     * The time the call took.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return "DeprovisioningResult{" + request.instanceName() + " in " + request.subaccountId() + ", steps=" + steps
                + ", httpRequests=" + httpRequests + ", elapsed=" + elapsed + "}";
    }
}
