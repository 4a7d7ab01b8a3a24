package io.calmsdk.testkit.internal.cis;

import io.calmsdk.testkit.GlobalAccountPlan;
import java.time.Instant;

/**
 * One subaccount's assignment of one plan, with its pending change. Mutable; guarded by the world lock.
 */
public final class Assignment {

    final String subaccountId;
    final String service;
    final String plan;
    final GlobalAccountPlan.Category category;
    final Instant createdDate;
    int amount;
    boolean enabled;
    int requestedAmount;
    boolean requestedEnabled;
    String state = "OK";
    String stateMessage = "";
    boolean autoAssigned;
    Instant modifiedDate;
    boolean pending;
    boolean removed;
    int observations;
    Instant startedAt;
    boolean stuck;
    String failure;
    int visibilityReadsLeft;
    Instant visibleAt = Instant.MIN;

    Assignment(String subaccountId, String service, String plan, GlobalAccountPlan.Category category, Instant now) {
        this.subaccountId = subaccountId;
        this.service = service;
        this.plan = plan;
        this.category = category;
        this.createdDate = now;
        this.modifiedDate = now;
    }

    /** @return the subaccount */
    public String subaccountId() {
        return subaccountId;
    }

    /** @return the service name */
    public String service() {
        return service;
    }

    /** @return the plan name */
    public String plan() {
        return plan;
    }

    /** @return the effective amount (1 for an enabled plan) */
    public int effectiveAmount() {
        return category.amountBased() ? amount : (enabled ? 1 : 0);
    }

    /** @return the requested amount (1 for a plan requested enabled) */
    public int requestedEffectiveAmount() {
        return category.amountBased() ? requestedAmount : (requestedEnabled ? 1 : 0);
    }

    /** @return the amount that counts against the global quota: requested while pending */
    int reservedAmount() {
        return pending ? Math.max(effectiveAmount(), requestedEffectiveAmount()) : effectiveAmount();
    }

    /** @return the entity state: STARTED, PROCESSING, OK or PROCESSING_FAILED */
    public String state() {
        return state;
    }

    /** @return whether SAP assigned the plan automatically */
    public boolean autoAssigned() {
        return autoAssigned;
    }

    /** @return whether the plan is assigned with an amount */
    public boolean amountBased() {
        return category.amountBased();
    }
}
