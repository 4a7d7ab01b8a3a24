package io.calmsdk.auth;

import io.calmsdk.core.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An OAuth2 access token: its value (a {@link Secret}), type, expiry, granted scopes, {@code jti} and
 * the decoded JWT claims.
 *
 * <p>The claims are decoded without verifying the token's signature (see {@link TokenClaims}); they
 * serve diagnostics only. Opaque (non-JWT) tokens work as well, with empty claims.
 *
 * <p>Two tokens are equal when their values are equal. {@link #toString()} never shows the value.
 * Immutable and thread-safe.
 */
public final class AccessToken {

    private final Secret value;
    private final String type;
    private final Instant expiresAt;
    private final Instant obtainedAt;
    private final Set<String> scopes;
    private final String jti;
    private final TokenClaims claims;

    private AccessToken(Builder b, TokenClaims claims, Instant expiresAt) {
        this.value = b.value;
        this.type = b.type;
        this.expiresAt = expiresAt;
        this.obtainedAt = b.obtainedAt;
        this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(b.scopes != null ? b.scopes : claims.scopes()));
        this.jti = b.jti != null ? b.jti : claims.jti().orElse(null);
        this.claims = claims;
    }

    /**
     * Creates a bearer token that expires at the given instant; scopes, {@code jti} and claims are
     * decoded from the value when it is a JWT.
     *
     * @param value the token value
     * @param expiresAt when the token stops being valid
     * @return the token
     */
    public static AccessToken of(Secret value, Instant expiresAt) {
        return builder().value(value).expiresAt(expiresAt).build();
    }

    /**
     * Starts a builder, e.g. for a {@link TokenProvider} of your own.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The token value to send. Reveal it only to put it on the wire.
     *
     * @return the value
     */
    public Secret value() {
        return value;
    }

    /**
     * The token type, as the token endpoint named it.
     *
     * @return usually {@code bearer}
     */
    public String type() {
        return type;
    }

    /**
     * When the token stops being valid: the time it was requested plus the endpoint's
     * {@code expires_in}, else the JWT's {@code exp}.
     *
     * @return the expiry
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * When the token was requested, if known; with {@link #expiresAt()} it gives the lifetime that the
     * refresh skew is derived from.
     *
     * @return the instant
     */
    public Optional<Instant> obtainedAt() {
        return Optional.ofNullable(obtainedAt);
    }

    /**
     * How long the token was valid for when it was obtained.
     *
     * @return the lifetime, if {@link #obtainedAt()} is known
     */
    public Optional<Duration> lifetime() {
        return obtainedAt().map(o -> Duration.between(o, expiresAt));
    }

    /**
     * The scopes granted: the endpoint's {@code scope} answer, else the JWT's {@code scope} claim.
     *
     * @return the scopes, possibly empty
     */
    public Set<String> scopes() {
        return scopes;
    }

    /**
     * Whether a granted scope is, or ends with, the given name after an application prefix: Cloud ALM
     * scopes are granted as {@code <xsappname>.calm-api.projects.read}, so
     * {@code hasScope("calm-api.projects.read")} is {@code true} for them.
     *
     * @param scope the scope, with or without the application prefix
     * @return {@code true} if granted
     */
    public boolean hasScope(String scope) {
        Objects.requireNonNull(scope, "scope");
        return scopes.stream().anyMatch(s -> s.equals(scope) || s.endsWith("." + scope));
    }

    /**
     * The token's unique id: the endpoint's {@code jti} answer, else the JWT's {@code jti} claim.
     *
     * @return the id
     */
    public Optional<String> jti() {
        return Optional.ofNullable(jti);
    }

    /**
     * The decoded, <em>unverified</em> JWT claims; empty for opaque tokens.
     *
     * @return the claims
     */
    public TokenClaims claims() {
        return claims;
    }

    /**
     * Whether the token is expired at the given instant.
     *
     * @param now the instant to check
     * @return {@code true} if {@code now} is at or after {@link #expiresAt()}
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Equal when the values are equal (compared in constant time).
     *
     * @param o the other object
     * @return whether both are tokens with the same value
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken && value.equals(((AccessToken) o).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Type, expiry, scopes, jti and client; the value is shown as {@code ***}.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "AccessToken{value=***, type=" + type + ", expiresAt=" + expiresAt + ", scopes=" + scopes
                + (jti == null ? "" : ", jti=" + jti)
                + claims.clientId().map(c -> ", clientId=" + c).orElse("") + "}";
    }

    /**
     * Builds an {@link AccessToken}. Not thread-safe.
     */
    public static final class Builder {
        private Secret value;
        private String type = "bearer";
        private Instant expiresAt;
        private Instant obtainedAt;
        private Set<String> scopes;
        private String jti;

        private Builder() {
        }

        /**
         * Sets the token value (required).
         *
         * @param value the value
         * @return this builder
         */
        public Builder value(Secret value) {
            this.value = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets the token type. Default {@code bearer}.
         *
         * @param type the type
         * @return this builder
         */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type").toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * Sets the expiry. Default: the JWT's {@code exp} claim; required for opaque tokens.
         *
         * @param expiresAt the expiry
         * @return this builder
         */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
            return this;
        }

        /**
         * Sets when the token was requested. Optional.
         *
         * @param obtainedAt the instant
         * @return this builder
         */
        public Builder obtainedAt(Instant obtainedAt) {
            this.obtainedAt = Objects.requireNonNull(obtainedAt, "obtainedAt");
            return this;
        }

        /**
         * Sets the granted scopes. Default: the JWT's {@code scope} claim.
         *
         * @param scopes the scopes
         * @return this builder
         */
        public Builder scopes(Collection<String> scopes) {
            this.scopes = new LinkedHashSet<>(Objects.requireNonNull(scopes, "scopes"));
            return this;
        }

        /**
         * Sets the token id. Default: the JWT's {@code jti} claim.
         *
         * @param jti the id
         * @return this builder
         */
        public Builder jti(String jti) {
            this.jti = jti;
            return this;
        }

        /**
         * Builds the token, decoding the JWT claims (without verifying the signature).
         *
         * @return the token
         * @throws IllegalStateException if the value is missing, or the expiry is neither set nor in the
         *     JWT's {@code exp} claim
         */
        public AccessToken build() {
            if (value == null) {
                throw new IllegalStateException("value is required");
            }
            TokenClaims claims = TokenClaims.decode(value);
            Instant expiry = expiresAt != null ? expiresAt : claims.expiresAt().orElseThrow(() ->
                    new IllegalStateException("expiresAt is required: the token is not a JWT with an exp claim"));
            return new AccessToken(this, claims, expiry);
        }
    }
}
