/**
 * The BTP simulator: {@link io.calmsdk.testkit.BtpSimulator} starts a faithful, stateful simulation of
 * XSUAA, the Cloud Management (cis) Entitlements and Accounts APIs, Service Manager and the SAP Cloud ALM
 * APIs on loopback, hands out the keys a client needs, records every request and lets tests inject
 * faults and move time.
 *
 * <p>Everything in this package is thread-safe unless a type says otherwise.
 */
package io.calmsdk.testkit;
