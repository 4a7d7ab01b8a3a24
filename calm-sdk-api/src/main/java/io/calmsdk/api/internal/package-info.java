/**
 * Implementation of the Cloud ALM client: request execution, paging adapters, streaming decoding and
 * path templates. Not part of the public API.
 */
package io.calmsdk.api.internal;
