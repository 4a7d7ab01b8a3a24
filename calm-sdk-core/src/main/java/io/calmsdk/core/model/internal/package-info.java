/**
 * Wire shapes the SDK writes for itself and users never name: the body of the entitlement
 * assignment {@code PUT /entitlements/v1/subaccountServicePlans}. The models' Immutables style of the
 * parent package applies here too. Internal: exported only to calm-sdk modules, may change without
 * notice.
 */
package io.calmsdk.core.model.internal;
