/**
 * calm-sdk BTP: typed clients for the SAP BTP Entitlements, Accounts and Service Manager APIs, and
 * {@link io.calmsdk.btp.CloudAlmProvisioner}, which enables the SAP Cloud ALM API for a subaccount
 * (entitlement, instance, binding, service key) in one idempotent call.
 */
module io.calmsdk.btp {
    requires transitive io.calmsdk.core;
    requires transitive io.calmsdk.auth;
    requires org.slf4j;

    exports io.calmsdk.btp;
}
