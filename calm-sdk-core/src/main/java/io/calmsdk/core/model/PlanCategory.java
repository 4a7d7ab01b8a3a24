package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The category of an entitled service plan, which decides how it is assigned: {@code SERVICE} and
 * {@code QUOTA_BASED_APPLICATION} take an {@code amount}; {@code ELASTIC_SERVICE},
 * {@code ELASTIC_LIMITED} and {@code APPLICATION} take {@code enable}. Parsing ignores case; unknown
 * categories are kept with their raw text and have no {@link #assignmentMode()}. Instances are
 * immutable.
 */
public final class PlanCategory extends OpenEnum<PlanCategory> {

    /** A service plan with a numeric quota. */
    public static final PlanCategory SERVICE = new PlanCategory("SERVICE", AssignmentMode.AMOUNT);
    /** An application plan with a numeric quota. */
    public static final PlanCategory QUOTA_BASED_APPLICATION = new PlanCategory("QUOTA_BASED_APPLICATION", AssignmentMode.AMOUNT);
    /** A service plan without quota, switched on or off. */
    public static final PlanCategory ELASTIC_SERVICE = new PlanCategory("ELASTIC_SERVICE", AssignmentMode.ENABLE);
    /** An elastic plan with a global limit, switched on or off per subaccount. */
    public static final PlanCategory ELASTIC_LIMITED = new PlanCategory("ELASTIC_LIMITED", AssignmentMode.ENABLE);
    /** An application (subscription) plan, switched on or off. */
    public static final PlanCategory APPLICATION = new PlanCategory("APPLICATION", AssignmentMode.ENABLE);

    private static final List<PlanCategory> VALUES =
            List.of(SERVICE, QUOTA_BASED_APPLICATION, ELASTIC_SERVICE, ELASTIC_LIMITED, APPLICATION);

    /** {@code null} for unknown categories: only the known ones say how they are assigned. */
    private final AssignmentMode mode;

    private PlanCategory(String value, AssignmentMode mode) {
        super(value, mode != null);
        this.mode = mode;
    }

    /**
     * The category for a wire value; known values map to the constants, ignoring case.
     *
     * @param value the category as sent, e.g. {@code "SERVICE"}
     * @return the category
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator
    public static PlanCategory fromString(String value) {
        return fromString(value, VALUES, v -> v.trim().toUpperCase(Locale.ROOT), v -> new PlanCategory(v, null));
    }

    /**
     * The known categories.
     *
     * @return the five categories with an {@link #assignmentMode()}
     */
    public static List<PlanCategory> values() {
        return VALUES;
    }

    /**
     * Whether to assign this plan with {@code amount} or with {@code enable}.
     *
     * @return the mode; empty for an unknown category, where the caller must decide (and should say so)
     */
    public Optional<AssignmentMode> assignmentMode() {
        return Optional.ofNullable(mode);
    }

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
}
