package io.calmsdk.testkit;

/**
 * The category of a service plan in the Entitlements API. It decides how a plan is assigned: numeric
 * quota plans take an {@code amount}, the others take {@code enable: true}, never both.
 */
public enum PlanCategory {
    /** A service with a numeric quota: assigned with {@code amount}. */
    SERVICE(true),
    /** An application with a numeric quota: assigned with {@code amount}. */
    QUOTA_BASED_APPLICATION(true),
    /** An elastic service: assigned with {@code enable}. */
    ELASTIC_SERVICE(false),
    /** An elastic service with a limit: assigned with {@code enable}. */
    ELASTIC_LIMITED(false),
    /** An application (subscription): assigned with {@code enable}. */
    APPLICATION(false);

    private final boolean amountBased;

    PlanCategory(boolean amountBased) {
        this.amountBased = amountBased;
    }

    /**
     * Whether plans of this category are assigned with {@code amount} rather than {@code enable}.
     *
     * @return true for numeric quota categories
     */
    public boolean amountBased() {
        return amountBased;
    }
}
