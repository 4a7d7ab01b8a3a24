package io.calmsdk.btp;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.auth.TokenProvider;
import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.btp.internal.Wire;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.internal.polling.PollListener;
import io.calmsdk.core.internal.polling.Poller;
import io.calmsdk.core.model.LabelChange;
import io.calmsdk.core.model.Labels;
import io.calmsdk.core.model.Operation;
import io.calmsdk.core.model.ServiceBinding;
import io.calmsdk.core.model.ServiceInstance;
import io.calmsdk.core.model.ServiceManagerKey;
import io.calmsdk.core.model.ServiceOffering;
import io.calmsdk.core.model.ServicePlan;
import io.calmsdk.core.paging.PagedIterable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The SAP Service Manager API of one subaccount ({@code sm_url} of a {@code subaccount-admin} key):
 * offerings and plans, service instances and bindings, and their asynchronous operations.
 *
 * <pre>{@code
 * try (ServiceManagerClient sm = ServiceManagerClient.builder().credentials(smKey).build()) {
 *     ServicePlan plan = sm.findPlan(sm.findOffering("SAPCloudALMAPIs").orElseThrow().id(), "standard").orElseThrow();
 *     ServiceInstance instance = sm.createInstance("calm-api", plan.id(), parameters, Labels.empty())
 *             .waitForCompletion();
 *     for (ServiceInstance i : sm.listInstances(q -> q.field("name", "calm-api"))) { ... }
 * }
 * }</pre>
 *
 * <p>Writes are asynchronous on the service side: {@code create...}, {@code update...} and {@code
 * delete...} send the request and return a {@link LongRunningOperation} at once, complete when the service
 * answered synchronously, else to be {@linkplain LongRunningOperation#waitForCompletion() waited for} (with
 * the {@linkplain ClientOptions#polling() polling options} of the client's options). Creates are never sent
 * twice by this client: a create whose answer was lost throws, and the caller must look the resource up by
 * name before trying again (as {@link CloudAlmProvisioner} does).
 *
 * <p>Tokens come from a {@link TokenProvider} (one fetch shared by all calls and threads). Instances
 * are immutable and thread-safe; close the client to release its HTTP resources.
 */
public final class ServiceManagerClient implements AutoCloseable {

    static final String INSTANCES = ServiceManagerRequests.INSTANCES;
    static final String BINDINGS = ServiceManagerRequests.BINDINGS;

    private final Wire wire;
    private final AdminConnection connection;
    private final ServiceManagerRequests requests;
    private final ServiceManagerOperations operations;

    private ServiceManagerClient(Builder b) {
        ClientSettings s = b.settings;
        this.connection = AdminConnection.open(b, p -> p.credentials(b.key), "service-manager", "Service Manager");
        this.wire = new Wire(connection.transport, b.endpoint != null ? b.endpoint : b.key.smUrl());
        this.requests = new ServiceManagerRequests(wire);
        Poller poller = s.poller();
        this.operations = new ServiceManagerOperations(wire, poller, s.clock());
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

    /**
     * The subaccount the client's credentials belong to, from its token ({@code ext_attr.subaccountid});
     * fetches the token if none is cached, which the next call would do anyway.
     */
    Optional<String> credentialsSubaccountId() {
        return connection.tokenProvider.token().claims().subaccountId();
    }

    // ---------------------------------------------------------------- catalog

    /**
     * Lists service offerings.
     *
     * @param query the filters, e.g. {@code field("catalog_name", "SAPCloudALMAPIs")}
     * @return the offerings, fetched page by page as iterated
     */
    public PagedIterable<ServiceOffering> listOfferings(ListQuery query) {
        return requests.list("service_offerings", query, ServiceOffering.class, "list service offerings");
    }

    /**
     * Lists service offerings, with the filters set on a {@link ListQuery.Builder}.
     *
     * @param query sets the filters, e.g. {@code q -> q.field("catalog_name", "SAPCloudALMAPIs")}
     * @return the offerings, fetched page by page as iterated
     */
    public PagedIterable<ServiceOffering> listOfferings(Consumer<ListQuery.Builder> query) {
        return listOfferings(ListQuery.of(query));
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
        return requests.list("service_plans", query, ServicePlan.class, "list service plans");
    }

    /**
     * Lists service plans, with the filters set on a {@link ListQuery.Builder}.
     *
     * @param query sets the filters, e.g. {@code q -> q.field("service_offering_id", id)}
     * @return the plans, fetched page by page as iterated
     */
    public PagedIterable<ServicePlan> listPlans(Consumer<ListQuery.Builder> query) {
        return listPlans(ListQuery.of(query));
    }

    /**
     * Finds a plan of an offering by one of its catalog names, trying the names in order.
     *
     * @param offeringId the offering's id
     * @param catalogNames e.g. {@code "standard", "sap-cloud-alm-api"}
     * @return the first plan found, empty when none is visible
     */
    public Optional<ServicePlan> findPlan(String offeringId, String... catalogNames) {
        return requests.findPlan(offeringId, catalogNames, this::listPlans);
    }

    // ---------------------------------------------------------------- instances

    /**
     * Lists service instances.
     *
     * @param query field and label filters, e.g. {@code field("name", "calm-api")}
     * @return the instances, fetched page by page as iterated
     */
    public PagedIterable<ServiceInstance> listInstances(ListQuery query) {
        return requests.list(INSTANCES, query, ServiceInstance.class, "list service instances");
    }

    /**
     * Lists service instances, with the filters set on a {@link ListQuery.Builder}.
     *
     * @param query sets the filters, e.g. {@code q -> q.field("name", "calm-api")}
     * @return the instances, fetched page by page as iterated
     */
    public PagedIterable<ServiceInstance> listInstances(Consumer<ListQuery.Builder> query) {
        return listInstances(ListQuery.of(query));
    }

    /**
     * Reads an instance.
     *
     * @param id the instance id
     * @return the instance, empty when it does not exist (or, during its create, not yet)
     */
    public Optional<ServiceInstance> findInstance(String id) {
        return requests.find(INSTANCES, id, ServiceInstance.class, "get service instance " + id);
    }

    /**
     * Reads the parameters an instance was created or last updated with, for offerings that are
     * {@code instances_retrievable}.
     *
     * @param id the instance id
     * @return the parameters, empty when the service does not offer them (or the instance is gone)
     */
    public Optional<Map<String, Object>> findInstanceParameters(String id) {
        return instanceParameters(id).map(n -> Json.mapper().convertValue(n,
                Json.mapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
    }

    Optional<JsonNode> instanceParameters(String id) {
        return requests.instanceParameters(id);
    }

    /**
     * Creates an instance: sends the create and returns at once. Waiting for the operation gives the
     * instance as it is after the create.
     *
     * @param name the instance name
     * @param planId the service plan id
     * @param parameters the broker parameters, e.g. {@code {"xs-security": {...}}}; may be empty
     * @param labels the labels to set
     * @return the operation: complete for a synchronous answer, else in progress
     * @throws io.calmsdk.core.exception.ConflictException (409) if an instance of that name exists
     * @throws io.calmsdk.core.exception.CalmException if the call fails; a lost answer is not retried
     */
    public LongRunningOperation<ServiceInstance> createInstance(String name, String planId, Map<String, ?> parameters,
            Labels labels) {
        return submitCreateInstance(name, planId, Json.mapper().valueToTree(parameters), labels);
    }

    LongRunningOperation<ServiceInstance> submitCreateInstance(String name, String planId, JsonNode parameters,
            Labels labels) {
        String what = "create service instance " + name;
        return operations.fromAnswer(what, requests.createInstance(name, planId, parameters, labels, what), null,
                id -> id.flatMap(this::findInstance).orElseThrow(() -> new CalmClientException(
                        what + " succeeded but the instance cannot be read back")));
    }

    /**
     * Updates an instance's parameters and labels: sends the update and returns at once. Waiting for the
     * operation gives the instance as it is after the update.
     *
     * @param id the instance id
     * @param parameters the new parameters, or {@code null} to leave them
     * @param labelChanges label operations, possibly empty
     * @return the operation: complete for a synchronous answer, else in progress
     * @throws io.calmsdk.core.exception.ConcurrentOperationException (422) if another operation runs
     */
    public LongRunningOperation<ServiceInstance> updateInstance(String id, Map<String, ?> parameters,
            List<LabelChange> labelChanges) {
        return submitUpdateInstance(id, parameters == null ? null : Json.mapper().valueToTree(parameters),
                labelChanges);
    }

    LongRunningOperation<ServiceInstance> submitUpdateInstance(String id, JsonNode parameters,
            List<LabelChange> labelChanges) {
        String what = "update service instance " + id;
        return operations.fromAnswer(what, requests.updateInstance(id, parameters, labelChanges, what), id,
                known -> findInstance(id).orElseThrow(() -> new CalmClientException(
                        what + " succeeded but the instance cannot be read back")));
    }

    /**
     * Deletes an instance: sends the delete and returns at once. An instance that does not exist counts
     * as deleted (the operation is complete at once).
     *
     * @param id the instance id
     * @return the operation: complete for a synchronous answer, else in progress
     * @throws io.calmsdk.core.exception.ConflictException (409) while bindings exist
     */
    public LongRunningOperation<Void> deleteInstance(String id) {
        String what = "delete service instance " + id;
        return operations.fromAnswer(what, requests.delete(INSTANCES, id, what), id, known -> null);
    }

    // ---------------------------------------------------------------- bindings

    /**
     * Lists service bindings.
     *
     * @param query field and label filters, e.g. {@code field("service_instance_id", id)}
     * @return the bindings, fetched page by page as iterated
     */
    public PagedIterable<ServiceBinding> listBindings(ListQuery query) {
        return requests.list(BINDINGS, query, ServiceBinding.class, "list service bindings");
    }

    /**
     * Lists service bindings, with the filters set on a {@link ListQuery.Builder}.
     *
     * @param query sets the filters, e.g. {@code q -> q.field("service_instance_id", id)}
     * @return the bindings, fetched page by page as iterated
     */
    public PagedIterable<ServiceBinding> listBindings(Consumer<ListQuery.Builder> query) {
        return listBindings(ListQuery.of(query));
    }

    /**
     * Reads a binding with its credentials.
     *
     * @param id the binding id
     * @return the binding, empty when it does not exist
     */
    public Optional<ServiceBinding> findBinding(String id) {
        return requests.find(BINDINGS, id, ServiceBinding.class, "get service binding " + id);
    }

    /**
     * Creates a binding: sends the create and returns at once. Waiting for the operation gives the
     * binding with its credentials.
     *
     * @param instanceId the instance to bind to
     * @param name the binding name
     * @param parameters binding parameters (e.g. X.509 validity); may be empty
     * @param labels the labels to set
     * @return the operation: complete for a synchronous answer, else in progress
     * @throws io.calmsdk.core.exception.ConflictException (409) if a binding of that name exists
     */
    public LongRunningOperation<ServiceBinding> createBinding(String instanceId, String name,
            Map<String, ?> parameters, Labels labels) {
        return submitCreateBinding(instanceId, name, Json.mapper().<JsonNode>valueToTree(parameters), labels);
    }

    LongRunningOperation<ServiceBinding> submitCreateBinding(String instanceId, String name, JsonNode parameters,
            Labels labels) {
        String what = "create service binding " + name;
        return operations.fromAnswer(what, requests.createBinding(instanceId, name, parameters, labels, what), null,
                id -> id.flatMap(this::findBinding).orElseThrow(() -> new CalmClientException(
                        what + " succeeded but the binding cannot be read back")));
    }

    /**
     * Deletes a binding: sends the delete and returns at once; an absent binding counts as deleted.
     *
     * @param id the binding id
     * @return the operation: complete for a synchronous answer, else in progress
     */
    public LongRunningOperation<Void> deleteBinding(String id) {
        String what = "delete service binding " + id;
        return operations.fromAnswer(what, requests.delete(BINDINGS, id, what), id, known -> null);
    }

    // ---------------------------------------------------------------- operations

    /**
     * Reads an operation.
     *
     * @param operationUrl the operation's URL, as in a {@code Location} header
     * @return the operation, empty when the service no longer knows it
     */
    public Optional<Operation> findOperation(URI operationUrl) {
        return operations.find(operationUrl);
    }

    /**
     * Reads an operation of an instance or binding.
     *
     * @param resourceType {@code service_instances} or {@code service_bindings}
     * @param resourceId the resource id
     * @param operationId the operation id
     * @return the operation, empty when the service no longer knows it
     */
    public Optional<Operation> findOperation(String resourceType, String resourceId, String operationId) {
        return findOperation(operations.url(resourceType, resourceId, operationId));
    }

    /** A handle on an operation someone else started on an instance or binding. */
    LongRunningOperation<Void> operation(String what, String resourceType, String resourceId, String operationId) {
        return operations.existing(what, resourceType, resourceId, operationId);
    }

    /** The client's poller with another timeout and a listener, for the provisioner's own waits. */
    Poller poller(Duration timeout, PollListener listener) {
        return operations.poller(timeout, listener);
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
     * @return e.g. {@code ServiceManagerClient{https://service-manager.cfapps...}}
     */
    @Override
    public String toString() {
        return "ServiceManagerClient{" + wire.base() + "}";
    }

    static void requireText(String field, String value) {
        ServiceManagerRequests.requireText(field, value);
    }

    /**
     * Builds a {@link ServiceManagerClient}. Either {@link #credentials(ServiceManagerKey)} or
     * {@link #tokenProvider(TokenProvider)} with {@link #endpoint(URI)} is required. Not thread-safe.
     */
    public static final class Builder extends AdminClientBuilder<Builder, ServiceManagerKey> {

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
            return key(key);
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException if neither credentials nor a token provider with an endpoint is set
         */
        public ServiceManagerClient build() {
            requireCredentials("a Service Manager key");
            return new ServiceManagerClient(this);
        }
    }
}
