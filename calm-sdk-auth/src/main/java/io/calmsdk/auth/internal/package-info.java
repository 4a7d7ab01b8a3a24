/**
 * Implementation details of calm-sdk-auth (PEM and DER decoding, the mutual-TLS context). Not exported:
 * nothing here is API.
 */
package io.calmsdk.auth.internal;
