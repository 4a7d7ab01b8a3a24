package io.calmsdk.auth;

import io.calmsdk.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Builds unsigned-looking JWTs (header.payload.signature) for tests; the signature is never checked. */
final class TestJwt {

    private TestJwt() {
    }

    static String of(Map<String, ?> claims) {
        return part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims) + ".c2lnbmF0dXJl";
    }

    private static String part(Map<String, ?> json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.mapper().writeValueAsBytes(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String payloadOnly(String payloadText) {
        return part(Map.of("alg", "none")) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payloadText.getBytes(StandardCharsets.UTF_8))
                + ".sig";
    }
}
