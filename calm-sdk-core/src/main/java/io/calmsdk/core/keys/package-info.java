/**
 * Reading service keys from every place they live (cockpit JSON, btp and cf CLI output, VCAP_SERVICES, Kubernetes secrets, environment, files) and writing them to disk owner-only.
 */
package io.calmsdk.core.keys;
