package io.calmsdk.core.keys;

import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Reads service keys from where they live. The static methods read Cloud ALM keys
 * ({@link ServiceKey}); {@link #cis()} and {@link #serviceManager()} return readers for the Cloud
 * Management and Service Manager keys with the same methods.
 *
 * <pre>{@code
 * ServiceKey key = ServiceKeys.fromFile(Path.of("calm-key.json"));
 * ServiceKey fromEnv = ServiceKeys.fromEnvironment("CALM_SERVICE_KEY");
 * CisKey cis = ServiceKeys.cis().fromFile(Path.of("cis-central.json"));
 * }</pre>
 *
 * <p>Accepted layouts: the cockpit's key JSON; {@code btp --format json get services/binding} output;
 * {@code cf service-key} output (header lines, then JSON, possibly under {@code credentials});
 * {@code VCAP_SERVICES}; a Kubernetes Secret directory written by the SAP BTP service operator; an
 * environment variable; a file. Environment variables are read only by the methods that say so.
 * Failures are {@link InvalidServiceKeyException}s naming the JSON path and the source, never a secret.
 */
public final class ServiceKeys {

    /** {@code VCAP_SERVICES} label of the Cloud ALM API service. */
    public static final String CALM_VCAP_LABEL = "SAPCloudALMAPIs";

    private static final KeyReader<ServiceKey> CALM = new KeyReader<>(
            ServiceKey.class, "Cloud ALM service key", CALM_VCAP_LABEL, Set.of("endpoints", "uaa"));
    private static final KeyReader<CisKey> CIS = new KeyReader<>(
            CisKey.class, "Cloud Management (cis) service key", "cis", Set.of("endpoints", "uaa"));
    private static final KeyReader<ServiceManagerKey> SERVICE_MANAGER = new KeyReader<>(
            ServiceManagerKey.class, "Service Manager service key", "service-manager", Set.of("sm_url", "clientid"));

    private ServiceKeys() {
    }

    /**
     * The reader of Cloud ALM keys, the same as the static methods of this class.
     *
     * @return the reader
     */
    public static KeyReader<ServiceKey> calm() {
        return CALM;
    }

    /**
     * The reader of Cloud Management ({@code cis}, plan {@code central}) keys; {@code VCAP_SERVICES}
     * label {@code cis}.
     *
     * @return the reader
     */
    public static KeyReader<CisKey> cis() {
        return CIS;
    }

    /**
     * The reader of Service Manager ({@code subaccount-admin}) keys; {@code VCAP_SERVICES} label
     * {@code service-manager}.
     *
     * @return the reader
     */
    public static KeyReader<ServiceManagerKey> serviceManager() {
        return SERVICE_MANAGER;
    }

    /**
     * Reads a Cloud ALM key from JSON text (cockpit JSON, btp CLI or cf CLI output).
     *
     * @param json the text
     * @return the key
     * @throws InvalidServiceKeyException when the text holds no valid key
     * @see KeyReader#fromJson(String)
     */
    public static ServiceKey fromJson(String json) {
        return CALM.fromJson(json);
    }

    /**
     * Reads a Cloud ALM key from a file; warns when group or others may read it.
     *
     * @param file the file
     * @return the key
     * @throws InvalidServiceKeyException when the file cannot be read or holds no valid key
     * @see KeyReader#fromFile(Path)
     */
    public static ServiceKey fromFile(Path file) {
        return CALM.fromFile(file);
    }

    /**
     * Reads a Cloud ALM key from the JSON text in an environment variable of this process.
     *
     * @param variable the variable name
     * @return the key
     * @throws InvalidServiceKeyException when the variable is not set or holds no valid key
     */
    public static ServiceKey fromEnvironment(String variable) {
        return CALM.fromEnvironment(variable);
    }

    /**
     * Reads a Cloud ALM key from a variable of the given environment.
     *
     * @param variable the variable name
     * @param environment the environment, e.g. {@code System.getenv()} or a map in tests
     * @return the key
     * @throws InvalidServiceKeyException when the variable is not set or holds no valid key
     */
    public static ServiceKey fromEnvironment(String variable, Map<String, String> environment) {
        return CALM.fromEnvironment(variable, environment);
    }

    /**
     * Reads the only {@code SAPCloudALMAPIs} key of this process's {@code VCAP_SERVICES}.
     *
     * @return the key
     * @throws InvalidServiceKeyException when there is none, several, or it is invalid
     */
    public static ServiceKey fromVcapServices() {
        return CALM.fromVcapServices();
    }

    /**
     * Reads the {@code SAPCloudALMAPIs} key bound under an instance or binding name from this
     * process's {@code VCAP_SERVICES}.
     *
     * @param name the service instance name or binding name
     * @return the key
     * @throws InvalidServiceKeyException when no or several entries match (listing the available
     *     names), or the key is invalid
     */
    public static ServiceKey fromVcapServices(String name) {
        return CALM.fromVcapServices(name);
    }

    /**
     * Reads a Cloud ALM key from a Kubernetes Secret directory written by the SAP BTP service operator.
     *
     * @param directory the mounted secret directory
     * @return the key
     * @throws InvalidServiceKeyException when the directory holds no valid key
     * @see KeyReader#fromKubernetesSecret(Path)
     */
    public static ServiceKey fromKubernetesSecret(Path directory) {
        return CALM.fromKubernetesSecret(directory);
    }
}
