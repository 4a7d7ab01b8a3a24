package io.calmsdk.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.Secret;
import io.calmsdk.core.internal.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The claims of a JWT access token that help diagnose problems: which client, identity zone and
 * subaccount it was issued for, its scopes and its validity.
 *
 * <p><strong>The claims are decoded, not verified.</strong> The token's signature is not checked, so
 * the claims are only as trustworthy as the token endpoint the token came from. They serve diagnostics
 * (which scopes does my token have?) and must never be used for authorization decisions.
 *
 * <p>An opaque (non-JWT) token has {@linkplain #empty() empty} claims. Immutable and thread-safe.
 */
public final class TokenClaims {

    private static final TokenClaims EMPTY = new TokenClaims(null);

    private final String clientId;
    private final String zoneId;
    private final String subaccountId;
    private final String serviceInstanceId;
    private final String subject;
    private final String issuer;
    private final List<String> audience;
    private final String grantType;
    private final String jti;
    private final Set<String> scopes;
    private final Instant issuedAt;
    private final Instant expiresAt;

    private TokenClaims(JsonNode claims) {
        JsonNode c = claims == null ? Json.mapper().createObjectNode() : claims;
        this.clientId = firstText(c, "client_id", "cid", "azp");
        this.zoneId = firstText(c, "zid");
        JsonNode ext = c.path("ext_attr");
        this.subaccountId = firstText(ext, "subaccountid");
        this.serviceInstanceId = firstText(ext, "serviceinstanceid");
        this.subject = firstText(c, "sub");
        this.issuer = firstText(c, "iss");
        this.audience = Collections.unmodifiableList(new ArrayList<>(strings(c.get("aud"))));
        this.grantType = firstText(c, "grant_type");
        this.jti = firstText(c, "jti");
        this.scopes = Collections.unmodifiableSet(strings(c.get("scope")));
        this.issuedAt = epochSeconds(c.get("iat"));
        this.expiresAt = epochSeconds(c.get("exp"));
    }

    /**
     * Claims of a token that is not a JWT, or whose payload could not be decoded.
     *
     * @return the empty claims
     */
    public static TokenClaims empty() {
        return EMPTY;
    }

    /**
     * Decodes the payload of a JWT without verifying its signature (see the class comment). A value
     * that is not a signed JWT ({@code header.payload.signature} with a JSON object payload) gives
     * {@linkplain #empty() empty} claims; this never throws for a malformed token and never puts the
     * token into a message or a log.
     *
     * @param token the access token
     * @return the decoded claims, or empty claims for an opaque token
     */
    public static TokenClaims decode(Secret token) {
        Objects.requireNonNull(token, "token");
        String value = token.reveal();
        int first = value.indexOf('.');
        int second = first < 0 ? -1 : value.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || value.indexOf('.', second + 1) >= 0) {
            return EMPTY;  // not a three-part JWS: opaque (or an encrypted five-part JWE)
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(stripPadding(value.substring(first + 1, second)));
            JsonNode node = Json.mapper().readTree(payload);
            return node != null && node.isObject() ? new TokenClaims(node) : EMPTY;
        } catch (IllegalArgumentException | IOException e) {
            return EMPTY;
        }
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    /** Accepts both a JSON array and a space-separated string (OAuth's {@code scope} form). */
    private static Set<String> strings(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.isValueNode() && !n.asText().isBlank()) {
                    out.add(n.asText());
                }
            });
        } else if (node.isValueNode()) {
            for (String s : node.asText().trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static Instant epochSeconds(JsonNode node) {
        if (node == null || !node.isNumber() && !(node.isTextual() && node.asText().matches("\\d{1,12}"))) {
            return null;
        }
        return Instant.ofEpochSecond(node.asLong());
    }

    /**
     * Whether nothing was decoded (an opaque token).
     *
     * @return {@code true} for empty claims
     */
    public boolean isEmpty() {
        return this == EMPTY || clientId == null && zoneId == null && subject == null && issuer == null
                && scopes.isEmpty() && expiresAt == null && jti == null;
    }

    /**
     * The OAuth client the token was issued to ({@code client_id}, else {@code cid}, else {@code azp}).
     *
     * @return the client id
     */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    /**
     * The identity zone ({@code zid}): the subaccount's XSUAA tenant.
     *
     * @return the zone id
     */
    public Optional<String> zoneId() {
        return Optional.ofNullable(zoneId);
    }

    /**
     * The BTP subaccount ({@code ext_attr.subaccountid}).
     *
     * @return the subaccount id
     */
    public Optional<String> subaccountId() {
        return Optional.ofNullable(subaccountId);
    }

    /**
     * The service instance whose binding the client belongs to ({@code ext_attr.serviceinstanceid}).
     *
     * @return the instance id
     */
    public Optional<String> serviceInstanceId() {
        return Optional.ofNullable(serviceInstanceId);
    }

    /**
     * The subject ({@code sub}); for client-credentials tokens usually the client id.
     *
     * @return the subject
     */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /**
     * The issuer ({@code iss}).
     *
     * @return the issuer URL
     */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    /**
     * The audiences ({@code aud}), a single string or an array in the token.
     *
     * @return the audiences, possibly empty
     */
    public List<String> audience() {
        return audience;
    }

    /**
     * The grant type the token was issued with ({@code grant_type}).
     *
     * @return e.g. {@code client_credentials}
     */
    public Optional<String> grantType() {
        return Optional.ofNullable(grantType);
    }

    /**
     * The token's unique id ({@code jti}).
     *
     * @return the id
     */
    public Optional<String> jti() {
        return Optional.ofNullable(jti);
    }

    /**
     * The scopes in the token ({@code scope}, an array or a space-separated string), e.g.
     * {@code calm-api!b123.calm-api.projects.read}.
     *
     * @return the scopes, possibly empty
     */
    public Set<String> scopes() {
        return scopes;
    }

    /**
     * When the token was issued ({@code iat}).
     *
     * @return the instant
     */
    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(issuedAt);
    }

    /**
     * When the token expires ({@code exp}).
     *
     * @return the instant
     */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * The decoded claims; they are not secret.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "TokenClaims{}";
        }
        StringJoiner sj = new StringJoiner(", ", "TokenClaims{", "}");
        add(sj, "clientId", clientId);
        add(sj, "zoneId", zoneId);
        add(sj, "subaccountId", subaccountId);
        add(sj, "serviceInstanceId", serviceInstanceId);
        add(sj, "issuer", issuer);
        add(sj, "grantType", grantType);
        add(sj, "jti", jti);
        if (!scopes.isEmpty()) {
            sj.add("scopes=" + scopes);
        }
        add(sj, "issuedAt", issuedAt);
        add(sj, "expiresAt", expiresAt);
        return sj.toString();
    }

    private static void add(StringJoiner sj, String name, Object value) {
        if (value != null) {
            sj.add(name + "=" + value);
        }
    }
}
