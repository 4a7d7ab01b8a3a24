package io.calmsdk.testkit.internal.sm;

import io.calmsdk.testkit.FaultInjector.OperationKind;
import java.time.Instant;

/**
 * An asynchronous Service Manager operation. It stays {@code in progress} until it has been observed the
 * configured number of times and the configured simulated time has passed, then runs its success or
 * failure action. Mutable; guarded by the world lock.
 */
public final class Operation {

    /** State of a running operation. */
    public static final String IN_PROGRESS = "in progress";
    /** State of a finished operation. */
    public static final String SUCCEEDED = "succeeded";
    /** State of a failed operation. */
    public static final String FAILED = "failed";

    final String id;
    final OperationKind kind;
    final String resourceType;
    final String resourceId;
    final String subaccountId;
    final Instant createdAt;
    final String correlationId;
    String state = IN_PROGRESS;
    Instant updatedAt;
    int observations;
    boolean stuck;
    String failureCode;
    String failure;
    Runnable onSuccess = () -> { };
    Runnable onFailure = () -> { };

    Operation(String id, OperationKind kind, String resourceType, String resourceId, String subaccountId, Instant now,
              String correlationId) {
        this.id = id;
        this.kind = kind;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.subaccountId = subaccountId;
        this.createdAt = now;
        this.updatedAt = now;
        this.correlationId = correlationId;
    }

    /** @return create, update or delete */
    public String type() {
        switch (kind) {
            case INSTANCE_CREATE:
            case BINDING_CREATE:
                return "create";
            case INSTANCE_UPDATE:
                return "update";
            default:
                return "delete";
        }
    }

    /** @return the state */
    public String state() {
        return state;
    }

    /** @return whether it still runs */
    public boolean inProgress() {
        return IN_PROGRESS.equals(state);
    }
}
