/**
 * JSON mapping internals. Internal: exported only to calm-sdk modules, may change without notice.
 */
package io.calmsdk.core.internal.json;
