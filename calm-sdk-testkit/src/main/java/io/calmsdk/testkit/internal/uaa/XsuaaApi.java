package io.calmsdk.testkit.internal.uaa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.ErrorStyle;
import io.calmsdk.testkit.internal.http.Forms;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.Urls;
import io.calmsdk.testkit.internal.world.World;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated XSUAA: client-credentials tokens with HTTP Basic or form client authentication, or with
 * a client certificate on the mutual-TLS host; and the JWKS document the tokens verify against.
 */
public final class XsuaaApi {

    /** XSUAA's error body: {@code {"error": ..., "error_description": ...}}. */
    public static final ErrorStyle ERRORS = new ErrorStyle() {
        @Override
        public SimResponse error(SimRequest request, int status, String code, String message) {
            ObjectNode body = JsonSupport.object();
            body.put("error", code);
            body.put("error_description", message);
            SimResponse response = SimResponse.json(status, body);
            if (status == 401) {
                response.header("WWW-Authenticate", "Basic realm=\"UAA/client\", error=\"" + code + "\"");
            }
            return response;
        }

        @Override
        public SimResponse tooManyRequests(SimRequest request, Instant now, Instant retryAt) {
            long seconds = Math.max(1, (Duration.between(now, retryAt).toMillis() + 999) / 1000);
            return error(request, 429, "too_many_requests", "Rate limit exceeded")
                    .header("Retry-After", Long.toString(seconds));
        }
    };

    private static final String BAD_CREDENTIALS = "Bad credentials";

    private final World world;
    private final boolean mutualTls;

    /**
     * Creates the API.
     *
     * @param world simulator state
     * @param mutualTls whether this instance serves the certificate host ({@code certurl})
     */
    public XsuaaApi(World world, boolean mutualTls) {
        this.world = world;
        this.mutualTls = mutualTls;
    }

    /** @return the routes */
    public Router router() {
        return new Router()
                .route("POST", "/oauth/token", this::token)
                .route("GET", "/token_keys", request -> SimResponse.json(200, world.tokens().jwks()));
    }

    private SimResponse token(SimRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        // XSUAA reads parameters from the query as well as from the form body.
        request.queryParameters().forEach((k, v) -> params.put(k, v.get(0)));
        String contentType = request.header("Content-Type").orElse("");
        if (request.body().length > 0) {
            if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw new ApiError(400, "invalid_request",
                        "Content-Type must be application/x-www-form-urlencoded, was '" + contentType + "'");
            }
            Forms.parse(request.bodyText()).forEach((k, v) -> params.put(k, v.get(0)));
        }
        String grantType = params.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw new ApiError(400, "invalid_request", "Missing grant type");
        }
        if (!grantType.equals("client_credentials")) {
            throw new ApiError(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
        }
        OAuthClient client = authenticate(request, params);
        Instant now = world.now();
        Duration lifetime = world.faults().tokenLifetime()
                .or(client::tokenValidity)
                .orElse(world.settings().tokenLifetime());
        String issuer = Urls.text(mutualTls ? world.tls().certUrl() : world.urls().uaa()) + "/oauth/token";
        TokenService.IssuedToken token = world.tokens().issue(client, issuer, now, lifetime);
        ObjectNode body = JsonSupport.object();
        body.put("access_token", token.accessToken());
        body.put("token_type", "bearer");
        body.put("expires_in", token.expiresIn());
        body.put("scope", String.join(" ", token.scopes()));
        body.put("jti", token.jti());
        return SimResponse.json(200, body).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private OAuthClient authenticate(SimRequest request, Map<String, String> params) {
        Optional<String[]> basic = request.header("Authorization").flatMap(XsuaaApi::basicCredentials);
        String clientId = basic.map(b -> b[0]).orElse(params.get("client_id"));
        String secret = basic.map(b -> b[1]).orElse(params.get("client_secret"));
        if (clientId == null || clientId.isEmpty()) {
            throw new ApiError(401, "unauthorized", "Full authentication is required to access this resource");
        }
        if (basic.isPresent() && params.containsKey("client_id") && !params.get("client_id").equals(clientId)) {
            throw new ApiError(401, "invalid_client", BAD_CREDENTIALS);
        }
        OAuthClient client = world.clients().find(clientId)
                .or(() -> world.clients().find(Forms.decode(clientId)))
                .orElseThrow(() -> new ApiError(401, "invalid_client", BAD_CREDENTIALS));
        if (secret != null && !secret.isEmpty()) {
            // Some clients form-encode id and secret before Basic encoding (RFC 6749 2.3.1); accept both.
            if (client.secretMatches(secret) || client.secretMatches(Forms.decode(secret))) {
                return client;
            }
            throw new ApiError(401, "invalid_client", BAD_CREDENTIALS);
        }
        List<X509Certificate> chain = request.peerCertificates();
        if (mutualTls && !chain.isEmpty() && client.certificateMatches(chain.get(0))) {
            Instant now = world.now();
            if (now.isBefore(chain.get(0).getNotBefore().toInstant())
                    || now.isAfter(chain.get(0).getNotAfter().toInstant())) {
                throw new ApiError(401, "invalid_client", "Client certificate is not valid at this time");
            }
            return client;
        }
        throw new ApiError(401, "invalid_client", BAD_CREDENTIALS);
    }

    private static Optional<String[]> basicCredentials(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
