package io.calmsdk.btp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.auth.TokenProvider;
import io.calmsdk.auth.internal.BearerAuthenticator;
import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.btp.internal.Wire;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.internal.http.RetryAfter;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.LabelChange;
import io.calmsdk.core.model.Labels;
import io.calmsdk.core.model.Operation;
import io.calmsdk.core.model.ServiceBinding;
import io.calmsdk.core.model.ServiceInstance;
import io.calmsdk.core.model.ServiceManagerKey;
import io.calmsdk.core.model.ServiceOffering;
import io.calmsdk.core.model.ServicePlan;
import io.calmsdk.core.paging.Page;
import io.calmsdk.core.paging.PagedIterable;
import io.calmsdk.core.internal.polling.PollListener;
import io.calmsdk.core.internal.polling.PollResponse;
import io.calmsdk.core.internal.polling.PollResult;
import io.calmsdk.core.internal.polling.Poller;
import io.calmsdk.core.PollingOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SAP Service Manager API of one subaccount ({@code sm_url} of a {@code subaccount-admin} key):
 * offerings and plans, service instances and bindings, and their asynchronous operations.
 *
 * <pre>{@code
 * try (ServiceManagerClient sm = ServiceManagerClient.builder().credentials(smKey).build()) {
 *     ServicePlan plan = sm.findPlan(sm.findOffering("SAPCloudALMAPIs").orElseThrow().id(), "standard").orElseThrow();
 *     for (ServiceInstance i : sm.listInstances(ListQuery.builder().field("name", "calm-api").build())) { ... }
 * }
 * }</pre>
 *
 * <p>Writes are asynchronous on the service side: {@code begin...} methods return what the service
 * answered (done at once, or accepted with an operation to poll) and never wait; the methods without
 * {@code begin} wait for the operation through the core {@link Poller}, with the client's
 * {@link PollingOptions}. Creates are never sent twice by this client: a create whose answer was lost
 * throws, and the caller must look the resource up by name before trying again (as
 * {@link CloudAlmProvisioner} does).
 *
 * <p>Tokens come from a {@link TokenProvider} (one fetch shared by all calls and threads). Instances
 * are immutable and thread-safe; close the client to release its HTTP resources.
 */
public final class ServiceManagerClient implements AutoCloseable {

    static final String INSTANCES = "service_instances";
    static final String BINDINGS = "service_bindings";
    private static final Pattern LOCATION = Pattern.compile(".*/v1/(service_instances|service_bindings)/([^/?#]+)(/operations/[^/?#]+)?.*");

    private final Wire wire;
    private final HttpTransport transport;
    private final TokenProvider tokenProvider;
    private final boolean ownsTokenProvider;
    private final Poller poller;
    private final Clock clock;

    private ServiceManagerClient(Builder b) {
        ClientSettings s = b.settings;
        if (b.tokenProvider != null) {
            this.tokenProvider = b.tokenProvider;
            this.ownsTokenProvider = false;
        } else {
            this.tokenProvider = s.tokenProvider().credentials(b.key).build();
            this.ownsTokenProvider = true;
        }
        this.transport = s.transport(BearerAuthenticator.of(tokenProvider), "service-manager");
        this.wire = new Wire(transport, b.endpoint != null ? b.endpoint : b.key.smUrl());
        this.clock = s.clock();
        this.poller = Poller.builder().clock(s.clock()).sleeper(s.sleeper()).options(s.pollingOptions()).build();
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
     * A client with default settings for a Service Manager key.
     *
     * @param key the {@code subaccount-admin} key (client secret or X.509)
     * @return the client
     */
    public static ServiceManagerClient create(ServiceManagerKey key) {
        return builder().credentials(key).build();
    }

    /**
     * The Service Manager URL this client calls.
     *
     * @return the {@code sm_url}
     */
    public URI endpoint() {
        return wire.base();
    }

    // ---------------------------------------------------------------- catalog

    /**
     * Lists service offerings.
     *
     * @param query the filters, e.g. {@code field("catalog_name", "SAPCloudALMAPIs")}
     * @return the offerings, fetched page by page as iterated
     */
    public PagedIterable<ServiceOffering> listOfferings(ListQuery query) {
        return list("service_offerings", query, ServiceOffering.class, "list service offerings");
    }

    /**
     * Finds the offering with a technical (catalog) name.
     *
     * @param catalogName e.g. {@code SAPCloudALMAPIs}
     * @return the offering, empty when the subaccount does not see it (not entitled)
     */
    public Optional<ServiceOffering> findOffering(String catalogName) {
        requireText("catalogName", catalogName);
        return listOfferings(ListQuery.builder().field("catalog_name", catalogName).build()).stream().findFirst();
    }

    /**
     * Lists service plans.
     *
     * @param query the filters, e.g. {@code field("service_offering_id", id)}
     * @return the plans, fetched page by page as iterated
     */
    public PagedIterable<ServicePlan> listPlans(ListQuery query) {
        return list("service_plans", query, ServicePlan.class, "list service plans");
    }

    /**
     * Finds a plan of an offering by one of its catalog names, trying the names in order.
     *
     * @param offeringId the offering's id
     * @param catalogNames e.g. {@code "standard", "sap-cloud-alm-api"}
     * @return the first plan found, empty when none is visible
     */
    public Optional<ServicePlan> findPlan(String offeringId, String... catalogNames) {
        requireText("offeringId", offeringId);
        if (catalogNames.length == 0) {
            throw new ValidationException("catalogNames", "is empty", "at least one plan name");
        }
        StringBuilder in = new StringBuilder("catalog_name in (");
        for (int i = 0; i < catalogNames.length; i++) {
            in.append(i == 0 ? "" : ",").append(ListQuery.literal(catalogNames[i]));
        }
        List<ServicePlan> plans = listPlans(ListQuery.builder().field("service_offering_id", offeringId)
                .fieldExpression(in.append(')').toString()).build()).stream().toList();
        for (String name : catalogNames) {
            for (ServicePlan p : plans) {
                if (name.equals(p.catalogName().orElse(p.name()))) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- instances

    /**
     * Lists service instances.
     *
     * @param query field and label filters, e.g. {@code field("name", "calm-api")}
     * @return the instances, fetched page by page as iterated
     */
    public PagedIterable<ServiceInstance> listInstances(ListQuery query) {
        return list(INSTANCES, query, ServiceInstance.class, "list service instances");
    }

    /**
     * Reads an instance.
     *
     * @param id the instance id
     * @return the instance, empty when it does not exist (or, during its create, not yet)
     */
    public Optional<ServiceInstance> getInstance(String id) {
        return getResource(INSTANCES, id, ServiceInstance.class, "get service instance " + id);
    }

    /**
     * Reads the parameters an instance was created or last updated with, for offerings that are
     * {@code instances_retrievable}.
     *
     * @param id the instance id
     * @return the parameters, empty when the service does not offer them (or the instance is gone)
     */
    public Optional<Map<String, Object>> getInstanceParameters(String id) {
        return instanceParameters(id).map(n -> Json.mapper().convertValue(n,
                Json.mapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
    }

    Optional<JsonNode> instanceParameters(String id) {
        requireText("id", id);
        TransportResponse r = wire.send(TransportRequest.get(wire.uri("/v1/service_instances/" + id + "/parameters"))
                .accept(400, 404, 405, 409, 501)
                .operation("get parameters of service instance " + id).build());
        if (r.status() != 200) {
            return Optional.empty();
        }
        JsonNode body = r.json();
        return body.isObject() ? Optional.of(body) : Optional.empty();
    }

    /**
     * Sends the create of an instance and returns at once with the service's answer.
     *
     * @param name the instance name
     * @param planId the service plan id
     * @param parameters the broker parameters, e.g. {@code {"xs-security": {...}}}; may be empty
     * @param labels the labels to set
     * @return the answer: done, or accepted with an operation to poll
     * @throws io.calmsdk.core.exception.ConflictException (409) if an instance of that name exists
     * @throws io.calmsdk.core.exception.CalmException if the call fails; a lost answer is not retried
     */
    public PendingOperation beginCreateInstance(String name, String planId, Map<String, ?> parameters, Labels labels) {
        return submitCreateInstance(name, planId, Json.mapper().valueToTree(parameters), labels);
    }

    PendingOperation submitCreateInstance(String name, String planId, JsonNode parameters, Labels labels) {
        requireText("name", name);
        requireText("planId", planId);
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("service_plan_id", planId);
        if (parameters != null && parameters.size() > 0) {
            body.set("parameters", parameters);
        }
        if (labels != null && !labels.isEmpty()) {
            body.set("labels", Json.mapper().valueToTree(labels.asMap()));
        }
        String what = "create service instance " + name;
        TransportResponse r = wire.send(TransportRequest.post(wire.uri("/v1/service_instances"))
                .query("async", "true").jsonBody(body).operation(what).build());
        return pending(what, INSTANCES, r);
    }

    /**
     * Creates an instance and waits for the operation to finish.
     *
     * @param name the instance name
     * @param planId the service plan id
     * @param parameters the broker parameters; may be empty
     * @param labels the labels to set
     * @return the instance as it is after the create
     * @throws io.calmsdk.core.exception.OperationFailedException if the broker failed the create
     * @throws io.calmsdk.core.exception.PollingTimeoutException if it did not finish in time
     */
    public ServiceInstance createInstance(String name, String planId, Map<String, ?> parameters, Labels labels) {
        PendingOperation op = beginCreateInstance(name, planId, parameters, labels);
        awaitOperation(op);
        return op.resourceId().flatMap(this::getInstance).orElseThrow(() -> new CalmClientException(
                "create service instance " + name + " succeeded but the instance cannot be read back"));
    }

    /**
     * Sends an update of an instance's parameters and labels and returns at once.
     *
     * @param id the instance id
     * @param parameters the new parameters, or {@code null} to leave them
     * @param labelChanges label operations, possibly empty
     * @return the answer: done, or accepted with an operation to poll
     * @throws io.calmsdk.core.exception.ConcurrentOperationException (422) if another operation runs
     */
    public PendingOperation beginUpdateInstance(String id, Map<String, ?> parameters, List<LabelChange> labelChanges) {
        return submitUpdateInstance(id, parameters == null ? null : Json.mapper().valueToTree(parameters),
                labelChanges);
    }

    PendingOperation submitUpdateInstance(String id, JsonNode parameters, List<LabelChange> labelChanges) {
        requireText("id", id);
        ObjectNode body = Json.mapper().createObjectNode();
        if (parameters != null) {
            body.set("parameters", parameters);
        }
        if (labelChanges != null && !labelChanges.isEmpty()) {
            body.set("labels", Json.mapper().valueToTree(labelChanges));
        }
        String what = "update service instance " + id;
        TransportResponse r = wire.send(TransportRequest.patch(wire.uri("/v1/service_instances/" + id))
                .query("async", "true").jsonBody(body).operation(what).build());
        return pending(what, INSTANCES, r, id);
    }

    /**
     * Updates an instance and waits for the operation to finish.
     *
     * @param id the instance id
     * @param parameters the new parameters, or {@code null} to leave them
     * @param labelChanges label operations, possibly empty
     * @return the instance as it is after the update
     */
    public ServiceInstance updateInstance(String id, Map<String, ?> parameters, List<LabelChange> labelChanges) {
        awaitOperation(beginUpdateInstance(id, parameters, labelChanges));
        return getInstance(id).orElseThrow(() -> new CalmClientException(
                "update service instance " + id + " succeeded but the instance cannot be read back"));
    }

    /**
     * Sends the delete of an instance and returns at once. An instance that does not exist counts as
     * deleted.
     *
     * @param id the instance id
     * @return the answer: done, or accepted with an operation to poll
     * @throws io.calmsdk.core.exception.ConflictException (409) while bindings exist
     */
    public PendingOperation beginDeleteInstance(String id) {
        requireText("id", id);
        String what = "delete service instance " + id;
        TransportResponse r = wire.send(TransportRequest.delete(wire.uri("/v1/service_instances/" + id))
                .query("async", "true").accept(404, 410).operation(what).build());
        return pending(what, INSTANCES, r, id);
    }

    /**
     * Deletes an instance and waits until it is gone; an absent instance counts as deleted.
     *
     * @param id the instance id
     */
    public void deleteInstance(String id) {
        awaitOperation(beginDeleteInstance(id));
    }

    // ---------------------------------------------------------------- bindings

    /**
     * Lists service bindings.
     *
     * @param query field and label filters, e.g. {@code field("service_instance_id", id)}
     * @return the bindings, fetched page by page as iterated
     */
    public PagedIterable<ServiceBinding> listBindings(ListQuery query) {
        return list(BINDINGS, query, ServiceBinding.class, "list service bindings");
    }

    /**
     * Reads a binding with its credentials.
     *
     * @param id the binding id
     * @return the binding, empty when it does not exist
     */
    public Optional<ServiceBinding> getBinding(String id) {
        return getResource(BINDINGS, id, ServiceBinding.class, "get service binding " + id);
    }

    /**
     * Sends the create of a binding and returns at once.
     *
     * @param instanceId the instance to bind to
     * @param name the binding name
     * @param parameters binding parameters (e.g. X.509 validity); may be empty
     * @param labels the labels to set
     * @return the answer: done, or accepted with an operation to poll
     * @throws io.calmsdk.core.exception.ConflictException (409) if a binding of that name exists
     */
    public PendingOperation beginCreateBinding(String instanceId, String name, Map<String, ?> parameters,
            Labels labels) {
        return submitCreateBinding(instanceId, name, Json.mapper().<JsonNode>valueToTree(parameters), labels);
    }

    PendingOperation submitCreateBinding(String instanceId, String name, JsonNode parameters, Labels labels) {
        requireText("instanceId", instanceId);
        requireText("name", name);
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("service_instance_id", instanceId);
        if (parameters != null && parameters.size() > 0) {
            body.set("parameters", parameters);
        }
        if (labels != null && !labels.isEmpty()) {
            body.set("labels", Json.mapper().valueToTree(labels.asMap()));
        }
        String what = "create service binding " + name;
        TransportResponse r = wire.send(TransportRequest.post(wire.uri("/v1/service_bindings"))
                .query("async", "true").jsonBody(body).operation(what).build());
        return pending(what, BINDINGS, r);
    }

    /**
     * Creates a binding, waits for it, and reads it back with its credentials.
     *
     * @param instanceId the instance to bind to
     * @param name the binding name
     * @param parameters binding parameters; may be empty
     * @param labels the labels to set
     * @return the binding with credentials
     */
    public ServiceBinding createBinding(String instanceId, String name, Map<String, ?> parameters, Labels labels) {
        PendingOperation op = beginCreateBinding(instanceId, name, parameters, labels);
        awaitOperation(op);
        return op.resourceId().flatMap(this::getBinding).orElseThrow(() -> new CalmClientException(
                "create service binding " + name + " succeeded but the binding cannot be read back"));
    }

    /**
     * Sends the delete of a binding and returns at once; an absent binding counts as deleted.
     *
     * @param id the binding id
     * @return the answer: done, or accepted with an operation to poll
     */
    public PendingOperation beginDeleteBinding(String id) {
        requireText("id", id);
        String what = "delete service binding " + id;
        TransportResponse r = wire.send(TransportRequest.delete(wire.uri("/v1/service_bindings/" + id))
                .query("async", "true").accept(404, 410).operation(what).build());
        return pending(what, BINDINGS, r, id);
    }

    /**
     * Deletes a binding and waits until it is gone; an absent binding counts as deleted.
     *
     * @param id the binding id
     */
    public void deleteBinding(String id) {
        awaitOperation(beginDeleteBinding(id));
    }

    // ---------------------------------------------------------------- operations

    /**
     * Reads an operation.
     *
     * @param operationUrl the operation's URL, as in a {@code Location} header
     * @return the operation, empty when the service no longer knows it
     */
    public Optional<Operation> getOperation(URI operationUrl) {
        TransportResponse r = readOperation(operationUrl, "get operation");
        return r.status() == 200 ? Optional.of(r.json(Operation.class)) : Optional.empty();
    }

    /**
     * Reads an operation of an instance or binding.
     *
     * @param resourceType {@code service_instances} or {@code service_bindings}
     * @param resourceId the resource id
     * @param operationId the operation id
     * @return the operation, empty when the service no longer knows it
     */
    public Optional<Operation> getOperation(String resourceType, String resourceId, String operationId) {
        return getOperation(operationUrl(resourceType, resourceId, operationId));
    }

    /**
     * Waits for a pending operation with the client's polling options.
     *
     * @param pending what a {@code begin...} method returned
     * @return the final operation, empty when the answer was synchronous or the operation was a delete
     *     that is gone
     * @throws io.calmsdk.core.exception.OperationFailedException if it failed, with the broker's description
     * @throws io.calmsdk.core.exception.PollingTimeoutException if it is still running at the timeout
     */
    public Optional<Operation> awaitOperation(PendingOperation pending) {
        return awaitOperation(pending, poller.options().timeout(), null);
    }

    /**
     * Waits for a pending operation.
     *
     * @param pending what a {@code begin...} method returned
     * @param timeout the longest wait
     * @param listener hears about every poll, may be {@code null}
     * @return the final operation, empty when the answer was synchronous or a deleted resource's
     *     operation is gone
     * @throws io.calmsdk.core.exception.OperationFailedException if it failed, with the broker's description
     * @throws io.calmsdk.core.exception.PollingTimeoutException if it is still running at the timeout
     */
    public Optional<Operation> awaitOperation(PendingOperation pending, Duration timeout, PollListener listener) {
        Objects.requireNonNull(pending, "pending");
        if (pending.isDone()) {
            return Optional.empty();
        }
        URI url = pending.operationUrl().orElseThrow();
        boolean delete = pending.description().startsWith("delete");
        PollResult<Operation> result = poller(timeout, listener).poll(pending.description(), () -> {
            TransportResponse r = readOperation(url, pending.description());
            if (r.status() != 200) {
                // A delete whose resource (and with it the operation) is gone is done; for anything else the
                // operation may not be readable yet.
                return delete ? PollResponse.succeeded("gone", null) : PollResponse.<Operation>inProgress("not found yet");
            }
            Operation op = r.json(Operation.class);
            Duration retryAfter = RetryAfter.parse(r.headers(), clock).orElse(null);
            if (op.isSucceeded()) {
                return PollResponse.succeeded(op.state().value(), op);
            }
            if (op.isFailed()) {
                return PollResponse.<Operation>builder(io.calmsdk.core.internal.polling.PollStatus.FAILED)
                        .state(op.state().value()).description(op.errorSummary())
                        .resourceId(op.resourceId().orElse(pending.resourceId().orElse(null))).build();
            }
            return PollResponse.<Operation>inProgress(op.state().value()).withRetryAfter(retryAfter);
        });
        return result.value();
    }

    Poller poller(Duration timeout, PollListener listener) {
        PollingOptions options = poller.options().toBuilder().timeout(timeout).build();
        return poller.toBuilder().options(options).listener(listener).build();
    }

    PollingOptions pollingOptions() {
        return poller.options();
    }

    Clock clock() {
        return clock;
    }

    URI operationUrl(String resourceType, String resourceId, String operationId) {
        requireText("resourceId", resourceId);
        requireText("operationId", operationId);
        return wire.uri("/v1/" + resourceType + "/" + resourceId + "/operations/" + operationId);
    }

    TokenProvider tokenProvider() {
        return tokenProvider;
    }

    /**
     * Releases the HTTP resources, and the token provider when this client created it.
     */
    @Override
    public void close() {
        transport.close();
        if (ownsTokenProvider && tokenProvider instanceof AutoCloseable) {
            try {
                ((AutoCloseable) tokenProvider).close();
            } catch (Exception e) {
                throw new CalmClientException("closing the Service Manager token provider failed", e);
            }
        }
    }

    /**
     * Describes the client by its endpoint, never its credentials.
     *
     * @return e.g. {@code ServiceManagerClient{https://service-manager.cfapps...}}
     */
    @Override
    public String toString() {
        return "ServiceManagerClient{" + wire.base() + "}";
    }

    // ---------------------------------------------------------------- plumbing

    private TransportResponse readOperation(URI url, String what) {
        return wire.send(TransportRequest.get(url).accept(404, 410).operation("poll " + what).build());
    }

    private <T> Optional<T> getResource(String type, String id, Class<T> modelType, String what) {
        requireText("id", id);
        TransportResponse r = wire.send(TransportRequest.get(wire.uri("/v1/" + type + "/" + id))
                .accept(404, 410).operation(what).build());
        return r.status() == 200 ? Optional.of(r.json(modelType)) : Optional.empty();
    }

    private <T> PagedIterable<T> list(String type, ListQuery query, Class<T> modelType, String what) {
        Objects.requireNonNull(query, "query");
        return PagedIterable.of(token -> {
            TransportRequest.Builder rb = TransportRequest.get(wire.uri("/v1/" + type)).operation(what);
            query.fieldQuery().ifPresent(q -> rb.query("fieldQuery", q));
            query.labelQuery().ifPresent(q -> rb.query("labelQuery", q));
            if (query.maxItems() > 0) {
                rb.query("max_items", Integer.toString(query.maxItems()));
            }
            token.ifPresent(t -> rb.query("token", t));
            JsonNode body = wire.send(rb.build()).json();
            List<T> items = new ArrayList<>();
            for (JsonNode item : body.path("items")) {
                items.add(Json.mapper().convertValue(item, modelType));
            }
            String next = body.path("token").asText("");
            Long total = body.has("num_items") ? body.get("num_items").asLong() : null;
            return Page.of(items, next.isEmpty() ? null : next, total);
        });
    }

    private PendingOperation pending(String what, String type, TransportResponse r) {
        return pending(what, type, r, null);
    }

    private PendingOperation pending(String what, String type, TransportResponse r, String knownId) {
        Optional<String> location = r.header("Location");
        String id = knownId;
        URI operation = null;
        if (location.isPresent()) {
            Matcher m = LOCATION.matcher(location.get());
            if (m.matches()) {
                id = id == null ? m.group(2) : id;
                if (m.group(3) != null) {
                    operation = wire.uri(location.get());
                }
            }
        }
        if (id == null && r.status() != 204) {
            JsonNode body = r.json();
            if (body.hasNonNull("id")) {
                id = body.get("id").asText();
            }
        }
        if (r.status() == 202 && operation == null) {
            throw new CalmClientException(what + ": the service accepted the request (HTTP 202) but sent no"
                    + " operation Location to follow [correlation id " + r.correlationId() + "]");
        }
        return new PendingOperation(what, type, id, operation, r.status());
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is " + (value == null ? "missing" : "blank"), "a non-blank value");
        }
    }

    /**
     * Builds a {@link ServiceManagerClient}. Either {@link #credentials(ServiceManagerKey)} or
     * {@link #tokenProvider(TokenProvider)} with {@link #endpoint(URI)} is required. Not thread-safe.
     */
    public static final class Builder {
        private ClientSettings settings = new ClientSettings();
        private ServiceManagerKey key;
        private TokenProvider tokenProvider;
        private URI endpoint;

        private Builder() {
        }

        /**
         * Sets the Service Manager key ({@code subaccount-admin} plan; client secret or X.509): its
         * {@code sm_url} is called and its OAuth client fetches the tokens.
         *
         * @param key the key
         * @return this builder
         */
        public Builder credentials(ServiceManagerKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Sets the token provider to use instead of one built from the key, e.g. to share one token
         * between clients of the same key.
         *
         * @param tokenProvider the provider; the client does not close it
         * @return this builder
         */
        public Builder tokenProvider(TokenProvider tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
            return this;
        }

        /**
         * Sets the Service Manager URL; default the key's {@code sm_url}.
         *
         * @param endpoint the URL
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * Sets the timeouts, retries, HTTP client, user agent, clock, sleeper and request listeners, shared
         * with the token provider this client builds. Default {@link ClientOptions#defaults()}.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            this.settings = settings.withOptions(Objects.requireNonNull(options, "options"));
            return this;
        }

        Builder settings(ClientSettings shared) {
            this.settings = shared.copy();
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException if neither credentials nor a token provider with an endpoint is set
         */
        public ServiceManagerClient build() {
            if (key == null && (tokenProvider == null || endpoint == null)) {
                throw new IllegalStateException("credentials (a Service Manager key) are required, or a tokenProvider"
                        + " together with an endpoint");
            }
            return new ServiceManagerClient(this);
        }
    }
}
