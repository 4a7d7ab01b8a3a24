package io.calmsdk.api.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** Unsigned JWTs shaped like XSUAA client-credentials tokens, carrying a canary to hunt for in logs. */
public final class FakeTokens {

    private FakeTokens() {
    }

    /**
     * A JWT whose signature part is the canary, so any leak of the token text shows the canary.
     *
     * @param canary a unique string
     * @param scopes the granted scopes, as XSUAA writes them (with the master-app prefix)
     * @return the token text
     */
    public static String jwt(String canary, List<String> scopes) {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String scopeJson = scopes.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
        String payload = b64("{\"jti\":\"jti-" + canary.hashCode() + "\",\"client_id\":\"sb-calm-client\",\"scope\":"
                + scopeJson + ",\"grant_type\":\"client_credentials\",\"zid\":\"zone\"}");
        return header + "." + payload + "." + canary;
    }

    /**
     * The JSON answer of the token endpoint.
     *
     * @param token the access token
     * @param scopes the granted scopes
     * @param expiresIn seconds
     * @return the body
     */
    public static String tokenResponse(String token, List<String> scopes, long expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"" + String.join(" ", scopes) + "\",\"jti\":\"j\"}";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
