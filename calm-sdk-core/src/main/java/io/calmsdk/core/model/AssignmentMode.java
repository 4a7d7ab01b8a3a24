package io.calmsdk.core.model;

/**
 * How an entitlement is assigned to a subaccount: with a numeric {@code amount} or with
 * {@code enable: true}, never both. Decided by the plan's {@link PlanCategory}.
 */
public enum AssignmentMode {
    /** Send {@code amount} (plans with a numeric quota). */
    AMOUNT,
    /** Send {@code enable} (elastic and application plans). */
    ENABLE
}
