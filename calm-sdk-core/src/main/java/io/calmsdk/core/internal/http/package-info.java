/**
 * The HTTP transport over java.net.http. Internal: exported only to calm-sdk modules, may change without notice.
 */
package io.calmsdk.core.internal.http;
