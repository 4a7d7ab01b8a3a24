package io.calmsdk.btp;

import io.calmsdk.auth.TokenProvider;
import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.btp.internal.Wire;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.polling.PollResponse;
import io.calmsdk.core.internal.polling.PollStatus;
import io.calmsdk.core.internal.polling.Poller;
import io.calmsdk.core.model.AssignmentInfo;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.EntitledServicePlan;
import io.calmsdk.core.model.EntitlementAssignments;
import io.calmsdk.core.model.EntityState;
import io.calmsdk.core.model.PlanCategory;
import io.calmsdk.core.model.internal.EntitlementAssignmentRequest;
import io.calmsdk.core.model.internal.SubaccountAssignment;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The SAP BTP Entitlements API of a global account, called with a Cloud Management ({@code cis})
 * key of plan {@code central}: reads which service plans the global account owns and which are
 * assigned to a subaccount, and assigns and removes them; an assignment or removal is a {@link
 * LongRunningOperation} that completes when the service is done.
 *
 * <pre>{@code
 * try (EntitlementsClient entitlements = EntitlementsClient.create(cisKey)) {
 *     AssignmentInfo assignment = entitlements.assign(subaccountId, "SAPCloudALMAPIs", "standard")
 *             .waitForCompletion(Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>An assignment is sent as {@code amount} or {@code enable} depending on the plan's category (read
 * from the assignments answer), never both. Completion is observed by re-reading the assignment
 * until its {@code entityState} is {@code OK}; {@code PROCESSING_FAILED} fails the wait with the
 * service's message, and a timeout names the state the assignment was stuck in.
 *
 * <p>Instances are immutable and thread-safe; close the client to release its HTTP resources.
 */
public final class EntitlementsClient implements AutoCloseable {

    private final Wire wire;
    private final AdminConnection connection;
    private final Poller poller;

    private EntitlementsClient(Builder b) {
        ClientSettings s = b.settings;
        this.connection = AdminConnection.open(b, p -> p.credentials(b.key), "entitlements", "Cloud Management");
        this.wire = new Wire(connection.transport, b.endpoint != null ? b.endpoint : b.key.entitlementsServiceUrl());
        this.poller = s.poller();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client with default settings for a Cloud Management key.
     *
     * @param key the {@code cis} key of plan {@code central}
     * @return the client
     */
    public static EntitlementsClient create(CisKey key) {
        return builder().credentials(key).build();
    }

    /**
     * Reads what the global account owns of a service plan and its assignment to a subaccount.
     *
     * @param subaccountId the subaccount GUID
     * @param serviceName e.g. {@code SAPCloudALMAPIs}
     * @param planName e.g. {@code standard}
     * @return the assignments; {@link EntitlementAssignments#empty()} when nothing matches (HTTP 204)
     */
    public EntitlementAssignments getAssignments(String subaccountId, String serviceName, String planName) {
        requireText("subaccountId", subaccountId);
        requireText("serviceName", serviceName);
        requireText("planName", planName);
        TransportResponse r = wire.send(TransportRequest.get(wire.uri("/entitlements/v1/assignments"))
                .query("subaccountGUID", subaccountId).query("serviceName", serviceName).query("planName", planName)
                .operation("read entitlements of " + serviceName + "/" + planName + " for subaccount " + subaccountId)
                .build());
        if (r.status() == 204 || r.json().isMissingNode()) {
            return EntitlementAssignments.empty();
        }
        return r.json(EntitlementAssignments.class);
    }

    /**
     * Reads the assignment of a service plan to a subaccount.
     *
     * @param subaccountId the subaccount GUID
     * @param serviceName e.g. {@code SAPCloudALMAPIs}
     * @param planName e.g. {@code standard}
     * @return the assignment, empty when the plan is not assigned
     */
    public Optional<AssignmentInfo> findAssignment(String subaccountId, String serviceName, String planName) {
        return assignmentIn(getAssignments(subaccountId, serviceName, planName), subaccountId, serviceName, planName);
    }

    /**
     * Assigns a plan to a subaccount: amount 1 for quota-based plans, {@code enable} for the others,
     * the category read from the global account's entitlement. Returns once the service accepted the
     * assignment; the operation completes when the assignment is {@code OK}.
     *
     * @param subaccountId the subaccount GUID
     * @param serviceName e.g. {@code SAPCloudALMAPIs}
     * @param planName e.g. {@code standard}
     * @return the assignment in progress; its {@linkplain LongRunningOperation#operationId() operation id} is
     *     the job id the service answered with, if any, and its result the assignment in state {@code OK}.
     *     Waiting fails with an {@link io.calmsdk.core.exception.OperationFailedException} on {@code
     *     PROCESSING_FAILED} (with the service's state message), and with a {@link
     *     io.calmsdk.core.exception.PollingTimeoutException} naming the state it was stuck in.
     * @throws ValidationException if the global account is not entitled to the plan
     */
    public LongRunningOperation<AssignmentInfo> assign(String subaccountId, String serviceName, String planName) {
        EntitledServicePlan plan = getAssignments(subaccountId, serviceName, planName)
                .entitledPlan(serviceName, planName)
                .orElseThrow(() -> new ValidationException("planName", "'" + serviceName + "/" + planName
                        + "' is not entitled to the global account", "a service plan the global account owns"));
        return assign(subaccountId, serviceName, planName, plan.category().orElse(PlanCategory.SERVICE), 1);
    }

    /**
     * Assigns a plan to a subaccount with a known category.
     *
     * @param subaccountId the subaccount GUID
     * @param serviceName e.g. {@code SAPCloudALMAPIs}
     * @param planName e.g. {@code standard}
     * @param category the plan's category: decides between {@code amount} and {@code enable}
     * @param amount the amount for quota-based plans, at least 1
     * @return the assignment in progress, as {@link #assign(String, String, String)} returns it
     */
    public LongRunningOperation<AssignmentInfo> assign(String subaccountId, String serviceName, String planName,
            PlanCategory category, int amount) {
        if (amount < 1) {
            throw new ValidationException("amount", "is " + amount, "1 or more; use unassign to remove");
        }
        Optional<String> job = put(subaccountId, serviceName, planName,
                SubaccountAssignment.assign(category, subaccountId, amount), "assign");
        return assignment(subaccountId, serviceName, planName, "assignment sent", job.orElse(null));
    }

    /**
     * Removes a plan from a subaccount ({@code amount: 0} or {@code enable: false}). Removing a plan
     * that is not assigned sends nothing and gives an operation that is complete at once.
     *
     * @param subaccountId the subaccount GUID
     * @param serviceName e.g. {@code SAPCloudALMAPIs}
     * @param planName e.g. {@code standard}
     * @return the removal; its {@linkplain LongRunningOperation#operationId() operation id} is the job id, empty
     *     when nothing was assigned or the service answered none. It completes when the plan is no longer
     *     assigned (or assigned with amount 0); waiting fails on {@code PROCESSING_FAILED} and names the
     *     state at a timeout.
     */
    public LongRunningOperation<Void> unassign(String subaccountId, String serviceName, String planName) {
        EntitlementAssignments a = getAssignments(subaccountId, serviceName, planName);
        if (assignmentIn(a, subaccountId, serviceName, planName).isEmpty()) {
            return LongRunningOperation.<Void>builder(removalOf(subaccountId, serviceName, planName), poller)
                    .resourceId(subaccountId).state("not assigned").done(() -> null);
        }
        PlanCategory category = a.entitledPlan(serviceName, planName).flatMap(EntitledServicePlan::category)
                .orElse(PlanCategory.SERVICE);
        Optional<String> job = put(subaccountId, serviceName, planName,
                SubaccountAssignment.unassign(category, subaccountId), "unassign");
        return removal(subaccountId, serviceName, planName, "removal sent", job.orElse(null));
    }

    /**
     * The wait for the plan's assignment to the subaccount to be {@code OK}, e.g. one started elsewhere.
     *
     * @param state the state in words before the first poll
     * @param jobId the job id, or {@code null}
     */
    LongRunningOperation<AssignmentInfo> assignment(String subaccountId, String serviceName, String planName,
            String state, String jobId) {
        String awaited = "entitlement of " + serviceName + "/" + planName + " to subaccount " + subaccountId;
        return LongRunningOperation.<AssignmentInfo>builder(awaited, poller).resourceId(subaccountId)
                .operationId(jobId).state(state).<AssignmentInfo>polling(() -> {
                    Optional<AssignmentInfo> a = findAssignment(subaccountId, serviceName, planName);
                    if (a.isEmpty()) {
                        return PollResponse.inProgress("NOT_ASSIGNED_YET");
                    }
                    EntityState entityState = a.get().entityState().orElse(EntityState.OK);
                    if (entityState.isOk()) {
                        return PollResponse.succeeded(entityState.value(), a.get());
                    }
                    if (entityState.isFailed()) {
                        return PollResponse.<AssignmentInfo>builder(PollStatus.FAILED).state(entityState.value())
                                .description(a.get().stateMessage().orElse(null)).resourceId(subaccountId).build();
                    }
                    return PollResponse.inProgress(entityState.value());
                }, assignment -> Optional.ofNullable(assignment).orElseThrow());
    }

    /**
     * The wait for the plan to be no longer assigned to the subaccount (or assigned with amount 0).
     *
     * @param state the state in words before the first poll
     * @param jobId the job id, or {@code null}
     */
    LongRunningOperation<Void> removal(String subaccountId, String serviceName, String planName, String state,
            String jobId) {
        return LongRunningOperation.<Void>builder(removalOf(subaccountId, serviceName, planName), poller)
                .resourceId(subaccountId).operationId(jobId).state(state).<Boolean>polling(() -> {
                    Optional<AssignmentInfo> a = findAssignment(subaccountId, serviceName, planName);
                    if (a.isEmpty()) {
                        return PollResponse.succeeded("REMOVED", Boolean.TRUE);
                    }
                    EntityState entityState = a.get().entityState().orElse(EntityState.OK);
                    if (entityState.isFailed()) {
                        return PollResponse.<Boolean>builder(PollStatus.FAILED).state(entityState.value())
                                .description(a.get().stateMessage().orElse(null)).resourceId(subaccountId).build();
                    }
                    boolean zero = a.get().amount().map(x -> x == 0).orElse(false);
                    boolean disabled = a.get().amount().isEmpty()
                            && a.get().requestedAmount().map(x -> x == 0).orElse(false);
                    if (entityState.isOk() && (zero || disabled)) {
                        return PollResponse.succeeded("REMOVED", Boolean.TRUE);
                    }
                    return PollResponse.inProgress(entityState.value());
                }, removed -> null);
    }

    private static String removalOf(String subaccountId, String serviceName, String planName) {
        return "removal of " + serviceName + "/" + planName + " from subaccount " + subaccountId;
    }

    static Optional<AssignmentInfo> assignmentIn(EntitlementAssignments a, String subaccountId, String serviceName,
            String planName) {
        // Ignores the GUID's case and looks through every entry of the service and plan.
        return a.assignment(serviceName, planName, subaccountId);
    }

    private Optional<String> put(String subaccountId, String serviceName, String planName,
            SubaccountAssignment assignment, String verb) {
        requireText("subaccountId", subaccountId);
        EntitlementAssignmentRequest body = EntitlementAssignmentRequest.of(serviceName, planName, assignment);
        TransportResponse r = wire.send(TransportRequest.put(wire.uri("/entitlements/v1/subaccountServicePlans"))
                .jsonBody(body)
                .operation(verb + " " + serviceName + "/" + planName + " to subaccount " + subaccountId).build());
        String text = r.bodyAsString().trim();
        if (text.startsWith("{")) {
            var json = r.json();
            String id = json.path("jobStatusId").asText(json.path("id").asText(""));
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        }
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is " + (value == null ? "missing" : "blank"), "a non-blank value");
        }
    }

    /**
     * The Entitlements service URL this client calls.
     *
     * @return the {@code entitlements_service_url}
     */
    public URI endpoint() {
        return wire.base();
    }

    /**
     * Releases the HTTP resources, and the token provider when this client created it.
     */
    @Override
    public void close() {
        connection.close();
    }

    /**
     * Describes the client by its endpoint, never its credentials.
     *
     * @return e.g. {@code EntitlementsClient{https://entitlements-service...}}
     */
    @Override
    public String toString() {
        return "EntitlementsClient{" + wire.base() + "}";
    }

    /**
     * Builds an {@link EntitlementsClient}. {@link #credentials(CisKey)} is required, or a
     * {@link #tokenProvider(TokenProvider)} with an {@link #endpoint(URI)}. Not thread-safe.
     */
    public static final class Builder extends AdminClientBuilder<Builder, CisKey> {

        private Builder() {
        }

        /**
         * Sets the Cloud Management key (plan {@code central}): its {@code entitlements_service_url} is
         * called and its OAuth client fetches the tokens.
         *
         * @param key the key
         * @return this builder
         */
        public Builder credentials(CisKey key) {
            return key(key);
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException if neither credentials nor a token provider with an endpoint is set
         */
        public EntitlementsClient build() {
            requireCredentials("a Cloud Management key of plan central");
            return new EntitlementsClient(this);
        }
    }
}
