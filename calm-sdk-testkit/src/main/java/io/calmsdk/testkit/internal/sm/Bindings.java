package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.world.Ids;
import io.calmsdk.testkit.internal.world.Subaccounts;
import io.calmsdk.testkit.internal.world.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service bindings of every subaccount and their life cycle: create and delete, each as an
 * {@link Operation}. A binding of a Cloud ALM instance carries a working key: its secret or certificate
 * becomes a credential of the instance's OAuth client once the create succeeds, and is revoked with the
 * binding. Callers hold the world lock.
 */
final class Bindings {

    private final World world;
    private final Operations operations;
    private final Instances instances;
    private final Map<String, Binding> byId = new LinkedHashMap<>();

    /**
     * Creates the binding store.
     *
     * @param world simulator state
     * @param operations where the bindings' operations run
     * @param instances the instances bindings belong to
     */
    Bindings(World world, Operations operations, Instances instances) {
        this.world = world;
        this.operations = operations;
        this.instances = instances;
    }

    /**
     * What a binding create needs after validation, before (slow) credential material is made.
     *
     * @param instance the instance
     * @param name binding name
     * @param options credential options, or null when the broker refuses
     * @param rejection the broker's refusal, or null
     */
    record BindingPlan(Instance instance, String name, Credentials.Options options, String rejection) {
    }

    BindingPlan plan(String subaccountId, String instanceId, String name, JsonNode parameters, boolean async) {
        if (name == null || name.isBlank()) {
            throw new ApiError(400, "BadRequest", "name is required");
        }
        Instance instance = instances.find(subaccountId, instanceId).filter(i -> !i.deleted)
                .orElseThrow(() -> new ApiError(404, "NotFound", "Service instance " + instanceId + " not found"));
        operations.progress(instance.lastOperation, false);
        if (instance.creating || (instance.lastOperation != null && instance.lastOperation.inProgress())) {
            throw new ApiError(422, "ConcurrentOperation", "An operation is in progress for the service instance "
                    + instanceId);
        }
        if (!instance.ready) {
            throw new ApiError(400, "BadRequest", "The service instance " + instanceId + " is not usable");
        }
        if (byId.values().stream().anyMatch(b -> b.instanceId.equals(instanceId) && b.name.equals(name))) {
            throw new ApiError(409, "Conflict", "A service binding with name '" + name
                    + "' already exists for this instance");
        }
        if (!CatalogView.isCloudAlm(instance.plan)) {
            return new BindingPlan(instance, name, new Credentials.Options("binding-secret", 0, Duration.ZERO), null);
        }
        try {
            return new BindingPlan(instance, name, Credentials.options(parameters, instance.xs, world.now()), null);
        } catch (BrokerRejection e) {
            if (!async) {
                throw new ApiError(400, SmErrors.BROKER_ERROR, "Service broker failed with: " + e.getMessage());
            }
            return new BindingPlan(instance, name, null, e.getMessage());
        }
    }

    Binding create(BindingPlan plan, Credentials.Material material, JsonNode parameters,
                   Map<String, List<String>> labels, boolean async, String correlationId) {
        // The world lock was released while the material was made: check again.
        BindingPlan checked = plan(plan.instance().subaccountId, plan.instance().id, plan.name(), parameters, async);
        Instance instance = checked.instance();
        Binding binding = new Binding(Ids.uuid(), plan.name(), instance.id, instance.subaccountId, world.now());
        binding.labels.putAll(labels);
        binding.parameters = parameters == null || !parameters.isObject() ? null : (ObjectNode) parameters.deepCopy();
        binding.material = material;
        binding.creating = true;
        if (material != null) {
            String zone = world.subaccounts().find(instance.subaccountId).map(Subaccounts.Subaccount::subdomain)
                    .orElse("");
            binding.credentials = CatalogView.isCloudAlm(instance.plan)
                    ? Credentials.cloudAlmKey(world, instance, material, zone)
                    : Credentials.generic(instance);
        }
        byId.put(binding.id, binding);
        Operation op = operations.start(OperationKind.BINDING_CREATE, ServiceManagerBook.BINDINGS, binding.id,
                instance.subaccountId, correlationId, plan.rejection());
        binding.lastOperation = op;
        op.onSuccess = () -> {
            binding.creating = false;
            binding.ready = true;
            binding.updatedAt = world.now();
            if (instance.clientId != null && material != null) {
                world.clients().find(instance.clientId).ifPresent(client -> {
                    if (material.secret() != null) {
                        client.addSecret(binding.id, material.secret());
                    } else {
                        client.addCertificate(binding.id, material.certificate());
                    }
                });
            }
        };
        op.onFailure = () -> {
            binding.creating = false;
            binding.ready = false;
            binding.updatedAt = world.now();
        };
        if (!async) {
            operations.finishSync(op, () -> byId.remove(binding.id));
        }
        return binding;
    }

    Operation delete(Binding binding, boolean async, String correlationId) {
        operations.progress(binding.lastOperation, false);
        if (binding.creating || (binding.lastOperation != null && binding.lastOperation.inProgress())) {
            throw new ApiError(422, "ConcurrentOperation", "Another concurrent operation is in progress for the"
                    + " service binding " + binding.id);
        }
        Operation op = operations.start(OperationKind.BINDING_DELETE, ServiceManagerBook.BINDINGS, binding.id,
                binding.subaccountId, correlationId, null);
        binding.lastOperation = op;
        op.onSuccess = () -> {
            byId.remove(binding.id);
            instances.find(binding.instanceId).filter(i -> i.clientId != null)
                    .flatMap(i -> world.clients().find(i.clientId))
                    .ifPresent(c -> c.revoke(binding.id));
        };
        op.onFailure = () -> binding.updatedAt = world.now();
        if (!async) {
            operations.finishSync(op, () -> { });
        }
        return op;
    }

    /**
     * Looks a binding up in a subaccount.
     *
     * @param subaccountId subaccount
     * @param id binding id
     * @return the binding, or empty when the subaccount has none with that id
     */
    Optional<Binding> find(String subaccountId, String id) {
        Binding b = byId.get(id);
        return b != null && b.subaccountId.equals(subaccountId) ? Optional.of(b) : Optional.empty();
    }

    /**
     * The bindings of a subaccount; looking moves their operations forward, as Service Manager's own list
     * does.
     *
     * @param subaccountId subaccount
     * @return its bindings, oldest first
     */
    List<Binding> list(String subaccountId) {
        List<Binding> result = new ArrayList<>();
        for (Binding b : new ArrayList<>(byId.values())) {
            if (b.subaccountId.equals(subaccountId)) {
                operations.progress(b.lastOperation, false);
                if (byId.containsKey(b.id)) {
                    result.add(b);
                }
            }
        }
        return result;
    }

    /** @return every binding of every subaccount, oldest first */
    List<Binding> all() {
        return new ArrayList<>(byId.values());
    }

    /**
     * Bindings of an instance in any state; an instance with bindings cannot be deleted.
     *
     * @param instanceId instance id
     * @return the count
     */
    long countFor(String instanceId) {
        return byId.values().stream().filter(b -> b.instanceId.equals(instanceId)).count();
    }

    /** Forgets every binding. */
    void reset() {
        byId.clear();
    }
}
