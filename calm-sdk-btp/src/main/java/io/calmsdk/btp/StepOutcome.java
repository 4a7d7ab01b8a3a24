package io.calmsdk.btp;

/**
 * What {@link CloudAlmProvisioner} did (or, in a {@linkplain CloudAlmProvisioner#plan plan}, would do)
 * in one {@link ProvisioningStep}.
 */
public enum StepOutcome {

    /** The resource did not exist and was created (the entitlement was assigned). */
    CREATED,

    /** The resource existed but differed from the request and was updated in place. */
    UPDATED,

    /**
     * The resource existed, was not created by calm-sdk (for example the instance SAP creates for new
     * tenants, or one created in the cockpit) and is now used as is.
     */
    ADOPTED,

    /** The resource already matched the request: nothing was written. */
    UNCHANGED,

    /** The step was switched off by the request or does not apply, e.g. verification not asked for. */
    SKIPPED,

    /** The resource was deleted (deprovisioning, binding rotation). */
    DELETED;

    /**
     * Whether this outcome wrote anything to the services.
     *
     * @return {@code true} for {@link #CREATED}, {@link #UPDATED} and {@link #DELETED}
     */
    public boolean isChange() {
        return this == CREATED || this == UPDATED || this == DELETED;
    }
}
