package io.calmsdk.core.keys;

import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Reads service keys from where they live: one reader per kind of key, each with the same methods —
 * {@link #calm()} for Cloud ALM keys ({@link ServiceKey}), {@link #cis()} for Cloud Management keys and
 * {@link #serviceManager()} for Service Manager keys.
 *
 * <pre>{@code
 * ServiceKey key = ServiceKeys.calm().fromFile(Path.of("calm-key.json"));
 * ServiceKey fromEnv = ServiceKeys.calm().fromEnvironment("CALM_SERVICE_KEY");
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
     * The reader of Cloud ALM ({@code SAPCloudALMAPIs}) keys; {@code VCAP_SERVICES} label
     * {@value #CALM_VCAP_LABEL}.
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
}
