package io.calmsdk.testkit;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Selects requests by HTTP method and path, to aim a fault at some requests only.
 *
 * <p>The path pattern is a glob on the request path as the simulated service sees it (for Cloud ALM
 * including the leading {@code /api}): {@code *} matches any characters, including {@code /}. Examples:
 * {@code /v1/service_instances*}, {@code /oauth/token}, {@code /api/calm-tasks/v1/tasks*}. Immutable.
 */
public final class RequestMatcher {

    private static final RequestMatcher ANY = new RequestMatcher(null, null, "*");

    private final String method;
    private final SimulatedApi api;
    private final String glob;
    private final Pattern pattern;

    private RequestMatcher(String method, SimulatedApi api, String glob) {
        this(method, api, Objects.requireNonNull(glob, "pathGlob"), toRegex(glob));
    }

    private RequestMatcher(String method, SimulatedApi api, String description, Pattern pattern) {
        this.method = method == null || method.equals("*") ? null : method.toUpperCase(Locale.ROOT);
        this.api = api;
        this.glob = description;
        this.pattern = pattern;
    }

    /**
     * Matches every request.
     *
     * @return the catch-all matcher
     */
    public static RequestMatcher any() {
        return ANY;
    }

    /**
     * Matches requests with the given method and a path matching the glob.
     *
     * @param method HTTP method, or {@code *} for any
     * @param pathGlob path glob, {@code *} matching any characters
     * @return the matcher
     */
    public static RequestMatcher of(String method, String pathGlob) {
        return new RequestMatcher(method, null, pathGlob);
    }

    /**
     * Matches requests with the given method and a path matching a regular expression, for what a glob
     * cannot say: {@code regex("GET", "/v1/service_instances/[^/]+")} matches reading one instance but
     * not its operations or parameters.
     *
     * @param method HTTP method, or {@code *} for any
     * @param pathRegex a {@link Pattern} that must match the whole path
     * @return the matcher
     * @throws java.util.regex.PatternSyntaxException if the expression is invalid
     */
    public static RequestMatcher regex(String method, String pathRegex) {
        Objects.requireNonNull(pathRegex, "pathRegex");
        return new RequestMatcher(method, null, "~" + pathRegex, Pattern.compile(pathRegex));
    }

    /**
     * Matches requests with any method and a path matching the glob.
     *
     * @param pathGlob path glob, {@code *} matching any characters
     * @return the matcher
     */
    public static RequestMatcher path(String pathGlob) {
        return new RequestMatcher(null, null, pathGlob);
    }

    /**
     * Matches every request to one simulated service.
     *
     * @param api the service
     * @return the matcher
     */
    public static RequestMatcher api(SimulatedApi api) {
        return new RequestMatcher(null, Objects.requireNonNull(api, "api"), "*");
    }

    /**
     * Narrows this matcher to one simulated service.
     *
     * @param service the service
     * @return a new matcher
     */
    public RequestMatcher on(SimulatedApi service) {
        return new RequestMatcher(method, Objects.requireNonNull(service, "service"), glob, pattern);
    }

    /**
     * Tests a request.
     *
     * @param service the service that received it
     * @param requestMethod its HTTP method
     * @param path its path, without query
     * @return whether the request matches
     */
    public boolean matches(SimulatedApi service, String requestMethod, String path) {
        return (api == null || api == service)
                && (method == null || method.equalsIgnoreCase(requestMethod))
                && pattern.matcher(path).matches();
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * Describes the matcher.
     *
     * @return e.g. {@code POST /v1/service_instances*}, or {@code GET ~/v1/service_instances/[^/]+} for a
     *     regular expression
     */
    @Override
    public String toString() {
        return (api == null ? "" : api + " ") + (method == null ? "*" : method) + " " + glob;
    }
}
