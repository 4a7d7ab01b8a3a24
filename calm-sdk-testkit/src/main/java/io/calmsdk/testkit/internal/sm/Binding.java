package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A simulated service binding. Mutable; guarded by the world lock. */
public final class Binding {

    final String id;
    final String instanceId;
    final String subaccountId;
    final Instant createdAt;
    final String name;
    Map<String, List<String>> labels = new LinkedHashMap<>();
    ObjectNode parameters;
    ObjectNode credentials;
    Credentials.Material material;
    Instant updatedAt;
    boolean ready;
    boolean creating;
    Operation lastOperation;

    Binding(String id, String name, String instanceId, String subaccountId, Instant now) {
        this.id = id;
        this.name = name;
        this.instanceId = instanceId;
        this.subaccountId = subaccountId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the instance */
    public String instanceId() {
        return instanceId;
    }

    /** @return the subaccount */
    public String subaccountId() {
        return subaccountId;
    }

    /** @return labels */
    public Map<String, List<String>> labels() {
        return labels;
    }

    /** @return credentials once ready, else null */
    public ObjectNode credentials() {
        return ready ? credentials : null;
    }

    /** @return whether the create finished successfully */
    public boolean ready() {
        return ready;
    }

    /** @return the last operation */
    public Operation lastOperation() {
        return lastOperation;
    }
}
