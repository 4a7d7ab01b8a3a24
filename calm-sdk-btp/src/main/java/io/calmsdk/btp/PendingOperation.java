package io.calmsdk.btp;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What Service Manager answered to a create, update or delete: either done at once (HTTP 200/201/204)
 * or accepted (HTTP 202) with an operation to poll at the {@code Location} URL. Pass it to
 * {@link ServiceManagerClient#awaitOperation(PendingOperation)} to wait. Immutable and thread-safe.
 */
public final class PendingOperation {

    private final String description;
    private final String resourceType;
    private final String resourceId;
    private final URI operationUrl;
    private final int status;

    /**
     * Creates the handle.
     *
     * @param description what was asked, e.g. {@code create service instance calm-api}
     * @param resourceType {@code service_instances} or {@code service_bindings}
     * @param resourceId the resource's id, or {@code null} when the answer did not tell it
     * @param operationUrl the operation to poll, or {@code null} when the answer was synchronous
     * @param status the HTTP status of the answer
     */
    public PendingOperation(String description, String resourceType, String resourceId, URI operationUrl,
            int status) {
        this.description = Objects.requireNonNull(description, "description");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.resourceId = resourceId;
        this.operationUrl = operationUrl;
        this.status = status;
    }

    /**
     * What was asked.
     *
     * @return e.g. {@code create service instance calm-api}
     */
    public String description() {
        return description;
    }

    /**
     * The kind of resource.
     *
     * @return {@code service_instances} or {@code service_bindings}
     */
    public String resourceType() {
        return resourceType;
    }

    /**
     * The id of the resource concerned, from the body or the {@code Location} header.
     *
     * @return the id, if the answer told it
     */
    public Optional<String> resourceId() {
        return Optional.ofNullable(resourceId);
    }

    /**
     * The operation to poll.
     *
     * @return the absolute URL, empty when the answer was synchronous
     */
    public Optional<URI> operationUrl() {
        return Optional.ofNullable(operationUrl);
    }

    /**
     * Whether the service finished the work before answering.
     *
     * @return {@code true} for a synchronous answer without an operation to poll
     */
    public boolean isDone() {
        return operationUrl == null;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return e.g. 201 or 202
     */
    public int status() {
        return status;
    }

    @Override
    public String toString() {
        return "PendingOperation{" + description + ", status=" + status + ", resourceId=" + resourceId
                + (operationUrl == null ? "" : ", operation=" + operationUrl) + "}";
    }
}
