package io.calmsdk.spring.boot.autoconfigure;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.auth.TokenProvider;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.http.RequestListener;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of calm-sdk: {@link ClientOptions} from {@code calm.*} properties; a
 * {@link CloudAlmClient} and its {@link TokenProvider} when a Cloud ALM service key is found; a
 * {@link CloudAlmProvisioner} when admin keys are set; Micrometer metrics of every HTTP attempt when a
 * {@link MeterRegistry} exists; masking of the key settings in the actuator's configprops and env
 * endpoints. Every bean backs off when the application defines one of the same type, and clients are
 * closed with the context. Off with {@code calm.enabled=false}.
 *
 * <p>Without any key the application starts as usual: one INFO line says where the starter looked, and
 * no client bean is created.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(ClientOptions.class)
@ConditionalOnProperty(prefix = "calm", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CalmProperties.class)
public class CalmAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CalmAutoConfiguration.class);

    /**
     * Creates the configuration and says in one INFO line where the Cloud ALM key comes from, or that none
     * was found.
     *
     * @param properties the {@code calm.*} settings
     * @param environment the environment holding {@code VCAP_SERVICES} and {@code SERVICE_BINDING_ROOT}
     */
    public CalmAutoConfiguration(CalmProperties properties, Environment environment) {
        Optional<ServiceKeyLocator.Location> location = ServiceKeyLocator.locate(properties, environment);
        if (location.isPresent()) {
            LOG.info("calm-sdk: Cloud ALM service key from {}", location.get().description());
        } else {
            LOG.info("calm-sdk: no Cloud ALM service key found (looked at {}); no CloudAlmClient bean is created."
                    + " Set calm.service-key to a key file or the key's JSON, or bind an instance of {}.",
                    ServiceKeyLocator.placesLookedAt(properties, environment), ServiceKeyLocator.LABEL);
        }
    }

    /**
     * The options every calm-sdk bean is built with: timeouts, retries and user agent from {@code calm.*},
     * every {@link RequestListener} bean, then every {@link CalmClientOptionsCustomizer}. Clients built
     * from these options share one HTTP client.
     *
     * @param properties the {@code calm.*} settings
     * @param listeners the request listener beans, e.g. {@link CalmMetricsListener}
     * @param customizers the customizer beans
     * @return the options
     */
    @Bean
    @ConditionalOnMissingBean
    public ClientOptions calmClientOptions(CalmProperties properties, ObjectProvider<RequestListener> listeners,
            ObjectProvider<CalmClientOptionsCustomizer> customizers) {
        CalmRetryProperties retry = properties.getRetry();
        ClientOptions.Builder options = ClientOptions.builder()
                .attemptTimeout(properties.getAttemptTimeout())
                .callTimeout(properties.getCallTimeout())
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(retry.getMaxAttempts())
                        .baseDelay(retry.getBaseDelay())
                        .maxDelay(retry.getMaxDelay())
                        .maxRetryAfter(retry.getMaxRetryAfter())
                        .retryableStatuses(retry.getRetryableStatuses().stream().mapToInt(Integer::intValue).toArray())
                        .retryBudget(retry.getRetryBudget())
                        .build());
        // Only when changed: a customizer may supply its own HttpClient, which cannot take a connect timeout.
        if (!properties.getConnectTimeout().equals(CalmProperties.SDK_DEFAULTS.connectTimeout())) {
            options.connectTimeout(properties.getConnectTimeout());
        }
        if (Conditions.isSet(properties.getUserAgentSuffix())) {
            options.userAgentSuffix(properties.getUserAgentSuffix());
        }
        listeners.orderedStream().forEach(options::addRequestListener);
        customizers.orderedStream().forEach(c -> c.customize(options));
        return options.build();
    }

    /**
     * The Cloud ALM client and its token provider, created when a Cloud ALM service key is found.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CloudAlmClient.class)
    @Conditional(Conditions.OnServiceKey.class)
    public static class CloudAlmClientConfiguration {

        /**
         * Creates the configuration.
         */
        public CloudAlmClientConfiguration() {
        }

        /**
         * The Cloud ALM service key, read once from where {@link CalmProperties} says.
         *
         * @param properties the {@code calm.*} settings
         * @param environment the environment
         * @return the key
         */
        @Bean
        @ConditionalOnMissingBean
        public ServiceKey calmServiceKey(CalmProperties properties, Environment environment) {
            return ServiceKeyLocator.locate(properties, environment)
                    .orElseThrow(() -> new IllegalStateException("The Cloud ALM service key is gone: it was found"
                            + " when the context was configured"))
                    .read();
        }

        /**
         * The token provider of the key, shared by the client and the health check; closed with the context.
         *
         * @param key the Cloud ALM service key
         * @param options the client options
         * @return the token provider
         */
        @Bean
        @ConditionalOnMissingBean(TokenProvider.class)
        public ClientCredentialsTokenProvider calmTokenProvider(ServiceKey key, ClientOptions options) {
            return ClientCredentialsTokenProvider.builder().credentials(key).options(options).build();
        }

        /**
         * The Cloud ALM client; closed with the context.
         *
         * @param key the Cloud ALM service key
         * @param tokenProvider the token provider
         * @param options the client options
         * @return the client
         */
        @Bean
        @ConditionalOnMissingBean
        public CloudAlmClient calmClient(ServiceKey key, TokenProvider tokenProvider, ClientOptions options) {
            return CloudAlmClient.builder().credentials(key).tokenProvider(tokenProvider).options(options).build();
        }
    }

    /**
     * The provisioner, created when {@code calm.admin.cis-key} or {@code calm.admin.sm-key} is set and
     * calm-sdk-btp is on the class path.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CloudAlmProvisioner.class)
    @Conditional(Conditions.OnAdminKey.class)
    public static class ProvisionerConfiguration {

        /**
         * Creates the configuration.
         */
        public ProvisionerConfiguration() {
        }

        /**
         * The provisioner with the configured admin keys; closed with the context.
         *
         * @param properties the {@code calm.*} settings
         * @param options the client options
         * @return the provisioner
         */
        @Bean
        @ConditionalOnMissingBean
        public CloudAlmProvisioner calmProvisioner(CalmProperties properties, ClientOptions options) {
            CloudAlmProvisioner.Builder builder = CloudAlmProvisioner.builder().options(options);
            CalmProperties.Admin admin = properties.getAdmin();
            if (Conditions.isSet(admin.getCisKey())) {
                builder.credentials(ServiceKeyLocator.read("calm.admin.cis-key", admin.getCisKey(), ServiceKeys.cis()));
            }
            if (Conditions.isSet(admin.getSmKey())) {
                builder.credentials(ServiceKeyLocator.read("calm.admin.sm-key", admin.getSmKey(), ServiceKeys.serviceManager()));
            }
            return builder.build();
        }
    }

    /**
     * Micrometer metrics of every HTTP attempt ({@code calm.client.requests}, {@code calm.client.retries}),
     * when a {@link MeterRegistry} bean exists; off with {@code calm.metrics.enabled=false}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnProperty(prefix = "calm.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
    public static class MetricsConfiguration {

        /**
         * Creates the configuration.
         */
        public MetricsConfiguration() {
        }

        /**
         * The listener that records the metrics; the options pick it up as a {@link RequestListener} bean.
         *
         * @param registry the meter registry
         * @return the listener
         */
        @Bean
        @ConditionalOnMissingBean
        public CalmMetricsListener calmMetricsListener(MeterRegistry registry) {
            return new CalmMetricsListener(registry);
        }
    }

    /**
     * Masks {@code calm.service-key}, {@code calm.admin.cis-key} and {@code calm.admin.sm-key} in the
     * actuator's configprops and env endpoints, whatever their {@code show-values} setting.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    public static class SanitizingConfiguration {

        /**
         * Creates the configuration.
         */
        public SanitizingConfiguration() {
        }

        /**
         * The sanitizing function; Spring Boot applies every such bean.
         *
         * @return the function, typed {@code SanitizingFunction}
         */
        @Bean
        @ConditionalOnMissingBean(name = "calmSanitizingFunction")
        public org.springframework.boot.actuate.endpoint.SanitizingFunction calmSanitizingFunction() {
            return new CalmSanitizingFunction();
        }
    }
}
