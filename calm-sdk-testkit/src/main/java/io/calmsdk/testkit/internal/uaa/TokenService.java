package io.calmsdk.testkit.internal.uaa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies RS256 JWTs shaped like XSUAA's client-credentials tokens, with the JDK's own RSA
 * and SHA-256: no JOSE library needed.
 */
public final class TokenService {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DEC = Base64.getUrlDecoder();

    /** Most verifications at most. */
    private static final int VERIFIED_TOKENS = 4_096;

    private final KeyPair keyPair;
    private final String keyId;
    /**
     * Tokens whose signature was verified already: a client sends its token with every request, and an RSA
     * verification per request made it the simulator's largest cost in fleet runs (a fifth of its CPU time).
     * Expiry is still checked on every request.
     */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    /** Takes a fresh 2048-bit RSA signing key, usually generated in the background beforehand. */
    public TokenService() {
        this.keyPair = SigningKeyPool.take();
        this.keyId = "default-jwt-key-" + Integer.toHexString(keyPair.getPublic().hashCode() & 0xfffffff);
    }

    /**
     * A token and what it says.
     *
     * @param accessToken the JWT
     * @param jti its id
     * @param scopes granted scopes
     * @param expiresIn seconds until expiry
     */
    public record IssuedToken(String accessToken, String jti, List<String> scopes, long expiresIn) {
    }

    /**
     * Issues a client-credentials token.
     *
     * @param client the authenticated client
     * @param issuerUrl token endpoint URL, the {@code iss} claim
     * @param now simulator time
     * @param lifetime token lifetime
     * @return the token
     */
    public IssuedToken issue(OAuthClient client, String issuerUrl, Instant now, Duration lifetime) {
        List<String> scopes = client.scopes();
        String jti = UUID.randomUUID().toString().replace("-", "");
        long iat = now.getEpochSecond();
        long exp = now.plus(lifetime).getEpochSecond();

        ObjectNode header = JsonSupport.object();
        header.put("alg", "RS256");
        header.put("jku", issuerUrl.replace("/oauth/token", "/token_keys"));
        header.put("kid", keyId);
        header.put("typ", "JWT");

        ObjectNode claims = JsonSupport.object();
        claims.put("jti", jti);
        ObjectNode ext = claims.putObject("ext_attr");
        ext.put("enhancer", "XSUAA");
        ext.put("subaccountid", client.subaccountId());
        ext.put("zdn", client.zoneSubdomain());
        if (client.serviceInstanceId() != null) {
            ext.put("serviceinstanceid", client.serviceInstanceId());
        }
        claims.put("sub", client.clientId());
        ArrayNode authorities = claims.putArray("authorities");
        ArrayNode scopeArray = claims.putArray("scope");
        scopes.forEach(s -> {
            authorities.add(s);
            scopeArray.add(s);
        });
        claims.put("client_id", client.clientId());
        claims.put("cid", client.clientId());
        claims.put("azp", client.clientId());
        claims.put("grant_type", "client_credentials");
        claims.put("rev_sig", Integer.toHexString(client.clientId().hashCode()));
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("iss", issuerUrl);
        claims.put("zid", client.subaccountId());
        ArrayNode aud = claims.putArray("aud");
        audiences(client, scopes).forEach(aud::add);

        String signingInput = B64URL.encodeToString(JsonSupport.bytes(header)) + "."
                + B64URL.encodeToString(JsonSupport.bytes(claims));
        String jwt = signingInput + "." + B64URL.encodeToString(sign(signingInput));
        return new IssuedToken(jwt, jti, scopes, exp - iat);
    }

    private static Set<String> audiences(OAuthClient client, List<String> scopes) {
        // XSUAA derives the audience from the application prefix of each scope, plus the client itself.
        Set<String> aud = new LinkedHashSet<>();
        for (String scope : scopes) {
            int dot = scope.indexOf('.');
            if (dot > 0) {
                aud.add(scope.substring(0, dot));
            }
        }
        aud.add(client.clientId());
        return aud;
    }

    /**
     * Verifies signature and expiry.
     *
     * @param jwt the token
     * @param now simulator time
     * @return the claims
     * @throws InvalidTokenException when the token is malformed, badly signed or expired
     */
    public ObjectNode verify(String jwt, Instant now) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("the bearer token is not a JWT");
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            header = JsonSupport.parse(B64URL_DEC.decode(parts[0]));
            claims = JsonSupport.parse(B64URL_DEC.decode(parts[1]));
            signature = B64URL_DEC.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the bearer token cannot be decoded");
        }
        if (!"RS256".equals(header.path("alg").asText()) || !claims.isObject()) {
            throw new InvalidTokenException("the bearer token is not an RS256 JWT");
        }
        if (!verified.contains(jwt)) {
            if (!verifySignature(parts[0] + "." + parts[1], signature)) {
                throw new InvalidTokenException("the bearer token signature is invalid");
            }
            remember(jwt);
        }
        long exp = claims.path("exp").asLong(0);
        if (exp <= now.getEpochSecond()) {
            throw new InvalidTokenException("the bearer token has expired");
        }
        return (ObjectNode) claims;
    }

    /** @return the public key that verifies every issued token */
    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    /** @return the public key as PEM, as XSUAA puts it into {@code verificationkey} */
    public String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keyPair.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----";
    }

    /** @return the JWKS document of {@code /token_keys} */
    public ObjectNode jwks() {
        ObjectNode doc = JsonSupport.object();
        ObjectNode key = doc.putArray("keys").addObject();
        key.put("kty", "RSA");
        key.put("e", unsigned(publicKey().getPublicExponent()));
        key.put("use", "sig");
        key.put("kid", keyId);
        key.put("alg", "RS256");
        key.put("value", publicKeyPem());
        key.put("n", unsigned(publicKey().getModulus()));
        return doc;
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64URL.encodeToString(bytes);
    }

    private byte[] sign(String input) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private void remember(String jwt) {
        if (verified.size() >= VERIFIED_TOKENS) {
            verified.clear();
        }
        verified.add(jwt);
    }

    private boolean verifySignature(String input, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keyPair.getPublic());
            verifier.update(input.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
