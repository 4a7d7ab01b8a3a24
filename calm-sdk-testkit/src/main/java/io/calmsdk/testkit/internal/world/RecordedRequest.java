package io.calmsdk.testkit.internal.world;

import io.calmsdk.testkit.SimulatedApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One journal line as recorded by a host.
 *
 * @param time simulator time when the request arrived
 * @param api receiving service
 * @param method HTTP method
 * @param path decoded path
 * @param query raw query, or empty
 * @param status answered status, 0 for a connection reset
 * @param duration wall-clock time spent answering
 * @param correlationId correlation id
 * @param headers request headers, credentials removed
 * @param body request body text, or null when not recorded
 */
public record RecordedRequest(Instant time, SimulatedApi api, String method, String path, String query, int status,
                              Duration duration, String correlationId, Map<String, List<String>> headers,
                              String body) {
}
