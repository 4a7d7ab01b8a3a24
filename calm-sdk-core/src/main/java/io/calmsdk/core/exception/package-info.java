/**
 * The unchecked exception tree of calm-sdk.
 *
 * <p>{@link io.calmsdk.core.exception.CalmException} is the root. A
 * {@link io.calmsdk.core.exception.CalmClientException} means no usable answer came back (bad input,
 * I/O, timeout, undecodable body); a {@link io.calmsdk.core.exception.CalmServiceException} means a
 * service answered with an error status. Subclasses exist only where callers act differently.
 * No message in this package ever contains a secret.
 *
 * @serial exclude
 */
package io.calmsdk.core.exception;
