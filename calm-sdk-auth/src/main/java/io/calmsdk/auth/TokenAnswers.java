package io.calmsdk.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * Reads a token endpoint's answers for one client: the token from a 200, and from anything else a
 * {@link TokenAcquisitionException} that says what failed and what to check. Never quotes a body, which may
 * hold a token.
 */
final class TokenAnswers {

    /** The lifetime assumed for a token that states none, neither in the answer nor as a JWT. */
    static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(5);

    private final String clientId;
    private final String shownTokenUrl;
    private final String urlField;
    private final boolean x509;
    private final Set<String> scopes;

    TokenAnswers(String clientId, String shownTokenUrl, String urlField, boolean x509, Set<String> scopes) {
        this.clientId = clientId;
        this.shownTokenUrl = shownTokenUrl;
        this.urlField = urlField;
        this.x509 = x509;
        this.scopes = scopes;
    }

    AccessToken parse(TransportResponse response, Instant requested) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(response.bodyUnshared());
        } catch (IOException e) {
            root = null;  // the parser's message may quote the body, which holds the token: not used
        }
        if (root == null || !root.isObject()) {
            throw malformed(response.status(), "a body that is not a JSON object");
        }
        String value = text(root, "access_token");
        if (value == null) {
            throw malformed(response.status(), "no access_token");
        }
        String type = text(root, "token_type");
        if (type != null && !type.equalsIgnoreCase("bearer")) {
            throw malformed(response.status(), "token_type " + type + " where bearer was expected");
        }
        Secret secret = Secret.of(value);
        AccessToken.Builder token = AccessToken.builder()
                .value(secret)
                .type(type == null ? "bearer" : type)
                .obtainedAt(requested)
                .jti(text(root, "jti"));
        Long expiresIn = seconds(root.get("expires_in"));
        if (expiresIn != null) {
            token.expiresAt(requested.plusSeconds(expiresIn));
        } else if (TokenClaims.decode(secret).expiresAt().isEmpty()) {
            token.expiresAt(requested.plus(FALLBACK_LIFETIME));
        }
        String scope = text(root, "scope");
        if (scope != null) {
            Set<String> granted = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
            token.scopes(granted);
        }
        return token.build();
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static Long seconds(JsonNode node) {
        if (node != null && node.isNumber()) {
            return node.asLong();
        }
        if (node != null && node.isTextual() && node.asText().trim().matches("\\d{1,10}")) {
            return Long.parseLong(node.asText().trim());
        }
        return null;
    }

    private TokenAcquisitionException malformed(int status, String what) {
        return new TokenAcquisitionException("could not get a token for client " + clientId + " from " + shownTokenUrl
                + ": the endpoint answered HTTP " + status + " with " + what + "; check that " + urlField
                + " of the key is the authorization server (XSUAA) URL",
                shownTokenUrl, clientId, status, null, null, false, null);
    }

    /** Maps what the transport threw to the one exception type callers of a token provider handle. */
    TokenAcquisitionException toTokenException(Throwable failure) {
        Throwable f = failure;
        while ((f instanceof CompletionException || f instanceof ExecutionException) && f.getCause() != null) {
            f = f.getCause();
        }
        if (f instanceof TokenAcquisitionException) {
            return (TokenAcquisitionException) f;
        }
        String prefix = "could not get a token for client " + clientId + " from " + shownTokenUrl + ": ";
        if (f instanceof CalmServiceException) {
            CalmServiceException e = (CalmServiceException) f;
            int status = e.status();
            String error = e.errorCode().orElse(null);
            String description = e.errorMessage().orElse(null);
            StringBuilder message = new StringBuilder(prefix).append("HTTP ").append(status);
            if (error != null || description != null) {
                message.append(" (").append(error == null ? "" : error)
                        .append(error != null && description != null ? ": " : "")
                        .append(description == null ? "" : description).append(')');
            }
            if (e.attempts() > 1) {
                message.append(" after ").append(e.attempts()).append(" attempts");
            }
            message.append("; ").append(hint(status, error));
            e.correlationId().ifPresent(id -> message.append(" [correlation id ").append(id).append(']'));
            boolean transientFailure = status >= 500 || status == 429 || status == 408;
            return new TokenAcquisitionException(message.toString(), shownTokenUrl, clientId, status, error,
                    description, transientFailure, e);
        }
        if (f instanceof CalmTimeoutException) {
            return new TokenAcquisitionException(prefix + "the token endpoint did not answer in time ("
                    + f.getMessage() + ")", shownTokenUrl, clientId, null, null, null, true, f);
        }
        if (f instanceof CalmClientException) {
            // The transport's message already names the host, the failure and what to check.
            boolean tls = causedBy(f, SSLException.class);
            return new TokenAcquisitionException(prefix + "the token endpoint could not be reached: " + f.getMessage(),
                    shownTokenUrl, clientId, null, null, null, !tls, f);
        }
        if (f instanceof CalmException) {
            return new TokenAcquisitionException(prefix + f.getMessage(), shownTokenUrl, clientId, null, null,
                    null, false, f);
        }
        return new TokenAcquisitionException(prefix + "unexpected " + (f == null ? "failure" : f.getClass().getName()),
                shownTokenUrl, clientId, null, null, null, false, f);
    }

    private String hint(int status, String error) {
        String code = error == null ? "" : error.toLowerCase(Locale.ROOT);
        if (status == 401 || code.equals("invalid_client") || code.equals("unauthorized")) {
            return x509
                    ? "check that the certificate and key of the key for " + shownTokenUrl + " are current and belong to"
                    + " clientid " + clientId
                    : "check clientid/clientsecret of the key for " + shownTokenUrl;
        }
        if (code.equals("invalid_scope")) {
            return "the client may not request scopes " + scopes + ": request only scopes granted to the instance"
                    + " (its xs-security authorities)";
        }
        if (code.equals("unauthorized_client")) {
            return "the client is not allowed the client_credentials grant: check the grant types of the instance";
        }
        if (status == 404 || status == 405) {
            return "check that " + urlField
                    + " of the key is the authorization server (XSUAA) URL";
        }
        if (status == 429 || status >= 500) {
            return "the token service is unavailable or rate limited; try again later";
        }
        return "check the key's OAuth client settings";
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (type.isInstance(x)) {
                return true;
            }
        }
        return false;
    }

    static RuntimeException forCaller(Throwable failure) {
        if (failure instanceof TokenAcquisitionException) {
            return ((TokenAcquisitionException) failure).forCaller();
        }
        if (failure instanceof RuntimeException) {
            return (RuntimeException) failure;
        }
        return new CalmClientException("token fetch failed unexpectedly (" + failure + ")", failure);
    }
}
