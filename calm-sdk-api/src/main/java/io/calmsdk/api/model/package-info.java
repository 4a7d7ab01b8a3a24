/**
 * Typed, immutable models of the SAP Cloud ALM APIs (projects, timeboxes, tasks, comments, process
 * hierarchy nodes) and the request types that create, update and list them.
 *
 * <p>Read models tolerate fields and values the SDK does not know yet; fields that Cloud ALM may
 * omit are {@link java.util.Optional}.
 */
package io.calmsdk.api.model;
