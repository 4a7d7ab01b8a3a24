package io.calmsdk.examples;

import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.core.model.ServiceKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Only the token: calm-sdk-auth fetches and caches an OAuth token from a Cloud ALM key, and your own
 * HTTP client calls Cloud ALM with it. For applications that already have an HTTP stack.
 *
 * <p>With {@code CALM_SERVICE_KEY} (the key's JSON or a file path) set it uses that key; without it, a
 * key of an in-process simulator.
 */
public final class TokenOnly {

    private TokenOnly() {
    }

    /**
     * Runs the example.
     *
     * @param args not used
     * @throws IOException if the call fails
     * @throws InterruptedException if interrupted while calling
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        try (ExampleSetup setup = ExampleSetup.forVariable("CALM_SERVICE_KEY")) {
            System.out.println("GET projects answered HTTP " + callWithOwnClient(setup.cloudAlmKey()));
        }
    }

    /**
     * Fetches a token and lists projects with the JDK's HTTP client.
     *
     * @param key a Cloud ALM service key
     * @return the HTTP status of the call
     * @throws IOException if the call fails
     * @throws InterruptedException if interrupted while calling
     */
    public static int callWithOwnClient(ServiceKey key) throws IOException, InterruptedException {
        // tag::token-only[]
        try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.create(key)) {
            AccessToken token = tokens.token();             // cached; refreshed shortly before it expires
            System.out.println(token);                      // AccessToken{value=***, expiresAt=..., scopes=[...]}
            HttpRequest request = HttpRequest.newBuilder(URI.create(key.apiEndpoint() + "/calm-projects/v1/projects"))
                    .header("Authorization", "Bearer " + token.value().reveal())
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        }
        // end::token-only[]
    }
}
