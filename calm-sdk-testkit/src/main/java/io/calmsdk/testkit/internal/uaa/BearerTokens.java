package io.calmsdk.testkit.internal.uaa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.World;
import java.util.List;
import java.util.Optional;

/** Checks the bearer token of a request against the simulated XSUAA's signing key and clock. */
public final class BearerTokens {

    /**
     * A verified caller.
     *
     * @param claims token claims
     * @param client the OAuth client, if it still exists
     * @param scopes granted scopes
     */
    public record Caller(ObjectNode claims, Optional<OAuthClient> client, List<String> scopes) {

        /**
         * Whether a scope with the given suffix was granted; the prefix up to the first dot is the
         * application name, which differs per landscape.
         *
         * @param suffix e.g. {@code calm-api.tasks.read}
         * @return whether granted
         */
        public boolean hasScopeSuffix(String suffix) {
            for (String scope : scopes) {
                int dot = scope.indexOf('.');
                if (dot > 0 && scope.substring(dot + 1).equals(suffix)) {
                    return true;
                }
            }
            return false;
        }
    }

    private BearerTokens() {
    }

    /**
     * Verifies the {@code Authorization: Bearer} header.
     *
     * @param request the request
     * @param world simulator state
     * @param errorCode the service's code for 401
     * @return the caller
     * @throws ApiError 401 when the header is missing or the token invalid or expired
     */
    public static Caller verify(SimRequest request, World world, String errorCode) {
        String header = request.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, errorCode, "Authentication required: no bearer token")
                    .header("WWW-Authenticate", "Bearer");
        }
        try {
            ObjectNode claims = world.tokens().verify(header.substring(7).trim(), world.now());
            List<String> scopes = JsonSupport.strings(claims.get("scope"));
            Optional<OAuthClient> client = world.clients().find(claims.path("client_id").asText(null));
            return new Caller(claims, client, scopes);
        } catch (InvalidTokenException e) {
            throw new ApiError(401, errorCode, e.getMessage())
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
    }
}
