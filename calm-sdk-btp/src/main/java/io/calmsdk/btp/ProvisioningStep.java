package io.calmsdk.btp;

/**
 * The steps of the Cloud ALM API enablement, in the order {@link CloudAlmProvisioner} reconciles them.
 */
public enum ProvisioningStep {

    /** Plan {@code standard} of {@code SAPCloudALMAPIs} is entitled to the subaccount. */
    ENTITLEMENT("entitlement"),

    /** The offering and plan are looked up in the subaccount's Service Manager catalog. */
    OFFERING_AND_PLAN("offering and plan"),

    /** The service instance exists with the requested {@code xs-security} parameters. */
    INSTANCE("instance"),

    /** The binding exists on the instance; its credentials are the Cloud ALM service key. */
    BINDING("binding"),

    /** A token fetched with the new key carries every requested authority. */
    VERIFY("verify");

    private final String words;

    ProvisioningStep(String words) {
        this.words = words;
    }

    /**
     * The step in words, as used in progress lines and exception messages.
     *
     * @return e.g. {@code "offering and plan"}
     */
    public String words() {
        return words;
    }
}
