package io.calmsdk.testkit;

import java.util.Objects;

/**
 * A service plan the simulated global account owns, with its quota. The Service Manager catalog of a
 * subaccount shows exactly the plans of this list that are entitled to it.
 *
 * @param serviceName technical service name, e.g. {@code SAPCloudALMAPIs}
 * @param planName technical plan name, e.g. {@code standard}
 * @param category how the plan is assigned (amount or enable)
 * @param amount global quota for amount-based plans; ignored when {@code unlimited}
 * @param unlimited whether the global account has unlimited quota of the plan
 */
public record GlobalAccountPlan(String serviceName, String planName, Category category, int amount,
                                boolean unlimited) {

    /**
     * The category of a service plan in the Entitlements API. It decides how a plan is assigned: numeric
     * quota plans take an {@code amount}, the others take {@code enable: true}, never both.
     */
    public enum Category {
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

        Category(boolean amountBased) {
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

    /** Technical name of the SAP Cloud ALM API service. */
    public static final String CLOUD_ALM_SERVICE = "SAPCloudALMAPIs";

    /** Technical name of the SAP Cloud ALM API plan. */
    public static final String CLOUD_ALM_PLAN = "standard";

    /**
     * Validates the plan.
     *
     * @param serviceName technical service name
     * @param planName technical plan name
     * @param category how the plan is assigned
     * @param amount global quota
     * @param unlimited whether the quota is unlimited
     * @throws NullPointerException when a name or the category is null
     * @throws IllegalArgumentException when a name is blank or the amount negative
     */
    public GlobalAccountPlan {
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(category, "category");
        if (serviceName.isBlank() || planName.isBlank()) {
            throw new IllegalArgumentException("serviceName and planName must not be blank");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
    }

    /**
     * A plan with a numeric global quota.
     *
     * @param serviceName technical service name
     * @param planName technical plan name
     * @param category how the plan is assigned
     * @param amount global quota
     * @return the plan
     */
    public static GlobalAccountPlan of(String serviceName, String planName, Category category, int amount) {
        return new GlobalAccountPlan(serviceName, planName, category, amount, false);
    }

    /**
     * A plan with unlimited global quota.
     *
     * @param serviceName technical service name
     * @param planName technical plan name
     * @param category how the plan is assigned
     * @return the plan
     */
    public static GlobalAccountPlan unlimited(String serviceName, String planName, Category category) {
        return new GlobalAccountPlan(serviceName, planName, category, 0, true);
    }

    /**
     * The default: plan {@code standard} of {@code SAPCloudALMAPIs}, category {@code SERVICE}, quota 10.
     *
     * @return the Cloud ALM API plan
     */
    public static GlobalAccountPlan cloudAlmStandard() {
        return of(CLOUD_ALM_SERVICE, CLOUD_ALM_PLAN, Category.SERVICE, 10);
    }
}
