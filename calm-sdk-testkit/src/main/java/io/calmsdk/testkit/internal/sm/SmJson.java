package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.World;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Renders Service Manager resources as the real API does. */
final class SmJson {

    private SmJson() {
    }

    static ObjectNode operation(Operation op) {
        ObjectNode node = JsonSupport.object();
        node.put("id", op.id);
        node.put("ready", true);
        node.put("type", op.type());
        node.put("state", op.state);
        node.put("resource_id", op.resourceId);
        node.put("resource_type", op.resourceType);
        node.put("platform_id", "service-manager");
        node.put("correlation_id", op.correlationId);
        node.put("reschedule", false);
        node.put("deletion_scheduled", "0001-01-01T00:00:00Z");
        node.put("description", description(op));
        if (Operation.FAILED.equals(op.state)) {
            ObjectNode error = node.putArray("errors").addObject();
            error.put("error", op.failureCode);
            error.put("description", op.failure);
        }
        node.put("created_at", JsonSupport.time(op.createdAt));
        node.put("updated_at", JsonSupport.time(op.updatedAt));
        return node;
    }

    private static String description(Operation op) {
        String what = op.resourceType.endsWith("service_instances") ? "service instance" : "service binding";
        switch (op.state) {
            case Operation.SUCCEEDED:
                return "Operation " + op.type() + " of the " + what + " succeeded";
            case Operation.FAILED:
                return "Operation " + op.type() + " of the " + what + " failed";
            default:
                return "Operation " + op.type() + " of the " + what + " is in progress";
        }
    }

    static ObjectNode instance(World world, Instance i, String subdomain) {
        ObjectNode node = JsonSupport.object();
        node.put("id", i.id);
        node.put("ready", i.ready);
        node.put("name", i.name);
        node.put("service_plan_id", i.plan.id());
        node.put("platform_id", i.platformId);
        ObjectNode context = node.putObject("context");
        context.put("platform", "sapcp");
        context.put("env_type", "sapcp");
        context.put("origin", "sapcp");
        context.put("global_account_id", world.globalAccountId());
        context.put("subaccount_id", i.subaccountId);
        context.put("zone_id", i.subaccountId);
        context.put("subdomain", subdomain);
        context.put("region", "cf-eu10");
        context.put("instance_name", i.name);
        context.put("license_type", "CUSTOMER");
        node.set("maintenance_info", JsonSupport.object());
        node.put("usable", i.usable);
        node.put("shared", false);
        node.put("subaccount_id", i.subaccountId);
        node.set("labels", labels(i.labels));
        node.put("created_at", JsonSupport.time(i.createdAt));
        node.put("updated_at", JsonSupport.time(i.updatedAt));
        if (i.lastOperation != null) {
            node.set("last_operation", operation(i.lastOperation));
        }
        return node;
    }

    static ObjectNode binding(World world, Binding b, String subdomain) {
        ObjectNode node = JsonSupport.object();
        node.put("id", b.id);
        node.put("ready", b.ready);
        node.put("name", b.name);
        node.put("service_instance_id", b.instanceId);
        ObjectNode context = node.putObject("context");
        context.put("platform", "sapcp");
        context.put("env_type", "sapcp");
        context.put("global_account_id", world.globalAccountId());
        context.put("subaccount_id", b.subaccountId);
        context.put("zone_id", b.subaccountId);
        context.put("subdomain", subdomain);
        if (b.ready && b.credentials != null) {
            node.set("credentials", b.credentials.deepCopy());
        }
        node.set("bind_resource", JsonSupport.object());
        node.put("subaccount_id", b.subaccountId);
        node.set("labels", labels(b.labels));
        node.put("created_at", JsonSupport.time(b.createdAt));
        node.put("updated_at", JsonSupport.time(b.updatedAt));
        if (b.lastOperation != null) {
            node.set("last_operation", operation(b.lastOperation));
        }
        return node;
    }

    static ObjectNode offering(Catalog.Offering o, Instant created) {
        boolean calm = GlobalAccountPlan.CLOUD_ALM_SERVICE.equals(o.name());
        ObjectNode node = JsonSupport.object();
        node.put("id", o.id());
        node.put("ready", true);
        node.put("name", o.name());
        node.put("description", calm ? "SAP Cloud ALM API" : "Simulated service " + o.name());
        node.put("bindable", true);
        node.put("instances_retrievable", true);
        node.put("bindings_retrievable", true);
        node.put("plan_updateable", false);
        node.put("allow_context_updates", false);
        node.putArray("tags").add(o.name());
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("displayName", calm ? "SAP Cloud ALM API" : o.name());
        node.put("broker_id", o.brokerId());
        node.put("catalog_id", o.id());
        node.put("catalog_name", o.name());
        node.put("created_at", JsonSupport.time(created));
        node.put("updated_at", JsonSupport.time(created));
        node.set("labels", JsonSupport.object());
        return node;
    }

    static ObjectNode plan(Catalog.Plan p, Instant created) {
        ObjectNode node = JsonSupport.object();
        node.put("id", p.id());
        node.put("ready", true);
        node.put("name", p.name());
        node.put("description", "Plan " + p.name() + " of " + p.offering().name());
        node.put("catalog_id", p.id());
        node.put("catalog_name", p.name());
        node.put("free", true);
        node.put("bindable", true);
        node.put("plan_updateable", false);
        node.put("service_offering_id", p.offering().id());
        node.putObject("metadata").put("displayName", p.name());
        node.put("created_at", JsonSupport.time(created));
        node.put("updated_at", JsonSupport.time(created));
        node.set("labels", JsonSupport.object());
        return node;
    }

    static ObjectNode labels(Map<String, List<String>> labels) {
        ObjectNode node = JsonSupport.object();
        labels.forEach((k, values) -> {
            ArrayNode array = node.putArray(k);
            values.forEach(array::add);
        });
        return node;
    }
}
