package io.calmsdk.btp;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CloudAlmProvisioner#ensureBinding(BindingRequest)} would do for a request, found by
 * {@link CloudAlmProvisioner#plan(BindingRequest)} with reads only. Each step's outcome is the one it
 * would have ({@link StepResult.Outcome#CREATED} means "would create"). Immutable and thread-safe.
 */
public final class ProvisioningPlan {

    private final BindingRequest request;
    private final List<StepResult> steps;
    private final int httpRequests;

    ProvisioningPlan(BindingRequest request, List<StepResult> steps, int httpRequests) {
        this.request = Objects.requireNonNull(request, "request");
        this.steps = List.copyOf(steps);
        this.httpRequests = httpRequests;
    }

    /**
     * The request that was planned.
     *
     * @return the request
     */
    public BindingRequest request() {
        return request;
    }

    /**
     * The steps that would be taken, in order.
     *
     * @return the steps with their predicted outcomes
     */
    public List<StepResult> steps() {
        return steps;
    }

    /**
     * The planned outcome of one step.
     *
     * @param step the step
     * @return the step's planned result
     * @throws java.util.NoSuchElementException if the plan has no such step
     */
    public StepResult step(ProvisioningStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    /**
     * Whether {@code ensureBinding} would write anything.
     *
     * @return {@code true} when a step would create, update or assign
     */
    public boolean changesNeeded() {
        return steps.stream().anyMatch(s -> s.outcome().isChange());
    }

    /**
     * How many (read) HTTP requests planning took.
     *
     * @return the number of requests
     */
    public int httpRequests() {
        return httpRequests;
    }

    /**
     * Lists the steps, one per line.
     *
     * @return the plan in words
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ProvisioningPlan for ").append(request.instanceName()).append(" in ")
                .append(request.subaccountId()).append(':');
        steps.forEach(s -> sb.append("\n  ").append(s.step().words()).append(": ").append(s.outcome()).append(" - ")
                .append(s.detail()));
        return sb.toString();
    }
}
