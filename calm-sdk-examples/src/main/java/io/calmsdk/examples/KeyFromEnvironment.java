package io.calmsdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the Cloud ALM key where the platform puts it: {@code VCAP_SERVICES} on Cloud Foundry, a secret
 * directory written by the SAP BTP service operator on Kubernetes, or a variable holding the key's JSON.
 *
 * <p>Run as is, it reads the real environment ({@code VCAP_SERVICES}, {@code /etc/secrets/calm}, or
 * {@code CALM_SERVICE_KEY}); when none of them is there, it builds all three from a key of an
 * in-process simulator and reads each.
 */
public final class KeyFromEnvironment {

    /** Where the SAP BTP service operator's secret is mounted in the examples' deployment. */
    static final Path SECRET_DIR = Path.of("/etc/secrets/calm");

    private KeyFromEnvironment() {
    }

    /**
     * Runs the example.
     *
     * @param args optional: the secret directory (default {@code /etc/secrets/calm})
     */
    public static void main(String[] args) {
        Path secretDir = args.length > 0 ? Path.of(args[0]) : SECRET_DIR;
        Map<String, String> env = ExampleEnvironment.current();
        if (env.containsKey("VCAP_SERVICES") || Files.isDirectory(secretDir) || env.containsKey("CALM_SERVICE_KEY")) {
            System.out.println("Cloud ALM API of the key found: " + readKey(env, secretDir).apiEndpoint());
            return;
        }
        try (ExampleSetup setup = ExampleSetup.forVariable("CALM_SERVICE_KEY")) {
            String keyJson = setup.simulator().seed().cloudAlmKey("calm-api.projects.read").json();
            Path secret = kubernetesSecret(keyJson);
            Path noSecret = secret.resolve("absent");
            Map<String, ServiceKey> keys = new LinkedHashMap<>();
            keys.put("VCAP_SERVICES", readKey(Map.of("VCAP_SERVICES", vcapServices(keyJson)), noSecret));
            keys.put("Kubernetes secret " + secret, readKey(Map.of(), secret));
            keys.put("CALM_SERVICE_KEY", readKey(Map.of("CALM_SERVICE_KEY", keyJson), noSecret));
            keys.forEach((source, key) -> {
                try (CloudAlmClient calm = CloudAlmClient.create(key)) {
                    System.out.println("key from " + source + ": client " + key.uaa().clientId() + ", "
                            + calm.projects().list().stream().count() + " projects visible");
                }
            });
        }
    }

    /**
     * Reads the key from whichever source the platform provides.
     *
     * @param env the environment variables
     * @param secretDir the mounted Kubernetes secret
     * @return the Cloud ALM key
     */
    public static ServiceKey readKey(Map<String, String> env, Path secretDir) {
        // tag::key-from-environment[]
        if (env.containsKey("VCAP_SERVICES")) {                      // Cloud Foundry: a bound instance
            return ServiceKeys.calm().fromVcapServices(env);         // label SAPCloudALMAPIs
        }
        if (Files.isDirectory(secretDir)) {                          // Kubernetes: SAP BTP service operator
            return ServiceKeys.calm().fromKubernetesSecret(secretDir);      // one file per field, or one JSON file
        }
        return ServiceKeys.calm().fromEnvironment("CALM_SERVICE_KEY", env); // anywhere: the key's JSON in a variable
        // end::key-from-environment[]
    }

    /** What Cloud Foundry puts in VCAP_SERVICES for a bound SAP Cloud ALM API instance. */
    static String vcapServices(String keyJson) {
        return "{\"SAPCloudALMAPIs\":[{\"name\":\"calm-api\",\"label\":\"SAPCloudALMAPIs\",\"plan\":\"standard\","
                + "\"credentials\":" + keyJson + "}]}";
    }

    /** What the SAP BTP service operator writes: one file per top-level field of the credentials. */
    static Path kubernetesSecret(String keyJson) {
        try {
            Path dir = Files.createTempDirectory("calm-secret");
            JsonNode tree = new ObjectMapper().readTree(keyJson);
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String text = field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString();
                Files.writeString(dir.resolve(field.getKey()), text, StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
