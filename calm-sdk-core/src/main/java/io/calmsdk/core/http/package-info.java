/**
 * Public configuration of the HTTP layer: retry policy, timeouts and the authentication hook.
 */
package io.calmsdk.core.http;
