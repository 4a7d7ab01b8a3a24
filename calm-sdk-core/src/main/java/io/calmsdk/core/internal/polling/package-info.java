/**
 * Waiting for long-running operations with backoff, deadlines and Retry-After.
 */
package io.calmsdk.core.internal.polling;
