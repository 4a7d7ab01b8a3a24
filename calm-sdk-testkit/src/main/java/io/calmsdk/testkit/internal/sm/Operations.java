package io.calmsdk.testkit.internal.sm;

import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.world.FaultRules;
import io.calmsdk.testkit.internal.world.Ids;
import io.calmsdk.testkit.internal.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The asynchronous Service Manager operations of every subaccount and the rules that move them forward:
 * an operation finishes once it has been observed often enough and enough simulated time has passed,
 * unless a fault made it stuck or fail. Callers hold the world lock.
 */
final class Operations {

    private final World world;
    private final Map<String, Operation> byId = new HashMap<>();
    private boolean faultsSuspended;

    /**
     * Creates the registry.
     *
     * @param world simulator state: settings, clock and faults
     */
    Operations(World world) {
        this.world = world;
    }

    /**
     * Starts an operation; an injected operation fault of its kind makes it stuck or failing.
     *
     * @param kind what it does
     * @param resourceType {@link ServiceManagerBook#INSTANCES} or {@link ServiceManagerBook#BINDINGS}
     * @param resourceId the resource it works on
     * @param subaccountId the resource's subaccount
     * @param correlationId the request's correlation id
     * @param rejection the broker's refusal, which makes it end {@code failed}, or null
     * @return the running operation
     */
    Operation start(OperationKind kind, String resourceType, String resourceId, String subaccountId,
                    String correlationId, String rejection) {
        Operation op = new Operation(Ids.uuid(), kind, resourceType, resourceId, subaccountId, world.now(),
                correlationId);
        if (rejection != null) {
            op.failureCode = SmErrors.BROKER_ERROR;
            op.failure = "Service broker failed with: " + rejection;
        }
        Optional<FaultRules.OutcomeFault> fault = faultsSuspended ? Optional.empty()
                : world.faults().takeOperationFault(kind);
        fault.ifPresent(f -> {
            if (f.stuck()) {
                op.stuck = true;
            } else if (op.failure == null) {
                op.failureCode = SmErrors.BROKER_ERROR;
                op.failure = f.description();
            }
        });
        byId.put(op.id, op);
        return op;
    }

    /**
     * Moves an operation forward.
     *
     * @param op the operation, or null
     * @param observed whether a client just looked at it
     */
    void progress(Operation op, boolean observed) {
        if (op == null || !op.inProgress()) {
            return;
        }
        if (observed) {
            op.observations++;
        }
        if (op.stuck) {
            return;
        }
        Instant now = world.now();
        if (op.observations >= world.settings().operationPolls()
                && !now.isBefore(op.createdAt.plus(world.settings().operationDuration()))) {
            complete(op);
        }
    }

    private void complete(Operation op) {
        op.updatedAt = world.now();
        if (op.failure != null) {
            op.state = Operation.FAILED;
            op.onFailure.run();
        } else {
            op.state = Operation.SUCCEEDED;
            op.onSuccess.run();
        }
    }

    /**
     * Finishes the operation of a synchronous request at once ({@code async=false}); on failure undoes
     * what the request left behind and answers as the broker did.
     *
     * @param op the operation
     * @param undo removes what the failed request created
     * @throws ApiError 502 when the operation failed
     */
    void finishSync(Operation op, Runnable undo) {
        op.stuck = false;
        complete(op);
        if (op.failure != null) {
            undo.run();
            throw new ApiError(502, SmErrors.BROKER_ERROR, op.failure);
        }
    }

    /**
     * Looks an operation up.
     *
     * @param id operation id
     * @return the operation, of any subaccount
     */
    Optional<Operation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Lets every stuck operation run on: it finishes like any other once polled enough. */
    void releaseStuck() {
        for (Operation op : byId.values()) {
            op.stuck = false;
        }
    }

    /** Completes every running operation that is not stuck, as if enough time had passed. */
    void completeAll() {
        for (Operation op : new ArrayList<>(byId.values())) {
            if (op.inProgress() && !op.stuck) {
                complete(op);
            }
        }
    }

    /**
     * Runs an action whose operations ignore injected faults: seeding sets up a test's starting point,
     * and must not use up the faults the test aimed at its own requests.
     *
     * @param action the action
     * @param <T> its result type
     * @return its result
     */
    <T> T withoutFaults(Supplier<T> action) {
        faultsSuspended = true;
        try {
            return action.get();
        } finally {
            faultsSuspended = false;
        }
    }

    /** Forgets every operation. */
    void reset() {
        byId.clear();
    }
}
