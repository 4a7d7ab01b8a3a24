package io.calmsdk.testkit.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path templates such as {@code /v1/service_instances/{id}} to handlers; answers 404 for
 * unknown paths and 405 for known paths with another method.
 */
public final class Router {

    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route.
     *
     * @param method HTTP method
     * @param template path template with {@code {name}} segments
     * @param handler the handler
     * @return this router
     */
    public Router route(String method, String template, RouteHandler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex + "/?"), names, handler));
        return this;
    }

    /**
     * Finds the route and answers.
     *
     * @param request the request
     * @param style the service's error style
     * @return the response
     */
    public SimResponse dispatch(SimRequest request, ErrorStyle style) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher m = route.pattern.matcher(request.rawPath());
            if (!m.matches()) {
                continue;
            }
            if (!route.method.equals(request.method())) {
                allowed.add(route.method);
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < route.names.size(); i++) {
                params.put(route.names.get(i), Forms.decodePath(m.group(i + 1)));
            }
            return route.handler.handle(request.withPathParams(params));
        }
        if (!allowed.isEmpty()) {
            return style.error(request, 405, "MethodNotAllowed",
                    request.method() + " is not supported on " + request.path())
                    .header("Allow", String.join(", ", allowed));
        }
        return style.error(request, 404, "NotFound", "no resource at " + request.path());
    }

    private record Route(String method, Pattern pattern, List<String> names, RouteHandler handler) {
    }
}
