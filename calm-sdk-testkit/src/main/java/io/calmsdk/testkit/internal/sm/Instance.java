package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A simulated service instance. Mutable; guarded by the world lock. */
public final class Instance {

    final String id;
    final String subaccountId;
    final String platformId;
    final Instant createdAt;
    final Catalog.Plan initialPlan;
    String name;
    Catalog.Plan plan;
    Map<String, List<String>> labels = new LinkedHashMap<>();
    ObjectNode parameters;
    XsSecurity xs;
    Instant updatedAt;
    boolean ready;
    boolean usable;
    boolean creating;
    boolean deleted;
    Operation lastOperation;
    String cloneXsappname;
    String clientId;

    Instance(String id, String subaccountId, String platformId, Catalog.Plan plan, Instant now) {
        this.id = id;
        this.subaccountId = subaccountId;
        this.platformId = platformId;
        this.initialPlan = plan;
        this.plan = plan;
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

    /** @return the subaccount */
    public String subaccountId() {
        return subaccountId;
    }

    /** @return the plan */
    public Catalog.Plan plan() {
        return plan;
    }

    /** @return labels */
    public Map<String, List<String>> labels() {
        return labels;
    }

    /** @return applied parameters, or null */
    public ObjectNode parameters() {
        return parameters;
    }

    /** @return whether the create finished successfully */
    public boolean ready() {
        return ready;
    }

    /** @return whether a create is still running */
    public boolean creating() {
        return creating;
    }

    /** @return the last operation */
    public Operation lastOperation() {
        return lastOperation;
    }

    /** @return the platform id */
    public String platformId() {
        return platformId;
    }

    /** @return the OAuth client id, or null for non-Cloud ALM instances */
    public String clientId() {
        return clientId;
    }

    /** @return the normalised xs-security, or null */
    public XsSecurity xs() {
        return xs;
    }
}
