package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.ErrorStyle;
import io.calmsdk.testkit.internal.http.RouteHandler;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.uaa.BearerTokens;
import io.calmsdk.testkit.internal.world.World;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulated SAP Cloud ALM APIs under {@code /api}. Every call needs a bearer token signed by the
 * simulated XSUAA, not expired, carrying the {@code calm-api.*} scope the endpoint needs (matched on the
 * suffix after the application name): 401 otherwise for a bad token, 403 for a missing scope.
 */
public final class CloudAlmApi {

    /** Base path of every Cloud ALM API. */
    static final String BASE = "/api";

    /** The OData error body {@code {"error":{"code","message"}}}, also used by the REST APIs. */
    public static final ErrorStyle ERRORS = new ErrorStyle() {
        @Override
        public SimResponse error(SimRequest request, int status, String code, String message) {
            ObjectNode body = JsonSupport.object();
            ObjectNode error = body.putObject("error");
            error.put("code", code);
            error.put("message", message);
            return SimResponse.json(status, body);
        }

        @Override
        public SimResponse tooManyRequests(SimRequest request, Instant now, Instant retryAt) {
            long seconds = Math.max(1, (Duration.between(now, retryAt).toMillis() + 999) / 1000);
            return error(request, 429, "TooManyRequests", "Rate limit exceeded")
                    .header("Retry-After", Long.toString(seconds));
        }
    };

    private final World world;

    /**
     * Creates the API.
     *
     * @param world simulator state
     */
    public CloudAlmApi(World world) {
        this.world = world;
    }

    /** @return the routes of every Cloud ALM API */
    public Router router() {
        Router router = new Router();
        new ProjectTaskLinksApi(world.calm()).register(router, this);
        new ProjectsApi(world.calm()).register(router, this);
        new TasksApi(world.calm()).register(router, this);
        new HierarchyApi(world.calm(), world.settings()).register(router, this);
        world.calm().families().register(router, this, world.settings());
        return router;
    }

    /**
     * Wraps a handler with the token and scope check.
     *
     * @param scope the needed scope suffix, e.g. {@code calm-api.tasks.read}
     * @param handler the handler
     * @return the checked handler
     */
    RouteHandler scoped(String scope, RouteHandler handler) {
        return request -> {
            BearerTokens.Caller caller = BearerTokens.verify(request, world, "Unauthorized");
            if (!caller.hasScopeSuffix(scope)) {
                throw new ApiError(403, "Forbidden", "The access token does not grant the authorization this"
                        + " request needs");
            }
            return handler.handle(request);
        };
    }
}
