package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A deliberately dumb client for contract tests: raw java.net.http and Jackson trees, so that the tests
 * check the simulator against the contract document and nothing else.
 */
public final class RawHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    public RawHttp() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    RawHttp(HttpClient client) {
        this.client = client;
    }

    static RawHttp withTls(SSLContext context) {
        return new RawHttp(HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A response with its body as text and, when it parses, as JSON. */
    record Reply(int status, HttpResponse<String> raw) {
        String body() {
            return raw.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Fetches a token with HTTP Basic client authentication from {@code uaaUrl/oauth/token}. */
    Reply tokenReply(String uaaUrl, String clientId, String secret) {
        return send(request(uaaUrl + "/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(clientId, secret))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    }

    /** A token for a key with {@code uaa.{url, clientid, clientsecret}} or flat {@code {url, clientid, clientsecret}}. */
    public String token(JsonNode key) {
        JsonNode uaa = key.has("uaa") ? key.get("uaa") : key;
        Reply reply = tokenReply(uaa.get("url").asText(), uaa.get("clientid").asText(),
                uaa.get("clientsecret").asText());
        if (reply.status() != 200) {
            throw new AssertionError("token request failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("access_token").asText();
    }

    Reply get(String url, String token) {
        return send(request(url).header("Authorization", "Bearer " + token).GET().build());
    }

    Reply delete(String url, String token) {
        return send(request(url).header("Authorization", "Bearer " + token).DELETE().build());
    }

    Reply post(String url, String token, String json) {
        return send(request(url).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply put(String url, String token, String json) {
        return send(request(url).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply patch(String url, String token, String json) {
        return send(request(url).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
