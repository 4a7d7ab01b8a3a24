/**
 * OAuth2 client-credentials tokens for SAP Cloud ALM and the SAP BTP admin APIs.
 *
 * <p>{@link io.calmsdk.auth.ClientCredentialsTokenProvider} fetches tokens with the client secret or
 * the X.509 certificate of a Cloud ALM, Cloud Management or Service Manager key, caches them and
 * refreshes them once for all callers. Every calm-sdk client takes a
 * {@link io.calmsdk.auth.TokenProvider}, sends its tokens as {@code Authorization: Bearer} and invalidates
 * a token the service refuses with 401.
 * No secret or token ever appears in logs, exception messages or {@code toString()}.
 */
package io.calmsdk.auth;
