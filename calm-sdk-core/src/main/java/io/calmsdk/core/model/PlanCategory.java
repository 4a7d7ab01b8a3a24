package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The category of an entitled service plan, which decides how it is assigned: {@code SERVICE} and
 * {@code QUOTA_BASED_APPLICATION} take an {@code amount}; {@code ELASTIC_SERVICE},
 * {@code ELASTIC_LIMITED} and {@code APPLICATION} take {@code enable}. Unknown categories are kept with
 * their raw text and have no {@link #assignmentMode()}. Instances are immutable.
 */
public final class PlanCategory {

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

    private final String value;
    private final AssignmentMode mode;

    private PlanCategory(String value, AssignmentMode mode) {
        this.value = value;
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
    public static PlanCategory of(String value) {
        Objects.requireNonNull(value, "value");
        switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "SERVICE":
                return SERVICE;
            case "QUOTA_BASED_APPLICATION":
                return QUOTA_BASED_APPLICATION;
            case "ELASTIC_SERVICE":
                return ELASTIC_SERVICE;
            case "ELASTIC_LIMITED":
                return ELASTIC_LIMITED;
            case "APPLICATION":
                return APPLICATION;
            default:
                return new PlanCategory(value, null);
        }
    }

    /**
     * The wire value: upper case for known categories, the raw text otherwise.
     *
     * @return the value, e.g. {@code ELASTIC_SERVICE}
     */
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * Whether the category is one of the constants of this class.
     *
     * @return {@code false} for values the SDK does not know
     */
    public boolean isKnown() {
        return mode != null;
    }

    /**
     * Whether to assign this plan with {@code amount} or with {@code enable}.
     *
     * @return the mode; empty for an unknown category, where the caller must decide (and should say so)
     */
    public Optional<AssignmentMode> assignmentMode() {
        return Optional.ofNullable(mode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanCategory && ((PlanCategory) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
