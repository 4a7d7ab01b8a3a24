package io.calmsdk.testkit.internal.http;

import java.time.Instant;

/** How one simulated service writes its error bodies. */
public interface ErrorStyle {

    /**
     * An error answer in the service's own shape.
     *
     * @param request the request being answered
     * @param status HTTP status
     * @param code service error code
     * @param message description
     * @return the response
     */
    SimResponse error(SimRequest request, int status, String code, String message);

    /**
     * A 429 answer with the service's own rate-limit headers.
     *
     * @param request the request being answered
     * @param now the simulator's current time
     * @param retryAt when the client may retry
     * @return the response
     */
    SimResponse tooManyRequests(SimRequest request, Instant now, Instant retryAt);
}
