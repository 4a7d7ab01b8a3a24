package io.calmsdk.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.Secret;
import io.calmsdk.core.internal.json.Json;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Reading and writing the parts the three key types share, with full JSON paths in every problem. */
final class KeyJson {

    /** Fields that hold credentials: only JSON strings are accepted, never a coerced number or boolean. */
    private static final String[] CREDENTIAL_FIELDS = {"clientid", "clientsecret", "certificate", "key"};

    private KeyJson() {
    }

    /**
     * Reads an OAuth client part from the object {@code in} (the {@code uaa} object, or the key root).
     *
     * @param in the object holding {@code clientid}, {@code clientsecret}, ...
     * @param kind the key kind, for messages
     * @return the validated credentials
     */
    static OAuthClientCredentials readClient(JsonIn in, String kind) {
        for (String field : CREDENTIAL_FIELDS) {
            JsonNode v = in.node().get(field);
            if (v != null && !v.isNull() && !v.isTextual()) {
                // A number or boolean would otherwise be read as its text and sent as a credential.
                throw in.problem(field, "is not a string");
            }
        }
        String clientId = in.text("clientid");
        Optional<Secret> secret = in.optText("clientsecret").map(Secret::of);
        Optional<String> certificate = in.optText("certificate");
        Optional<Secret> key = in.optText("key").map(Secret::of);
        Optional<URI> url = in.optUri("url");
        Optional<URI> certUrl = in.fieldNameIgnoreCase("certurl").flatMap(in::optUri);
        OAuthClientCredentials.problem(clientId, secret, certificate, key, url, certUrl).ifPresent(p -> {
            throw KeyProblems.invalid(kind, in.path(p.field()), p.text());
        });
        return OAuthClientCredentials.builder()
                .clientId(clientId)
                .clientSecret(secret)
                .certificate(certificate)
                .privateKey(key)
                .url(url)
                .certUrl(certUrl)
                .build();
    }

    /**
     * Writes an OAuth client part into {@code target}, replacing what is there.
     *
     * @param target the object to write into
     * @param client the credentials
     * @param reveal whether secrets are written in clear ({@code false}: {@code ***})
     */
    static void writeClient(ObjectNode target, OAuthClientCredentials client, boolean reveal) {
        target.put("clientid", client.clientId());
        putSecret(target, "clientsecret", client.clientSecret(), reveal);
        client.certificate().ifPresentOrElse(c -> target.put("certificate", c), () -> target.remove("certificate"));
        putSecret(target, "key", client.privateKey(), reveal);
        client.url().ifPresentOrElse(u -> target.put("url", u.toString()), () -> target.remove("url"));
        removeIgnoreCase(target, "certurl");
        client.certUrl().ifPresent(u -> target.put("certurl", u.toString()));
    }

    static void putSecret(ObjectNode target, String field, Optional<Secret> secret, boolean reveal) {
        if (secret.isPresent()) {
            target.put(field, reveal ? secret.get().reveal() : SecretMasking.MASK);
        } else {
            target.remove(field);
        }
    }

    static void putOptional(ObjectNode target, String field, Optional<String> value) {
        value.ifPresentOrElse(v -> target.put(field, v), () -> target.remove(field));
    }

    static void removeIgnoreCase(ObjectNode target, String field) {
        for (Iterator<String> it = target.fieldNames(); it.hasNext(); ) {
            if (it.next().equalsIgnoreCase(field)) {
                it.remove();
            }
        }
    }

    /** The name of {@code field} in {@code object} as written there, matched ignoring case. */
    static Optional<String> nameIgnoreCase(ObjectNode object, String field) {
        if (object.has(field)) {
            return Optional.of(field);
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equalsIgnoreCase(field)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Pretty-printed JSON text of a tree (which cannot fail to serialize). */
    static String pretty(JsonNode node) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at {@code field} of {@code parent}, created when missing or not an object. */
    static ObjectNode objectAt(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        if (existing instanceof ObjectNode) {
            return (ObjectNode) existing;
        }
        return parent.putObject(field);
    }

    /**
     * Reads a required endpoint URL and checks the https rule.
     *
     * @param in the object holding the field
     * @param field the field name as written in the document
     * @param kind the key kind, for messages
     * @return the URL
     */
    static URI requiredUrl(JsonIn in, String field, String kind) {
        URI uri = in.optUri(field).orElseThrow(() -> KeyProblems.invalid(kind, in.path(field), "is missing"));
        KeyUrls.problem(uri).ifPresent(p -> {
            throw KeyProblems.invalid(kind, in.path(field), p);
        });
        return uri;
    }

    /** Optional counterpart of {@link #requiredUrl}. */
    static Optional<URI> optionalUrl(JsonIn in, String field, String kind) {
        return in.has(field) ? Optional.of(requiredUrl(in, field, kind)) : Optional.empty();
    }

    /** Checks a URL given to a builder. */
    static void checkUrl(String kind, String path, URI uri) {
        KeyUrls.problem(uri).ifPresent(p -> {
            throw KeyProblems.invalid(kind, path, p);
        });
    }

    /** Writes the scalar members of {@code values} into {@code target}. */
    static void putAll(ObjectNode target, Map<String, String> values) {
        values.forEach(target::put);
    }

    /** The scalar at a path of the raw JSON, as text. */
    static Optional<String> field(RawJson raw, String... path) {
        JsonNode v = raw.at(path);
        return v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }
}
