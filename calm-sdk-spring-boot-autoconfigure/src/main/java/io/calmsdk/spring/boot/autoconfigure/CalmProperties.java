package io.calmsdk.spring.boot.autoconfigure;

import io.calmsdk.core.ClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code calm.*} settings of the calm-sdk Spring Boot starter: where the Cloud ALM service key comes
 * from, the admin keys of the provisioner, and the timeouts and retries mapped onto
 * {@link io.calmsdk.core.ClientOptions}.
 *
 * <p>The Cloud ALM key is looked for in this order: {@code calm.service-key} (a file path or the key's
 * JSON); the {@code VCAP_SERVICES} entry with label {@code SAPCloudALMAPIs} (Cloud Foundry; the instance
 * or binding named {@code calm.instance-name} when set); a Kubernetes binding directory
 * ({@code calm.kubernetes.binding-directory}, a binding of that type under {@code SERVICE_BINDING_ROOT},
 * or the SAP BTP service operator's mount {@code /etc/secrets/sapbtp/SAPCloudALMAPIs/<instance>}). No key
 * at all: no client bean, and one INFO line says where the starter looked.
 *
 * <p>{@link #toString()} never shows a key: keys hold client secrets.
 */
@ConfigurationProperties(prefix = "calm")
public class CalmProperties {

    /** The SDK's own defaults: the starter never states a default of its own (one setting, one place). */
    static final ClientOptions SDK_DEFAULTS = ClientOptions.defaults();

    /** Whether the calm-sdk auto-configuration is active. */
    private boolean enabled = true;

    /**
     * The Cloud ALM service key: a path to its JSON file, or the JSON itself. Wins over VCAP_SERVICES and
     * Kubernetes bindings.
     */
    private String serviceKey;

    /**
     * The service instance (or binding) name to take from VCAP_SERVICES, and the binding directory name to
     * take under the Kubernetes binding roots, when several Cloud ALM keys are bound.
     */
    private String instanceName;

    /** The product token appended to the User-Agent of every request, e.g. "order-sync/1.4". */
    private String userAgentSuffix;

    /** TCP connect timeout; default {@code ClientOptions.defaults()}'s (10 s). */
    private Duration connectTimeout = SDK_DEFAULTS.connectTimeout();

    /** Timeout of one HTTP attempt, until the whole answer is read; default {@code ClientOptions.defaults()}'s (30 s). */
    private Duration attemptTimeout = SDK_DEFAULTS.attemptTimeout();

    /** Timeout of a whole call, retries and the waits between them included; default {@code ClientOptions.defaults()}'s (2 min). */
    private Duration callTimeout = SDK_DEFAULTS.callTimeout();

    @NestedConfigurationProperty
    private final CalmRetryProperties retry = new CalmRetryProperties();

    private final Admin admin = new Admin();

    private final Kubernetes kubernetes = new Kubernetes();

    private final Health health = new Health();

    private final Metrics metrics = new Metrics();

    /**
     * Creates the settings with their defaults; Spring Boot binds {@code calm.*} onto them.
     */
    public CalmProperties() {
    }

    /**
     * Whether the auto-configuration is active ({@code calm.enabled}).
     *
     * @return {@code true} by default
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Turns the auto-configuration on or off.
     *
     * @param enabled {@code false} to create no calm-sdk bean at all
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The Cloud ALM service key setting ({@code calm.service-key}): a file path or the key's JSON.
     *
     * @return the setting, or {@code null} when not set
     */
    public String getServiceKey() {
        return serviceKey;
    }

    /**
     * Sets the Cloud ALM service key: a file path or the key's JSON.
     *
     * @param serviceKey the path or JSON
     */
    public void setServiceKey(String serviceKey) {
        this.serviceKey = serviceKey;
    }

    /**
     * The instance or binding name that selects the Cloud ALM key among several bound ones.
     *
     * @return the name, or {@code null} when not set
     */
    public String getInstanceName() {
        return instanceName;
    }

    /**
     * Sets the instance or binding name that selects the Cloud ALM key.
     *
     * @param instanceName the name
     */
    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    /**
     * The product token appended to the {@code User-Agent}.
     *
     * @return the suffix, or {@code null} when not set
     */
    public String getUserAgentSuffix() {
        return userAgentSuffix;
    }

    /**
     * Sets the product token appended to the {@code User-Agent}.
     *
     * @param userAgentSuffix printable ASCII, e.g. {@code order-sync/1.4}
     */
    public void setUserAgentSuffix(String userAgentSuffix) {
        this.userAgentSuffix = userAgentSuffix;
    }

    /**
     * The TCP connect timeout.
     *
     * @return the timeout; default 10 s
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the TCP connect timeout.
     *
     * @param connectTimeout the timeout, positive
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The timeout of one attempt.
     *
     * @return the timeout; default 30 s
     */
    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    /**
     * Sets the timeout of one attempt.
     *
     * @param attemptTimeout the timeout, positive
     */
    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    /**
     * The timeout of a whole call, retries included.
     *
     * @return the timeout; default 2 min
     */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /**
     * Sets the timeout of a whole call, retries included.
     *
     * @param callTimeout the timeout, positive
     */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /**
     * The retry settings ({@code calm.retry.*}).
     *
     * @return the retry settings
     */
    public CalmRetryProperties getRetry() {
        return retry;
    }

    /**
     * The admin keys of the provisioner ({@code calm.admin.*}).
     *
     * @return the admin settings
     */
    public Admin getAdmin() {
        return admin;
    }

    /**
     * Where Kubernetes bindings are looked for ({@code calm.kubernetes.*}).
     *
     * @return the Kubernetes settings
     */
    public Kubernetes getKubernetes() {
        return kubernetes;
    }

    /**
     * The health indicator settings ({@code calm.health.*}).
     *
     * @return the health settings
     */
    public Health getHealth() {
        return health;
    }

    /**
     * The metrics settings ({@code calm.metrics.*}).
     *
     * @return the metrics settings
     */
    public Metrics getMetrics() {
        return metrics;
    }

    /**
     * The settings, keys masked.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "CalmProperties{enabled=" + enabled + ", serviceKey=" + (serviceKey == null ? "unset" : "***")
                + ", instanceName=" + instanceName + ", connectTimeout=" + connectTimeout + ", attemptTimeout="
                + attemptTimeout + ", callTimeout=" + callTimeout + ", retry=" + retry + ", admin=" + admin + "}";
    }

    /**
     * The admin keys: with either of them a {@code CloudAlmProvisioner} bean is created (calm-sdk-btp on the
     * class path).
     */
    public static class Admin {

        /** The Cloud Management (cis, plan central) key: a file path or the key's JSON. */
        private String cisKey;

        /** The Service Manager (plan subaccount-admin) key: a file path or the key's JSON. */
        private String smKey;

        /**
         * Creates the admin settings, without keys.
         */
        public Admin() {
        }

        /**
         * The Cloud Management key setting.
         *
         * @return a file path or JSON, or {@code null} when not set
         */
        public String getCisKey() {
            return cisKey;
        }

        /**
         * Sets the Cloud Management key.
         *
         * @param cisKey a file path or the key's JSON
         */
        public void setCisKey(String cisKey) {
            this.cisKey = cisKey;
        }

        /**
         * The Service Manager key setting.
         *
         * @return a file path or JSON, or {@code null} when not set
         */
        public String getSmKey() {
            return smKey;
        }

        /**
         * Sets the Service Manager key.
         *
         * @param smKey a file path or the key's JSON
         */
        public void setSmKey(String smKey) {
            this.smKey = smKey;
        }

        @Override
        public String toString() {
            return "Admin{cisKey=" + (cisKey == null ? "unset" : "***") + ", smKey="
                    + (smKey == null ? "unset" : "***") + "}";
        }
    }

    /** Where Kubernetes service bindings are looked for when no key is configured and no VCAP_SERVICES has one. */
    public static class Kubernetes {

        /** The directory of a mounted Cloud ALM key secret (one file per field, or one JSON file). */
        private Path bindingDirectory;

        /**
         * Root of the SAP BTP service operator's secret mounts; the key is looked for in
         * {@code <root>/SAPCloudALMAPIs/<instance>}.
         */
        private Path secretsRoot = Path.of("/etc/secrets/sapbtp");

        /**
         * Creates the Kubernetes settings with their defaults.
         */
        public Kubernetes() {
        }

        /**
         * The explicit binding directory.
         *
         * @return the directory, or {@code null} when not set
         */
        public Path getBindingDirectory() {
            return bindingDirectory;
        }

        /**
         * Sets the directory of a mounted Cloud ALM key secret.
         *
         * @param bindingDirectory the directory
         */
        public void setBindingDirectory(Path bindingDirectory) {
            this.bindingDirectory = bindingDirectory;
        }

        /**
         * The root of the SAP BTP service operator's secret mounts.
         *
         * @return default {@code /etc/secrets/sapbtp}
         */
        public Path getSecretsRoot() {
            return secretsRoot;
        }

        /**
         * Sets the root of the SAP BTP service operator's secret mounts.
         *
         * @param secretsRoot the directory
         */
        public void setSecretsRoot(Path secretsRoot) {
            this.secretsRoot = secretsRoot;
        }
    }

    /** The {@code calm} health indicator (turned off with {@code management.health.calm.enabled=false}). */
    public static class Health {

        /** How long a health result is reused, so that probes never hammer XSUAA or Cloud ALM. */
        private Duration cacheTtl = Duration.ofSeconds(30);

        /** The Cloud ALM path the health check reads (any answer but 401 and 5xx counts as UP). */
        private String path = "/calm-projects/v1/projects";

        /**
         * Creates the health settings with their defaults.
         */
        public Health() {
        }

        /**
         * How long a result is reused.
         *
         * @return default 30 s
         */
        public Duration getCacheTtl() {
            return cacheTtl;
        }

        /**
         * Sets how long a result is reused.
         *
         * @param cacheTtl the time; zero checks on every probe
         */
        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        /**
         * The Cloud ALM path the check reads.
         *
         * @return default {@code /calm-projects/v1/projects}
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets the Cloud ALM path the check reads.
         *
         * @param path a path under the key's {@code endpoints.Api}, starting with {@code /}
         */
        public void setPath(String path) {
            this.path = path;
        }
    }

    /** Micrometer metrics of every HTTP attempt. */
    public static class Metrics {

        /** Whether calm.client.requests and calm.client.retries are recorded (needs a MeterRegistry bean). */
        private boolean enabled = true;

        /**
         * Creates the metrics settings with their defaults.
         */
        public Metrics() {
        }

        /**
         * Whether metrics are recorded.
         *
         * @return {@code true} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns metrics on or off.
         *
         * @param enabled {@code false} to record nothing
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
