package io.calmsdk.core.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Reader<ServiceKey> CALM = new Reader<>(
            ServiceKey.class, "Cloud ALM service key", CALM_VCAP_LABEL, Set.of("endpoints", "uaa"));
    private static final Reader<CisKey> CIS = new Reader<>(
            CisKey.class, "Cloud Management (cis) service key", "cis", Set.of("endpoints", "uaa"));
    private static final Reader<ServiceManagerKey> SERVICE_MANAGER = new Reader<>(
            ServiceManagerKey.class, "Service Manager service key", "service-manager", Set.of("sm_url", "clientid"));

    private ServiceKeys() {
    }

    /**
     * The reader of Cloud ALM ({@code SAPCloudALMAPIs}) keys; {@code VCAP_SERVICES} label
     * {@value #CALM_VCAP_LABEL}.
     *
     * @return the reader
     */
    public static Reader<ServiceKey> calm() {
        return CALM;
    }

    /**
     * The reader of Cloud Management ({@code cis}, plan {@code central}) keys; {@code VCAP_SERVICES}
     * label {@code cis}.
     *
     * @return the reader
     */
    public static Reader<CisKey> cis() {
        return CIS;
    }

    /**
     * The reader of Service Manager ({@code subaccount-admin}) keys; {@code VCAP_SERVICES} label
     * {@code service-manager}.
     *
     * @return the reader
     */
    public static Reader<ServiceManagerKey> serviceManager() {
        return SERVICE_MANAGER;
    }

    /**
     * Writes a Cloud ALM key, secrets in clear, readable by the owner only ({@code 0600} on POSIX) and
     * replaced atomically, so a reader never sees half a key; it reads back with {@link #calm()}.
     *
     * @param file the target file; its directory must exist
     * @param key the key
     * @throws io.calmsdk.core.exception.CalmClientException when the file cannot be written (the message names
     *     the file, never the key)
     */
    public static void write(Path file, ServiceKey key) {
        KeyFiles.write(file, key);
    }

    /**
     * Writes a Cloud Management key like {@link #write(Path, ServiceKey)}; it reads back with {@link #cis()}.
     *
     * @param file the target file; its directory must exist
     * @param key the key
     * @throws io.calmsdk.core.exception.CalmClientException when the file cannot be written
     */
    public static void write(Path file, CisKey key) {
        KeyFiles.write(file, key);
    }

    /**
     * Writes a Service Manager key like {@link #write(Path, ServiceKey)}; it reads back with
     * {@link #serviceManager()}.
     *
     * @param file the target file; its directory must exist
     * @param key the key
     * @throws io.calmsdk.core.exception.CalmClientException when the file cannot be written
     */
    public static void write(Path file, ServiceManagerKey key) {
        KeyFiles.write(file, key);
    }

    /**
     * Reads one kind of service key (Cloud ALM, Cloud Management or Service Manager) from every place keys
     * live: JSON text as the cockpit, the btp CLI or the cf CLI print it, a file, an environment variable,
     * {@code VCAP_SERVICES} and a Kubernetes Secret directory. Obtain one from {@link ServiceKeys}.
     *
     * <p>Every failure is an {@link InvalidServiceKeyException} naming the JSON path that is missing or
     * wrong and where the key came from; messages never contain the key's content. Instances are immutable
     * and thread-safe.
     *
     * @param <T> the key type
     */
    public static final class Reader<T> {

        private static final Logger LOG = LoggerFactory.getLogger(Reader.class);

        /** The default environment: read only by the factories that say so. */
        private static final Map<String, String> SYSTEM_ENV = System.getenv();

        private final Class<T> type;
        private final String kind;
        private final String vcapLabel;
        private final Set<String> markers;

        Reader(Class<T> type, String kind, String vcapLabel, Set<String> markers) {
            this.type = type;
            this.kind = kind;
            this.vcapLabel = vcapLabel;
            this.markers = markers;
        }

        /**
         * Reads a key from JSON text: the cockpit's key JSON, {@code btp --format json get services/binding}
         * output (credentials under {@code credentials}) or {@code cf service-key} output (leading text
         * lines, then JSON, possibly under {@code credentials}).
         *
         * @param json the text
         * @return the key
         * @throws InvalidServiceKeyException when the text holds no valid key
         */
        public T fromJson(String json) {
            return fromJson(json, "JSON text");
        }

        T fromJson(String json, String source) {
            return fromTree(KeySource.parse(json, kind, source), source);
        }

        /**
         * Reads a key from a file holding any of the layouts {@link #fromJson(String)} accepts. Logs a
         * warning (naming the file, never its content) when group or others may read the file.
         *
         * @param file the file
         * @return the key
         * @throws InvalidServiceKeyException when the file cannot be read or holds no valid key
         */
        public T fromFile(Path file) {
            Objects.requireNonNull(file, "file");
            String source = "file " + file;
            String text = KeyFileReader.read(file, kind, source, true);
            return fromJson(text, source);
        }

        /**
         * Reads a key from the JSON text in an environment variable of this process.
         *
         * @param variable the variable name, e.g. {@code CALM_SERVICE_KEY}
         * @return the key
         * @throws InvalidServiceKeyException when the variable is not set or holds no valid key
         */
        public T fromEnvironment(String variable) {
            return fromEnvironment(variable, SYSTEM_ENV);
        }

        /**
         * Reads a key from the JSON text of a variable of the given environment (for tests, or an
         * environment assembled by the caller).
         *
         * @param variable the variable name
         * @param environment the environment to read, e.g. {@code System.getenv()}
         * @return the key
         * @throws InvalidServiceKeyException when the variable is not set or holds no valid key
         */
        public T fromEnvironment(String variable, Map<String, String> environment) {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(environment, "environment");
            String source = "environment variable " + variable;
            String value = environment.get(variable);
            if (value == null) {
                throw new InvalidServiceKeyException("$", kind + " from " + source + " is missing: the variable is not set");
            }
            return fromJson(value, source);
        }

        /**
         * Reads the only key of this kind from this process's {@code VCAP_SERVICES}.
         *
         * @return the key
         * @throws InvalidServiceKeyException when there is none, several, or it is invalid
         */
        public T fromVcapServices() {
            return fromVcapServices(SYSTEM_ENV);
        }

        /**
         * Reads the key of this kind bound under {@code name} (instance name or binding name) from this
         * process's {@code VCAP_SERVICES}.
         *
         * @param name the service instance name or binding name
         * @return the key
         * @throws InvalidServiceKeyException when no or several entries match (the message lists the
         *     available names), or the key is invalid
         */
        public T fromVcapServices(String name) {
            return fromVcapServices(name, SYSTEM_ENV);
        }

        /**
         * Reads the only key of this kind from {@code VCAP_SERVICES} of the given environment.
         *
         * @param environment the environment holding {@code VCAP_SERVICES}
         * @return the key
         * @throws InvalidServiceKeyException when there is none, several, or it is invalid
         */
        public T fromVcapServices(Map<String, String> environment) {
            return fromVcap(environment, Optional.empty());
        }

        /**
         * Reads the key of this kind bound under {@code name} from {@code VCAP_SERVICES} of the given
         * environment.
         *
         * @param name the service instance name or binding name
         * @param environment the environment holding {@code VCAP_SERVICES}
         * @return the key
         * @throws InvalidServiceKeyException when no or several entries match, or the key is invalid
         */
        public T fromVcapServices(String name, Map<String, String> environment) {
            return fromVcap(environment, Optional.of(Objects.requireNonNull(name, "name")));
        }

        private T fromVcap(Map<String, String> environment, Optional<String> name) {
            Objects.requireNonNull(environment, "environment");
            String text = environment.get("VCAP_SERVICES");
            if (text == null) {
                throw new InvalidServiceKeyException("$", kind + " from VCAP_SERVICES is missing: the variable is not set");
            }
            JsonNode vcap = KeySource.parse(text, kind, "VCAP_SERVICES");
            VcapEntry entry = VcapServices.select(vcap, vcapLabel, name, kind);
            return fromTree(entry.credentials(), "VCAP_SERVICES entry '" + entry.displayName() + "'");
        }

        /**
         * Reads a key from a Kubernetes Secret mounted as a directory, as the SAP BTP service operator writes
         * it: either one file per top-level key field (nested objects as JSON text, e.g. files
         * {@code endpoints} and {@code uaa}), or one file (such as {@code secretKey}) holding the whole key
         * as JSON.
         *
         * @param directory the mounted secret directory
         * @return the key
         * @throws InvalidServiceKeyException when the directory cannot be read or holds no valid key
         */
        public T fromKubernetesSecret(Path directory) {
            Objects.requireNonNull(directory, "directory");
            String source = "Kubernetes secret directory " + directory;
            ObjectNode fields = KubernetesSecretDirectory.read(directory, kind, source);
            if (!hasMarker(fields)) {
                List<String> wholeKeyFiles = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isObject() && (hasMarker(e.getValue()) || e.getValue().has("credentials"))) {
                        wholeKeyFiles.add(e.getKey());
                    }
                }
                if (wholeKeyFiles.size() == 1) {
                    String file = wholeKeyFiles.get(0);
                    return fromTree(fields.get(file), source + ", file " + file);
                }
            }
            return fromTree(fields, source);
        }

        /**
         * Reads a key from an already-parsed tree, unwrapping a {@code credentials} envelope.
         */
        T fromTree(JsonNode node, String source) {
            JsonNode key = unwrap(node);
            try {
                T value = Json.mapper().treeToValue(key, type);
                LOG.debug("Read {} from {}", kind, source);
                return value;
            } catch (JsonProcessingException e) {
                Throwable cause = e.getCause();
                if (cause instanceof InvalidServiceKeyException) {
                    InvalidServiceKeyException invalid = (InvalidServiceKeyException) cause;
                    throw new InvalidServiceKeyException(invalid.path(), invalid.getMessage() + " (read from " + source + ")");
                }
                throw new InvalidServiceKeyException("$", kind + " from " + source + " could not be read as a key");
            }
        }

        private JsonNode unwrap(JsonNode node) {
            JsonNode current = node;
            // btp CLI: the binding with the key under "credentials"; cf CLI v7+: {"credentials": {...}}.
            while (current.isObject() && !hasMarker(current) && current.path("credentials").isObject()) {
                current = current.get("credentials");
            }
            return current;
        }

        private boolean hasMarker(JsonNode node) {
            for (String m : markers) {
                if (node.has(m)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The kind of key this reader reads, as used in messages.
         *
         * @return e.g. {@code Cloud ALM service key}
         */
        public String kind() {
            return kind;
        }

        @Override
        public String toString() {
            return "ServiceKeys.Reader{" + kind + "}";
        }
    }
}
