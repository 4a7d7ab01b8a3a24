/**
 * Typed immutable models of the BTP and Cloud ALM wire contract: offerings, plans, instances, bindings, operations, labels, entitlements, service keys, xs-security parameters and name rules.
 */
package io.calmsdk.core.model;
