package io.calmsdk.core.model.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.PlanCategory;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One subaccount in an entitlement assignment request ({@code assignmentInfo[]} of
 * {@code PUT /entitlements/v1/subaccountServicePlans}): {@code subaccountGUID} with either
 * {@code amount} or {@code enable}, never both. Use {@link #assign(PlanCategory, String, int)} to pick
 * the right one from the plan's category. Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(builder = SubaccountAssignment.Builder.class)
public abstract class SubaccountAssignment {

    SubaccountAssignment() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SubaccountAssignment}; {@code build()} refuses both or neither of amount and enable. */
    public static final class Builder extends ImmutableSubaccountAssignment.Builder {
        Builder() {
        }
    }

    /**
     * Assigns a quota amount (plans of category {@code SERVICE}, {@code QUOTA_BASED_APPLICATION}).
     *
     * @param subaccountGuid the subaccount GUID
     * @param amount the quota to assign; 0 removes the assignment
     * @return the assignment
     * @throws ValidationException when the amount is negative
     */
    public static SubaccountAssignment ofAmount(String subaccountGuid, int amount) {
        return builder().subaccountGuid(subaccountGuid).amount(amount).build();
    }

    /**
     * Switches a plan on or off (categories {@code ELASTIC_SERVICE}, {@code ELASTIC_LIMITED},
     * {@code APPLICATION}).
     *
     * @param subaccountGuid the subaccount GUID
     * @param enable {@code true} to assign, {@code false} to remove
     * @return the assignment
     */
    public static SubaccountAssignment ofEnable(String subaccountGuid, boolean enable) {
        return builder().subaccountGuid(subaccountGuid).enable(enable).build();
    }

    /**
     * The assignment that gives the subaccount the plan, shaped as its category demands.
     *
     * @param category the plan category, from the assignments answer
     * @param subaccountGuid the subaccount GUID
     * @param amount the quota for amount-style plans (ignored for enable-style plans)
     * @return the assignment
     * @throws ValidationException when the category is unknown, so the right field cannot be chosen
     */
    public static SubaccountAssignment assign(PlanCategory category, String subaccountGuid, int amount) {
        return modeOf(category) == PlanCategory.AssignmentMode.AMOUNT ? ofAmount(subaccountGuid, amount) : ofEnable(subaccountGuid, true);
    }

    /**
     * The assignment that takes the plan away from the subaccount ({@code amount: 0} or
     * {@code enable: false}).
     *
     * @param category the plan category
     * @param subaccountGuid the subaccount GUID
     * @return the assignment
     * @throws ValidationException when the category is unknown
     */
    public static SubaccountAssignment unassign(PlanCategory category, String subaccountGuid) {
        return modeOf(category) == PlanCategory.AssignmentMode.AMOUNT ? ofAmount(subaccountGuid, 0) : ofEnable(subaccountGuid, false);
    }

    private static PlanCategory.AssignmentMode modeOf(PlanCategory category) {
        return category.assignmentMode().orElseThrow(() -> new ValidationException("category",
                "is '" + category.value() + "', which the SDK does not know how to assign",
                "SERVICE, QUOTA_BASED_APPLICATION (amount) or ELASTIC_SERVICE, ELASTIC_LIMITED, APPLICATION (enable)"));
    }

    /**
     * The subaccount GUID ({@code subaccountGUID}).
     *
     * @return the GUID
     */
    @JsonProperty("subaccountGUID")
    public abstract String subaccountGuid();

    /**
     * The quota to assign ({@code amount}).
     *
     * @return the amount, for amount-style plans
     */
    @JsonProperty("amount")
    public abstract Optional<Integer> amount();

    /**
     * Whether to switch the plan on ({@code enable}).
     *
     * @return the flag, for enable-style plans
     */
    @JsonProperty("enable")
    public abstract Optional<Boolean> enable();

    @Value.Check
    void check() {
        if (subaccountGuid().isBlank()) {
            throw new ValidationException("subaccountGUID", "is blank", "the subaccount GUID");
        }
        if (amount().isPresent() == enable().isPresent()) {
            throw new ValidationException("assignmentInfo",
                    amount().isPresent() ? "has both amount and enable" : "has neither amount nor enable",
                    "exactly one of amount (SERVICE, QUOTA_BASED_APPLICATION) and enable (ELASTIC_SERVICE, ELASTIC_LIMITED, APPLICATION)");
        }
        if (amount().filter(a -> a < 0).isPresent()) {
            throw new ValidationException("amount", "is negative", "0 (remove) or more");
        }
    }
}
