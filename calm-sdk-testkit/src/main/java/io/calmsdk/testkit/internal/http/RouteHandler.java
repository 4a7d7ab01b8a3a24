package io.calmsdk.testkit.internal.http;

/** Answers one route. May throw {@link ApiError} for error answers. */
@FunctionalInterface
public interface RouteHandler {

    /**
     * Answers the request.
     *
     * @param request the request, with its path parameters
     * @return the response
     */
    SimResponse handle(SimRequest request);
}
