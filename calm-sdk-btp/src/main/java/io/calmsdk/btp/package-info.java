/**
 * SAP BTP clients and the Cloud ALM API provisioner.
 *
 * <p>{@link io.calmsdk.btp.CloudAlmProvisioner} enables the SAP Cloud ALM API for a subaccount in one
 * idempotent call ({@link io.calmsdk.btp.CloudAlmProvisioner#ensureBinding ensureBinding}): entitlement,
 * service instance with {@code xs-security} parameters, binding, and the binding's credentials as a
 * {@link io.calmsdk.core.model.ServiceKey}. The typed clients it is built on are public too:
 * {@link io.calmsdk.btp.EntitlementsClient} and {@link io.calmsdk.btp.AccountsClient} (Cloud Management
 * {@code cis} key, plan {@code central}) and {@link io.calmsdk.btp.ServiceManagerClient} (Service Manager
 * key, plan {@code subaccount-admin}).
 */
package io.calmsdk.btp;
