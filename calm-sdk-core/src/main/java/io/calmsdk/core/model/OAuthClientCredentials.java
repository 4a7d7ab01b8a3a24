package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import java.net.URI;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The OAuth client part every key carries (the {@code uaa} object of a Cloud ALM or Cloud Management
 * key, the top level of a Service Manager key): a client id and either a client secret or an X.509
 * certificate with its private key, plus the authorization server URLs.
 *
 * <p>Secrets are {@link Secret}s and print as {@code ***}; the certificate is public but long, so it is
 * left out of {@code toString()} as well. Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class OAuthClientCredentials {

    OAuthClientCredentials() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link OAuthClientCredentials}; {@code build()} throws {@link InvalidServiceKeyException} when incomplete. */
    public static final class Builder extends ImmutableOAuthClientCredentials.Builder {
        Builder() {
        }
    }

    /**
     * The OAuth client id ({@code clientid}).
     *
     * @return the client id, never blank
     */
    public abstract String clientId();

    /**
     * The client secret ({@code clientsecret}), absent for X.509 credentials.
     *
     * @return the secret
     */
    @Value.Redacted
    public abstract Optional<Secret> clientSecret();

    /**
     * The PEM client certificate ({@code certificate}) of X.509 credentials.
     *
     * @return the certificate chain in PEM
     */
    @Value.Redacted
    public abstract Optional<String> certificate();

    /**
     * The PEM private key ({@code key}) of X.509 credentials.
     *
     * @return the private key
     */
    @Value.Redacted
    public abstract Optional<Secret> privateKey();

    /**
     * The authorization server base URL ({@code url}), used with a client secret.
     *
     * @return the URL, e.g. {@code https://sub.authentication.eu10.hana.ondemand.com}
     */
    public abstract Optional<URI> url();

    /**
     * The authorization server base URL for mutual TLS ({@code certurl}), used with a certificate.
     *
     * @return the URL, e.g. {@code https://sub.authentication.cert.eu10.hana.ondemand.com}
     */
    public abstract Optional<URI> certUrl();

    /**
     * Whether the client authenticates with its X.509 certificate (mutual TLS) rather than a secret:
     * true when certificate and private key are present and no client secret is.
     *
     * @return {@code true} for certificate-based credentials
     */
    public boolean isX509() {
        return clientSecret().isEmpty() && certificate().isPresent() && privateKey().isPresent();
    }

    /**
     * The token endpoint to call: {@code certurl + /oauth/token} for X.509 credentials (falling back to
     * {@code url} when the key has no {@code certurl}), otherwise {@code url + /oauth/token}.
     *
     * @return the token endpoint
     */
    public URI tokenUrl() {
        URI base = isX509() ? certUrl().or(this::url).orElseThrow() : url().orElseThrow();
        return KeyUrls.tokenEndpoint(base);
    }

    /** Jackson: the client with secrets masked, in the wire field names. */
    @JsonValue
    JsonNode maskedJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        KeyJson.writeClient(node, this, false);
        return node;
    }

    /**
     * Jackson: reads a client, by hand like the keys (see {@link JsonIn}), from {@code clientid}, {@code clientsecret} or {@code certificate} +
     * {@code key}, {@code url}, {@code certurl}.
     *
     * @param node the JSON object
     * @return the credentials
     * @throws InvalidServiceKeyException naming the field that is missing or wrong
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static OAuthClientCredentials fromJsonNode(JsonNode node) {
        return KeyJson.readClient(JsonIn.root(node, KeyProblems.of("OAuth client credentials")), "OAuth client credentials");
    }

    @Value.Check
    void check() {
        problem(clientId(), clientSecret(), certificate(), privateKey(), url(), certUrl()).ifPresent(p -> {
            throw KeyProblems.invalid("OAuth client credentials", p.field(), p.text());
        });
    }

    /** A problem found in an OAuth client part: the JSON field (relative) and what is wrong. */
    record Problem(String field, String text) {
    }

    /**
     * Validates the parts before they are built, so parsers can report the full JSON path.
     *
     * @return the first problem, if any
     */
    static Optional<Problem> problem(String clientId, Optional<Secret> secret, Optional<String> certificate,
            Optional<Secret> key, Optional<URI> url, Optional<URI> certUrl) {
        if (clientId.isBlank()) {
            return Optional.of(new Problem("clientid", "is blank"));
        }
        boolean hasSecret = secret.filter(s -> !s.reveal().isBlank()).isPresent();
        if (!hasSecret) {
            if (certificate.isEmpty() && key.isEmpty()) {
                return Optional.of(new Problem("clientsecret",
                        "is missing; a key needs either clientsecret or certificate + key"));
            }
            if (certificate.isEmpty()) {
                return Optional.of(new Problem("certificate", "is missing; an X.509 key needs certificate + key"));
            }
            if (key.filter(k -> !k.reveal().isBlank()).isEmpty()) {
                return Optional.of(new Problem("key", "is missing; an X.509 key needs certificate + key"));
            }
        }
        if (url.isEmpty() && (hasSecret || certUrl.isEmpty())) {
            return Optional.of(new Problem("url", "is missing"));
        }
        Optional<Problem> urlProblem = url.flatMap(KeyUrls::problem).map(t -> new Problem("url", t));
        if (urlProblem.isPresent()) {
            return urlProblem;
        }
        return certUrl.flatMap(KeyUrls::problem).map(t -> new Problem("certurl", t));
    }
}
