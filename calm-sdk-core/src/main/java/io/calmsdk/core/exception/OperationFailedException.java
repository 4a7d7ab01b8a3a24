package io.calmsdk.core.exception;

import java.util.Objects;
import java.util.Optional;

/**
 * A long-running operation (an entitlement assignment, an instance or binding create, update or
 * delete) ended in a failed state. The message carries the service's (or broker's) description.
 */
public class OperationFailedException extends CalmException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String state;
    private final String resourceId;

    /**
     * Creates the exception.
     *
     * @param operation what was running, e.g. {@code "create service instance calm-api"}
     * @param state the final state reported, e.g. {@code failed} or {@code PROCESSING_FAILED}
     * @param resourceId the id of the resource concerned, may be {@code null}
     * @param description the service's description of the failure, may be {@code null}
     */
    public OperationFailedException(String operation, String state, String resourceId, String description) {
        super(operation + " ended in state " + state
                + (resourceId == null ? "" : " (resource " + resourceId + ")")
                + (description == null || description.isBlank() ? "" : ": " + description));
        this.operation = Objects.requireNonNull(operation, "operation");
        this.state = Objects.requireNonNull(state, "state");
        this.resourceId = resourceId;
    }

    /**
     * What was running.
     *
     * @return the operation description
     */
    public String operation() {
        return operation;
    }

    /**
     * The final state the service reported.
     *
     * @return the state
     */
    public String state() {
        return state;
    }

    /**
     * The id of the resource concerned.
     *
     * @return the id, if known
     */
    public Optional<String> resourceId() {
        return Optional.ofNullable(resourceId);
    }
}
