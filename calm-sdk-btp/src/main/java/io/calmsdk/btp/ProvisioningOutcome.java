package io.calmsdk.btp;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one request of {@link CloudAlmProvisioner#ensureBindings}: either a result or the
 * exception that request ended with. Immutable and thread-safe.
 */
public final class ProvisioningOutcome {

    private final BindingRequest request;
    private final ProvisioningResult result;
    private final RuntimeException failure;

    ProvisioningOutcome(BindingRequest request, ProvisioningResult result, RuntimeException failure) {
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

    @Override
    public String toString() {
        return "ProvisioningOutcome{" + request.instanceName() + " in " + request.subaccountId() + ": "
                + (result != null ? "succeeded" : "failed: " + failure.getMessage()) + "}";
    }
}
