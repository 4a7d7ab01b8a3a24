package io.calmsdk.btp;

import io.calmsdk.core.model.ServiceBinding;
import io.calmsdk.core.model.ServiceInstance;
import io.calmsdk.core.model.ServiceKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CloudAlmProvisioner#ensureBinding(BindingRequest)} achieved: the Cloud ALM service key,
 * the instance and binding it belongs to, what was done in each step, and what it cost (HTTP requests,
 * time). {@link Outcome} is what {@link CloudAlmProvisioner#ensureBindings} gives per request.
 *
 * <p>The service key holds secrets; they never show in {@link #toString()}. Immutable and thread-safe.
 */
public final class ProvisioningResult {

    private final BindingRequest request;
    private final ServiceKey serviceKey;
    private final ServiceInstance instance;
    private final ServiceBinding binding;
    private final List<StepResult> steps;
    private final int httpReads;
    private final int httpWrites;
    private final Duration elapsed;

    ProvisioningResult(BindingRequest request, ServiceKey serviceKey, ServiceInstance instance, ServiceBinding binding,
            List<StepResult> steps, int httpReads, int httpWrites, Duration elapsed) {
        this.request = Objects.requireNonNull(request, "request");
        this.serviceKey = Objects.requireNonNull(serviceKey, "serviceKey");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.binding = Objects.requireNonNull(binding, "binding");
        this.steps = List.copyOf(steps);
        this.httpReads = httpReads;
        this.httpWrites = httpWrites;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * The request that was reconciled.
     *
     * @return the request
     */
    public BindingRequest request() {
        return request;
    }

    /**
     * The Cloud ALM service key: the binding's credentials.
     *
     * @return the key; its secrets print as {@code ***}
     */
    public ServiceKey serviceKey() {
        return serviceKey;
    }

    /**
     * The service instance as last read.
     *
     * @return the instance
     */
    public ServiceInstance instance() {
        return instance;
    }

    /**
     * The service binding as last read, with its credentials.
     *
     * @return the binding
     */
    public ServiceBinding binding() {
        return binding;
    }

    /**
     * What was done in each step, in order.
     *
     * @return the steps
     */
    public List<StepResult> steps() {
        return steps;
    }

    /**
     * What was done in one step. Every step of {@code ensureBinding} and {@code rotateBinding} is reported,
     * {@link StepResult.Outcome#SKIPPED} when it did not apply; as in {@link ProvisioningPlan#step}.
     *
     * @param step the step
     * @return the step's result (the first, if a rotation reports the step twice)
     * @throws java.util.NoSuchElementException if the result has no such step
     */
    public StepResult step(ProvisioningStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    /**
     * Whether anything was written (created, updated, assigned).
     *
     * @return {@code true} when a step changed something
     */
    public boolean changed() {
        return steps.stream().anyMatch(s -> s.outcome().isChange());
    }

    /**
     * How many HTTP requests the call sent to the BTP APIs (retries and polls included; token requests,
     * which the token providers count and cache, not included).
     *
     * @return the number of requests
     */
    public int httpRequests() {
        return httpReads + httpWrites;
    }

    /**
     * How many of {@link #httpRequests()} were writes (POST, PUT, PATCH, DELETE).
     *
     * @return the number of write requests
     */
    public int httpWrites() {
        return httpWrites;
    }

    /**
     * The time the call took, waits included.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * Summarises the result, never a secret.
     *
     * @return e.g. {@code ProvisioningResult{instance=calm-api (id), binding=calm-key (id), steps=[...], ...}}
     */
    @Override
    public String toString() {
        return "ProvisioningResult{instance=" + instance.name() + " (" + instance.id() + "), binding=" + binding.name()
                + " (" + binding.id() + "), steps=" + steps + ", httpRequests=" + httpRequests() + ", httpWrites="
                + httpWrites + ", elapsed=" + elapsed + "}";
    }

    /**
     * The outcome of one request of {@link CloudAlmProvisioner#ensureBindings}: either a result or the
     * exception that request ended with. Immutable and thread-safe.
     */
    public static final class Outcome {

        private final BindingRequest request;
        private final ProvisioningResult result;
        private final RuntimeException failure;

        Outcome(BindingRequest request, ProvisioningResult result, RuntimeException failure) {
            this.request = Objects.requireNonNull(request, "request");
            if ((result == null) == (failure == null)) {
                throw new IllegalArgumentException("exactly one of result and failure must be given");
            }
            this.result = result;
            this.failure = failure;
        }

        /**
         * The request.
         *
         * @return the request
         */
        public BindingRequest request() {
            return request;
        }

        /**
         * Whether the request succeeded.
         *
         * @return {@code true} when {@link #result()} is present
         */
        public boolean succeeded() {
            return result != null;
        }

        /**
         * The result, when the request succeeded.
         *
         * @return the result
         */
        public Optional<ProvisioningResult> result() {
            return Optional.ofNullable(result);
        }

        /**
         * The exception, when the request failed; usually a {@link ProvisioningException}.
         *
         * @return the failure
         */
        public Optional<RuntimeException> failure() {
            return Optional.ofNullable(failure);
        }

        /**
         * Describes the outcome, never a secret.
         *
         * @return e.g. {@code ProvisioningResult.Outcome{calm-api in <subaccount>: succeeded}}
         */
        @Override
        public String toString() {
            return "ProvisioningResult.Outcome{" + request.instanceName() + " in " + request.subaccountId() + ": "
                    + (result != null ? "succeeded" : "failed: " + failure.getMessage()) + "}";
        }
    }
}
