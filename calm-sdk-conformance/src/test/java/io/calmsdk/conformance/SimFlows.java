package io.calmsdk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calmsdk.testkit.BtpSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the conformance tests need from the simulator besides SAP's clients: a Cloud ALM key with X.509
 * credentials (through Service Manager, as a consumer gets one) and the JVM trust the simulator's CA
 * needs. Plain {@code java.net.http} and Jackson trees, so that nothing of calm-sdk's own client is involved.
 */
final class SimFlows {

    static final ObjectMapper JSON = new ObjectMapper();
    static final char[] TRUST_STORE_PASSWORD = "changeit".toCharArray();

    private SimFlows() {
    }

    /**
     * Makes the JVM trust the simulator's CA the way a consumer's test does for SAP's clients, which take
     * their trust from the {@code javax.net.ssl.trustStore} properties: the CA is written to a new file
     * each time, so that the JDK loads it again.
     */
    static void trustTheSimulatorCa(BtpSimulator sim) {
        try {
            Path file = Files.createTempFile("calm-sdk-simulator-ca", ".p12");
            file.toFile().deleteOnExit();
            sim.tls().writeTrustStore(file, TRUST_STORE_PASSWORD);
            System.setProperty("javax.net.ssl.trustStore", file.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", new String(TRUST_STORE_PASSWORD));
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Cloud ALM key with X.509 credentials, created through Service Manager with the simulator's defaults. */
    static JsonNode x509CloudAlmKey(BtpSimulator sim, String name) {
        // Room for this instance next to those other tests seeded: the global account owns 10 units.
        sim.seed().entitlement(sim.defaultSubaccountId(), "SAPCloudALMAPIs", "standard", 10);
        JsonNode smKey = sim.serviceManagerKey().tree();
        String sm = smKey.get("sm_url").asText();
        String token = token(smKey.get("url").asText(), smKey.get("clientid").asText(),
                smKey.get("clientsecret").asText());
        JsonNode instance = send("POST", sm + "/v1/service_instances?async=false", token, "{\"name\":\"" + name
                + "\",\"service_offering_name\":\"SAPCloudALMAPIs\",\"service_plan_name\":\"standard\","
                + "\"parameters\":{\"xs-security\":{\"xsappname\":\"" + name + "\",\"authorities\":"
                + "[\"$XSMASTERAPPNAME.calm-api.projects.read\"],\"oauth2-configuration\":{\"credential-types\":"
                + "[\"x509\"]}}}}");
        JsonNode binding = send("POST", sm + "/v1/service_bindings?async=false", token, "{\"name\":\"" + name
                + "-key\",\"service_instance_id\":\"" + instance.get("id").asText() + "\"}");
        return binding.get("credentials");
    }

    private static String token(String uaaUrl, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(uaaUrl + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(10)).build();
        return call(request, 200).get("access_token").asText();
    }

    private static JsonNode send(String method, String url, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(10)).build();
        return call(request, 201);
    }

    private static JsonNode call(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
