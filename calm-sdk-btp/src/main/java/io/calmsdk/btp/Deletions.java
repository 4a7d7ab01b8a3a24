package io.calmsdk.btp;

import io.calmsdk.core.exception.ConcurrentOperationException;
import io.calmsdk.core.exception.RateLimitedException;
import io.calmsdk.core.internal.polling.PollResponse;
import io.calmsdk.core.model.LastOperation;
import io.calmsdk.core.model.ServiceBinding;
import io.calmsdk.core.model.ServiceInstance;
import java.util.Optional;

/**
 * Deleting instances and bindings by the Service Manager's rules: a 422 (another operation runs) is
 * waited out and the delete sent again, a 429 is waited out as the service asks. Used to replace a
 * resource whose creation failed, and by deprovisioning and rotation. Only ever live.
 */
final class Deletions {

    private final Reconciliation run;
    private final CreateGuard guard;

    Deletions(Reconciliation run) {
        this.run = run;
        this.guard = run.guard();
    }

    void deleteInstance(ServiceInstance instance) {
        ServiceManagerClient sm = run.serviceManager();
        int attempt = 0;
        while (true) {
            attempt++;
            guard.checkDeadline();
            try {
                sm.deleteInstance(instance.id()).awaitCompletion(guard.remaining(), run.pollListener());
                run.forgetNamed();
                return;
            } catch (ConcurrentOperationException e) {
                waitForIdleInstance(instance.id());
            } catch (RateLimitedException e) {
                guard.pause(e.retryAfter().orElse(run.settings().retryPolicy().backoff(attempt)),
                        "delete instance (rate limited)");
            }
        }
    }

    void deleteBinding(ServiceBinding binding) {
        ServiceManagerClient sm = run.serviceManager();
        int attempt = 0;
        while (true) {
            attempt++;
            guard.checkDeadline();
            try {
                sm.deleteBinding(binding.id()).awaitCompletion(guard.remaining(), run.pollListener());
                return;
            } catch (ConcurrentOperationException e) {
                guard.pause(e.retryAfter().orElse(run.settings().retryPolicy().backoff(attempt)),
                        "delete binding (422)");
            } catch (RateLimitedException e) {
                guard.pause(e.retryAfter().orElse(run.settings().retryPolicy().backoff(attempt)),
                        "delete binding (rate limited)");
            }
        }
    }

    /** Waits until no operation runs on the instance (or it is gone): what a 422 on it asks for. */
    void waitForIdleInstance(String id) {
        ServiceManagerClient sm = run.serviceManager();
        sm.poller(guard.remaining(), run.pollListener()).<Boolean>poll("operation on service instance " + id
                + " to finish", () -> {
                    Optional<ServiceInstance> now = sm.findInstance(id);
                    Optional<LastOperation> last = now.flatMap(ServiceInstance::lastOperation);
                    if (now.isEmpty() || last.isEmpty() || last.get().isTerminal()) {
                        return PollResponse.succeeded(last.map(l -> l.state().value()).orElse("idle"), Boolean.TRUE);
                    }
                    return PollResponse.inProgress(last.get().state().value());
                });
    }
}
